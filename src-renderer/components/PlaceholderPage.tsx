import { Badge, Body1, Card, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useT } from '../i18n';
import { PageHeader } from './PageHeader';

const useStyles = makeStyles({
  body: { padding: `0 ${tokens.spacingHorizontalXL}`, overflowY: 'auto' },
  card: { maxWidth: '640px', display: 'flex', flexDirection: 'row', gap: tokens.spacingHorizontalL, alignItems: 'flex-start', padding: tokens.spacingHorizontalXL },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/** A page that is planned but not built yet: says plainly what will be here, shows no fake data. */
export function PlaceholderPage(props: { title: string; body: string; icon: ReactElement }) {
  const styles = useStyles();
  const t = useT();
  return (
    <>
      <PageHeader title={props.title} />
      <div className={styles.body}>
        <Card className={styles.card}>
          <span className={styles.icon} aria-hidden>
            {props.icon}
          </span>
          <div className={styles.text}>
            <Badge appearance="tint" color="informative">
              {t('placeholder.soon')}
            </Badge>
            <Body1>{props.body}</Body1>
          </div>
        </Card>
      </div>
    </>
  );
}
