import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ChannelStatusView } from '../../src-preload/contract';
import { formatShort } from '../format/time';
import { useCoreText, useLanguage, useT } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const COLOR = { connected: 'success', syncing: 'brand', idle: 'success', auth_failed: 'danger', offline: 'warning', disabled: 'subtle' } as const;

/** A connector's state as the core reports it: what is wrong, when it retries by itself ("Mencoba lagi pukul 10.05 WITA"), and "reconnect now". */
export function ChannelStatusLine(props: { status: ChannelStatusView | null; onReconnect(): void }) {
  const styles = useStyles();
  const t = useT();
  const coreText = useCoreText();
  const language = useLanguage((s) => s.language);
  const s = props.status;
  return (
    <div className={styles.row} data-testid="channel-status">
      <Text>{t('channels.status')}:</Text>
      {s ? (
        <Badge appearance="tint" color={COLOR[s.state]}>
          {t(`channelState.${s.state}`)}
        </Badge>
      ) : (
        <Badge appearance="tint" color="subtle">
          {t('channels.notRunning')}
        </Badge>
      )}
      {s && s.detail.length > 0 && <Text size={200}>{coreText(s.detail)}</Text>}
      {s?.nextRetryAt && s.state !== 'disabled' && (
        <Text size={200} className={styles.muted} data-testid="channel-next-retry">
          {t('channels.nextRetry', { at: formatShort(s.nextRetryAt, language) })}
        </Text>
      )}
      {s && s.state !== 'disabled' && (
        <Button size="small" appearance="subtle" onClick={props.onReconnect}>
          {t('channels.reconnect')}
        </Button>
      )}
    </div>
  );
}
