import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useChannelStatuses, type ShownStatus } from '../channels/status-store';
import { formatShort } from '../format/time';
import { useCoreText, useLanguage, useT } from '../i18n';

const useStyles = makeStyles({ bar: { borderRadius: 0, flexShrink: 0 } });

/** A short drop (a restart of the mail server) is not worth alarming anyone over. */
const OFFLINE_GRACE_MS = 60_000;

/**
 * Since when the channel has not worked: the core's own count when it keeps one (it survives a
 * retry that briefly connects, and a page opened mid-outage), else when this page saw the state begin.
 */
const troubleSince = (s: ShownStatus): number => Math.min(s.stalledSince ?? s.since, s.since);

/**
 * A bar above every page while a channel cannot work: a rejected login at once, an outage after a
 * minute. Says which channel, what is wrong and when it retries by itself, so an officer in the
 * inbox knows why nothing arrives; the details and "Sambungkan ulang" are in Pengaturan → Kanal.
 */
export function ChannelAlert(props: { onOpenSettings?: () => void }) {
  const styles = useStyles();
  const t = useT();
  const coreText = useCoreText();
  const language = useLanguage((s) => s.language);
  const statuses = useChannelStatuses();
  // Re-rendered now and then, so an outage shows once its grace period is over without a new event.
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, []);

  const troubles = (['email', 'telegram'] as const)
    .map((channel) => statuses[channel])
    .filter((s): s is ShownStatus => !!s && (s.state === 'auth_failed' || (s.state === 'offline' && Date.now() - troubleSince(s) >= OFFLINE_GRACE_MS)));
  if (troubles.length === 0) return null;
  return (
    <>
      {troubles.map((s) => (
        <MessageBar
          key={s.channel}
          intent={s.state === 'auth_failed' ? 'error' : 'warning'}
          className={styles.bar}
          data-testid="channel-alert"
          data-channel={s.channel}
        >
          <MessageBarBody>
            <MessageBarTitle>
              {t(s.state === 'auth_failed' ? 'channelAlert.authFailed' : 'channelAlert.offline', { channel: t(`channel.${s.channel}`) })}
            </MessageBarTitle>
            {s.detail.length > 0 ? ` — ${coreText(s.detail)}.` : '.'}
            {s.state === 'offline' && s.stalledSince ? ` ${t('channelAlert.since', { at: formatShort(s.stalledSince, language) })}.` : ''}
            {s.nextRetryAt ? ` ${t('channels.nextRetry', { at: formatShort(s.nextRetryAt, language) })}.` : ''}
            {props.onOpenSettings && (
              <>
                {' '}
                <Link onClick={props.onOpenSettings}>{t('channelAlert.openSettings')}</Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
