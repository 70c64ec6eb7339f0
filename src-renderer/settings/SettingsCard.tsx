import { Card, CardHeader, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** The frame every settings section shares: title, one line of why, the form. */
export function SettingsCard(props: { title: string; intro?: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid={props.testId}>
      <CardHeader header={<Subtitle2 as="h2">{props.title}</Subtitle2>} action={props.action as never} />
      {props.intro && <Text className={styles.intro}>{props.intro}</Text>}
      {props.children}
    </Card>
  );
}
