import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { ChatRegular, MailRegular, PersonRegular, SendRegular } from '@fluentui/react-icons';
import type { Channel, ConversationStatus } from '../../src-preload/contract';
import type { DueLevel } from '../format/time';
import { useT } from '../i18n';

// New ones stand out (filled); the rest are calm tints, success once the service is done.
const STATUS_LOOK: Record<ConversationStatus, Pick<BadgeProps, 'color' | 'appearance'>> = {
  new: { color: 'brand', appearance: 'filled' },
  awaiting_requirements: { color: 'severe', appearance: 'tint' },
  in_progress: { color: 'brand', appearance: 'tint' },
  waiting_requester: { color: 'informative', appearance: 'tint' },
  resolved: { color: 'success', appearance: 'tint' },
  rated: { color: 'success', appearance: 'outline' },
};

const useBadgeStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

export function StatusBadge(props: { status: ConversationStatus }) {
  const t = useT();
  const styles = useBadgeStyles();
  return (
    <Badge {...STATUS_LOOK[props.status]} shape="rounded" className={styles.badge}>
      {t(`status.${props.status}`)}
    </Badge>
  );
}

const CHANNEL_ICON = { telegram: SendRegular, email: MailRegular, whatsapp: ChatRegular, manual: PersonRegular } as const;

const useIconStyles = makeStyles({
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

/** Telegram (paper plane), email, WhatsApp (a chat bubble), or a walk-in/phone entry; labelled for screen readers. */
export function ChannelIcon(props: { channel: Channel }) {
  const t = useT();
  const styles = useIconStyles();
  const Icon = CHANNEL_ICON[props.channel];
  return <Icon className={styles.icon} role="img" aria-label={t(`channel.${props.channel}`)} />;
}

const useDueStyles = makeStyles({
  none: { color: tokens.colorNeutralForeground3 },
  ok: { color: tokens.colorNeutralForeground2 },
  soon: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function DueText(props: { level: DueLevel; text: string; title?: string }) {
  const styles = useDueStyles();
  return (
    <span className={styles[props.level]} title={props.title} data-due={props.level}>
      {props.text}
    </span>
  );
}
