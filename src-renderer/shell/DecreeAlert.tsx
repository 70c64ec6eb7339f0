import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCall } from '../api/use-call';
import { useT } from '../i18n';

const useStyles = makeStyles({ bar: { borderRadius: 0, flexShrink: 0 } });

/**
 * A bar above every page for the admin while the current year's, or from October the coming
 * year's, holiday decree (SKB) is not in the calendar: deadlines across that year are estimates
 * until it is imported or typed. Goes away once the list is in.
 */
export function DecreeAlert(props: { onOpenCalendar: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { data } = useCall('calendar.status', {}, { refreshOn: ['calendar.changed'] });
  if (!data || data.yearsMissingDecree.length === 0) return null;
  return (
    <MessageBar intent="warning" className={styles.bar} data-testid="decree-alert">
      <MessageBarBody>
        <MessageBarTitle>{t('decreeAlert.title', { years: data.yearsMissingDecree.join(', ') })}</MessageBarTitle>
        {t('decreeAlert.body')} <Link onClick={props.onOpenCalendar}>{t('decreeAlert.open')}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}
