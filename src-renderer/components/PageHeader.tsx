import { makeStyles, Title3, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    minHeight: '32px',
    flexShrink: 0,
  },
  title: { flexGrow: 1 },
});

export function PageHeader(props: { title: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Title3 as="h1" className={styles.title}>
        {props.title}
      </Title3>
      {props.children}
    </div>
  );
}
