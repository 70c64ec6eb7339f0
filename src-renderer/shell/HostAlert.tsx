import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useHostLink } from '../api/host-link';
import { formatShort } from '../format/time';
import { useLanguage, useT } from '../i18n';

const useStyles = makeStyles({ bar: { borderRadius: 0, flexShrink: 0 } });

/**
 * A bar above every page while the PC that runs the console (the host) does not answer: since
 * when, and that nothing is saved meanwhile. It goes by itself once the host answers again.
 */
export function HostAlert() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const link = useHostLink();
  if (link.reachable) return null;
  return (
    <MessageBar intent="error" className={styles.bar} data-testid="host-alert" icon={<Spinner size="extra-tiny" />}>
      <MessageBarBody>
        <MessageBarTitle>{t('hostAlert.title', { since: link.since === null ? '—' : formatShort(link.since, language) })}</MessageBarTitle>
        {t('hostAlert.body')}
      </MessageBarBody>
    </MessageBar>
  );
}
