import { Avatar, Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, LockClosedRegular, MegaphoneRegular } from '@fluentui/react-icons';
import { memo, useState } from 'react';
import type { MessageOrigin, MessageView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { Attachments } from './Attachments';
import { EmailHtml } from './EmailHtml';

const AUTOMATIC: ReadonlySet<MessageOrigin> = new Set(['ack', 'bot', 'out_of_hours', 'rating', 'system']);

const useStyles = makeStyles({
  bubble: {
    maxWidth: '82%',
    minWidth: '220px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    boxSizing: 'border-box',
  },
  wide: { width: '82%' },
  incoming: { alignSelf: 'flex-start', backgroundColor: tokens.colorNeutralBackground1 },
  outgoing: { alignSelf: 'flex-end', backgroundColor: tokens.colorBrandBackground2 },
  // The console's own messages step back so an officer's words stand out.
  automatic: { backgroundColor: tokens.colorNeutralBackground3, boxShadow: 'none', border: `1px dashed ${tokens.colorNeutralStroke2}` },
  note: {
    alignSelf: 'flex-end',
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `1px dashed ${tokens.colorPaletteYellowBorder2}`,
    boxShadow: 'none',
  },
  failedBubble: { border: `1px solid ${tokens.colorPaletteRedBorder2}` },
  // A system event is one line; a click shows the whole of it. The thread is for what people said.
  activity: {
    alignSelf: 'center',
    maxWidth: '90%',
    minWidth: 0,
    // Clipped sideways only: in the timeline's full column a shrinkable, clipped item would fold to nothing.
    flexShrink: 0,
    border: 'none',
    background: 'none',
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontFamily: 'inherit',
    textAlign: 'center',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  activityOpen: { whiteSpace: 'normal' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  pending: { color: tokens.colorPaletteDarkOrangeForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  quoted: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground3,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  quiet: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** One entry of the timeline: who, which channel, when (WITA), its delivery state and files. */
export const MessageBubble = memo(function MessageBubble(props: { message: MessageView; onPromote?(message: MessageView): void }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const m = props.message;
  const [showHtml, setShowHtml] = useState(m.hasHtml && m.channel === 'email');
  const [quoted, setQuoted] = useState<string | null | undefined>(undefined);
  const [quotedOpen, setQuotedOpen] = useState(false);
  const retry = useAction();
  const quote = useAction();
  const time = formatDateTime(m.createdAt, language);

  if (m.direction === 'activity') return <ActivityLine text={m.text} time={time} />;

  async function toggleQuoted() {
    if (quoted === undefined) {
      const original = await quote.run(() => api.call('email.original', { messageId: m.id }));
      if (!original) return;
      setQuoted(original.quotedText);
      setQuotedOpen(original.quotedText !== null);
      return;
    }
    setQuotedOpen((o) => !o);
  }

  const failed = m.delivery === 'failed';
  return (
    <article
      className={mergeClasses(
        styles.bubble,
        styles[m.direction],
        AUTOMATIC.has(m.origin) && styles.automatic,
        showHtml && styles.wide,
        failed && styles.failedBubble,
      )}
      data-testid="message"
      data-direction={m.direction}
      data-delivery={m.delivery ?? undefined}
      data-origin={m.origin}
    >
      <div className={styles.meta}>
        {m.direction === 'note' && <LockClosedRegular aria-hidden />}
        {/* An officer's own words carry their initials, so a colleague's reply is told apart at a glance. */}
        {m.authorName && <Avatar name={m.authorName} size={20} aria-hidden data-testid="message-avatar" />}
        <span data-testid="message-author">{t(`origin.${m.origin}`, { name: m.authorName ?? t('origin.formerOfficer') })}</span>
        {m.direction !== 'note' && m.channel !== 'manual' && <span>· {t(`channel.${m.channel}`)}</span>}
        <span>· {time}</span>
        {m.sentOutsideConsole && <span data-testid="sent-outside-console">· {t('message.sentOutsideConsole')}</span>}
        {m.otherSender && <span data-testid="other-sender">· {t('message.otherSender', { address: m.otherSender })}</span>}
        {m.delivery && m.channel !== 'manual' && (
          <span className={failed ? styles.failed : m.delivery === 'pending' ? styles.pending : undefined} data-testid="delivery">
            · {t(`delivery.${m.delivery}`)}
            {failed && m.failureReason ? `: ${m.failureReason}` : ''}
          </span>
        )}
      </div>
      {showHtml ? <EmailHtml messageId={m.id} onFallback={() => setShowHtml(false)} /> : <Text className={styles.text}>{m.text}</Text>}
      {quotedOpen && quoted && (
        <div className={styles.quoted} data-testid="quoted">
          {quoted}
        </div>
      )}
      <Attachments attachments={m.attachments} pending={m.pendingFiles} />
      <div className={styles.row}>
        {failed && (
          <Button
            size="small"
            icon={retry.busy ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
            disabled={retry.busy}
            onClick={() => void retry.run(() => api.call('messages.retry', { messageId: m.id }))}
          >
            {t('message.retry')}
          </Button>
        )}
        {m.channel === 'email' && m.direction === 'incoming' && !showHtml && quoted !== null && (
          <Button size="small" appearance="subtle" onClick={() => void toggleQuoted()}>
            {quotedOpen ? t('message.hideQuoted') : t('message.showQuoted')}
          </Button>
        )}
        {m.hasHtml && m.channel === 'email' && !showHtml && (
          <Button size="small" appearance="subtle" onClick={() => setShowHtml(true)}>
            {t('email.showHtml')}
          </Button>
        )}
        {m.direction === 'incoming' && m.complaintId !== null && (
          <span className={styles.quiet} data-testid="message-promoted">
            <MegaphoneRegular aria-hidden />
            {t('message.promoted')}
          </span>
        )}
        {m.direction === 'incoming' && m.complaintId === null && props.onPromote && (
          // On every incoming message: a plain button, a fraction of a Fluent Button's cost when a conversation opens.
          <button type="button" className={styles.quiet} onClick={() => props.onPromote?.(m)}>
            <MegaphoneRegular aria-hidden />
            {t('message.promote')}
          </button>
        )}
      </div>
      <ErrorBar error={retry.error ?? quote.error} />
    </article>
  );
});

/** One timeline event ("Status diubah …", "Ditangani oleh …") on one line, whole on a click. */
function ActivityLine(props: { text: string; time: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <button
      type="button"
      className={mergeClasses(styles.activity, open && styles.activityOpen)}
      aria-expanded={open}
      title={open ? undefined : `${props.text} · ${props.time}`}
      onClick={() => setOpen(!open)}
      data-testid="message"
      data-direction="activity"
    >
      {props.text} · {props.time}
    </button>
  );
}
