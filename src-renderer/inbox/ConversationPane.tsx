import { makeStyles, mergeClasses, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ChatRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationDetail, MessageView } from '../../src-preload/contract';
import { api, errorMessage } from '../api/client';
import { usePstEvent } from '../api/use-event';
import { dueInfo, formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { ChannelIcon, DueText, StatusBadge } from './badges';
import { MessageItem } from './MessageItem';
import { useNow } from './use-now';

const useStyles = makeStyles({
  root: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  head: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    flexShrink: 0,
  },
  titleLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  ticket: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  factLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  factValue: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  timeline: { flexGrow: 1, overflowY: 'auto', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  footer: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground3, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  empty: { margin: 'auto', display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalM, color: tokens.colorNeutralForeground3, padding: tokens.spacingHorizontalXL, textAlign: 'center' },
  emptyIcon: { fontSize: '40px', color: tokens.colorNeutralForeground4 },
  padded: { padding: tokens.spacingHorizontalL },
});

/** Read-only view of one conversation; opening it marks it read. */
export function ConversationPane(props: { conversationId: number | null }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const now = useNow();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const id = props.conversationId;
  const timeline = useRef<HTMLDivElement>(null);

  // Like any chat, open at the newest message.
  useEffect(() => {
    timeline.current?.scrollTo({ top: timeline.current.scrollHeight });
  }, [messages]);

  const load = useCallback(async (conversationId: number) => {
    try {
      const [d, m] = await Promise.all([
        api.must('conversations.get', { id: conversationId }),
        api.must('messages.list', { conversationId, limit: 200 }),
      ]);
      setDetail(d);
      setMessages([...m].reverse()); // the core answers newest first; a timeline reads oldest first
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    setDetail(null);
    setMessages([]);
    setError(null);
    if (id === null) return;
    void load(id);
    void api.call('conversations.markRead', { id });
  }, [id, load]);

  usePstEvent('message.changed', (event) => {
    if (event.conversationId === id) void load(id);
  });
  usePstEvent('inbox.changed', (event) => {
    if (id !== null && event.conversationIds.includes(id)) void load(id);
  });

  if (id === null) {
    return (
      <section className={styles.root}>
        <div className={styles.empty}>
          <ChatRegular className={styles.emptyIcon} aria-hidden />
          <Text>{t('conversation.choose')}</Text>
        </div>
      </section>
    );
  }

  if (error) {
    return (
      <section className={mergeClasses(styles.root, styles.padded)}>
        <MessageBar intent="error" role="alert">
          <MessageBarBody data-testid="conversation-error">{error}</MessageBarBody>
        </MessageBar>
      </section>
    );
  }

  if (!detail) {
    return (
      <section className={styles.root}>
        <div className={styles.empty}>
          <Spinner size="small" label={t('common.loading')} />
        </div>
      </section>
    );
  }

  const due = dueInfo(detail.slaDueAt, now, t);
  return (
    <section className={styles.root} aria-label={detail.ticket} data-testid="conversation-pane">
      <div className={styles.head}>
        <div className={styles.titleLine}>
          <ChannelIcon channel={detail.channel} />
          <Subtitle2 as="h2">{detail.requester.name ?? t('common.unknownName')}</Subtitle2>
          <StatusBadge status={detail.status} />
          <span className={styles.ticket}>{detail.ticket}</span>
        </div>
        <dl className={styles.facts}>
          <dt className={styles.factLabel}>{t('conversation.institution')}</dt>
          <dd className={styles.factValue}>{detail.requester.institution ?? '—'}</dd>
          <dt className={styles.factLabel}>{t('conversation.need')}</dt>
          <dd className={styles.factValue}>{detail.need ?? '—'}</dd>
          <dt className={styles.factLabel}>{t('conversation.due')}</dt>
          <dd className={styles.factValue}>
            <DueText level={due.level} text={due.text} />
            {detail.slaDueAt !== null && ` (${formatDateTime(detail.slaDueAt, language)})`}
          </dd>
          <dt className={styles.factLabel}>{t('conversation.assignee')}</dt>
          <dd className={styles.factValue}>{detail.assigneeName ?? t('inbox.unassigned')}</dd>
        </dl>
      </div>
      <div ref={timeline} className={styles.timeline} data-testid="timeline">
        {messages.length === 0 && <Text>{t('conversation.noMessages')}</Text>}
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
      </div>
      <Text size={200} className={styles.footer}>
        {t('conversation.readOnly')}
      </Text>
    </section>
  );
}
