import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelStatusView, ChannelTechnicalDetail } from '../../src-preload/contract';
import { api } from '../api/client';
import { formatShort } from '../format/time';
import { useCoreText, useLanguage, useT } from '../i18n';
import { useSession } from '../state/session';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  technical: {
    flexBasis: '100%',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const FAILING: readonly ChannelStatusView['state'][] = ['auth_failed', 'offline'];

const COLOR = { connected: 'success', syncing: 'brand', idle: 'success', auth_failed: 'danger', offline: 'warning', disabled: 'subtle' } as const;

/** A connector's state as the core reports it: what is wrong, when it retries by itself ("Mencoba lagi pukul 10.05 WITA"), and "reconnect now". */
export function ChannelStatusLine(props: { status: ChannelStatusView | null; onReconnect(): void }) {
  const styles = useStyles();
  const t = useT();
  const coreText = useCoreText();
  const language = useLanguage((s) => s.language);
  const s = props.status;
  const isAdmin = useSession((x) => x.officer?.role === 'admin');
  // undefined: not asked; null: the core kept no failure.
  const [technical, setTechnical] = useState<ChannelTechnicalDetail | null | undefined>(undefined);
  const channel = s?.channel === 'email' || s?.channel === 'telegram' ? s.channel : null;
  async function toggleDetail() {
    if (technical !== undefined || !channel) return setTechnical(undefined);
    const r = await api.call('channels.technicalDetail', {});
    setTechnical(r.ok ? r.value[channel] : null);
  }
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
      {isAdmin && s && channel && FAILING.includes(s.state) && (
        <Button size="small" appearance="subtle" aria-expanded={technical !== undefined} onClick={() => void toggleDetail()}>
          {t('channels.detail')}
        </Button>
      )}
      {technical !== undefined && (
        <div className={styles.technical} data-testid="channel-technical">
          {technical ? `${formatShort(technical.at, language)} — ${technical.text}` : t('channels.detailNone')}
        </div>
      )}
    </div>
  );
}
