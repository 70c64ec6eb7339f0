import { makeStyles, mergeClasses, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { ChatRegular, PanelRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { MessageView } from '../../src-preload/contract';
import { ActionBar } from '../actions/ActionBar';
import { Composer } from '../composer/Composer';
import { SimilarPanel } from '../similar/SimilarPanel';
import { ChannelIcon, StatusBadge } from '../inbox/badges';
import { useT } from '../i18n';
import { RequesterPanel } from '../requester/RequesterPanel';
import { Timeline } from './Timeline';
import { PresenceLine } from '../presence/PresenceLine';
import { usePresenceHere } from '../presence/presence';
import { useConversation } from './use-conversation';

const PANEL_KEY = 'pst.requesterPanel';
// On the office's 1366-pixel screens the timeline needs the room; wider screens show the panel.
function readPanelPreference(): boolean {
  try {
    const stored = localStorage.getItem(PANEL_KEY);
    if (stored === 'open' || stored === 'closed') return stored === 'open';
  } catch {
    // no storage: fall through to the width rule
  }
  return window.innerWidth >= 1500;
}
function savePanelPreference(open: boolean): boolean {
  try {
    localStorage.setItem(PANEL_KEY, open ? 'open' : 'closed');
  } catch {
    // the choice then lasts for this page only
  }
  return open;
}

const useStyles = makeStyles({
  root: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  head: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    flexShrink: 0,
  },
  titleLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  ticket: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  sub: { color: tokens.colorNeutralForeground3 },
  spacer: { flexGrow: 1 },
  actionsRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  body: { flexGrow: 1, minHeight: 0, display: 'flex', position: 'relative' },
  // Beside the thread on a wide screen; below 1600px a drawer over it, so the thread keeps its width.
  panel: {
    display: 'flex',
    minHeight: 0,
    '@media (max-width: 1599px)': { position: 'absolute', top: 0, right: 0, bottom: 0, zIndex: 5, boxShadow: tokens.shadow28 },
  },
  main: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  empty: {
    margin: 'auto',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground3,
    padding: tokens.spacingHorizontalXL,
    textAlign: 'center',
  },
  emptyIcon: { fontSize: '40px', color: tokens.colorNeutralForeground4 },
  padded: { padding: tokens.spacingHorizontalL },
});

/** One consultation: header with actions, the timeline, the composer, and the requester panel. */
export function ConversationView(props: { conversationId: number | null }) {
  const styles = useStyles();
  const t = useT();
  const data = useConversation(props.conversationId);
  const [panel, setPanel] = useState(readPanelPreference);
  const [promote, setPromote] = useState<MessageView | null>(null);
  const { detail } = data;
  usePresenceHere(props.conversationId);
  // The newest message the officer has in view: sending warns about anything written after it.
  const latestMessageId = data.messages.reduce((max, m) => (m.direction !== 'activity' && m.id > max ? m.id : max), 0);

  if (props.conversationId === null) {
    return (
      <section className={styles.root}>
        <div className={styles.empty}>
          <ChatRegular className={styles.emptyIcon} aria-hidden />
          <Text>{t('conversation.choose')}</Text>
          <Text size={200}>{t('shortcuts.teaser')}</Text>
        </div>
      </section>
    );
  }
  if (data.error) {
    return (
      <section className={mergeClasses(styles.root, styles.padded)}>
        <MessageBar intent="error" role="alert">
          <MessageBarBody data-testid="conversation-error">{data.error}</MessageBarBody>
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

  return (
    <section className={styles.root} aria-label={detail.ticket} data-testid="conversation-pane">
      <div className={styles.head}>
        <div className={styles.titleLine}>
          <ChannelIcon channel={detail.channel} />
          {/* The requester's own name, else the channel's display name the inbox shows: one label for one person. */}
          <Subtitle2 as="h2">{detail.requester.name ?? detail.requesterName ?? t('common.unknownName')}</Subtitle2>
          <StatusBadge status={detail.status} />
          <span className={styles.ticket}>{detail.ticket}</span>
          <span className={styles.spacer} />
          <Text size={200} className={styles.sub}>
            {t('conversation.assignee')}: {detail.assigneeName ?? t('inbox.unassigned')}
          </Text>
        </div>
        {detail.subject && (
          <Text size={200} className={styles.sub}>
            {detail.subject}
          </Text>
        )}
        <PresenceLine conversationId={detail.id} messages={data.messages} />
        <div className={styles.actionsRow}>
          <div className={styles.grow}>
            <ActionBar conversation={detail} promote={promote} onPromoteDone={() => setPromote(null)} onChanged={data.setDetail} />
          </div>
          <ToggleButton
            size="small"
            appearance={panel ? 'subtle' : 'outline'}
            checked={panel}
            icon={<PanelRightRegular />}
            data-testid="requester-toggle"
            onClick={() => setPanel((p) => savePanelPreference(!p))}
            aria-label={t('requester.toggle')}
          >
            {t('requester.title')}
          </ToggleButton>
        </div>
      </div>
      <div className={styles.body}>
        <div className={styles.main}>
          <Timeline
            messages={data.messages}
            hasOlder={data.hasOlder}
            loadingOlder={data.loadingOlder}
            onLoadOlder={() => void data.loadOlder()}
            onPromote={setPromote}
          />
          <SimilarPanel key={`similar-${detail.id}`} conversation={detail} />
          <Composer key={detail.id} conversation={detail} latestMessageId={latestMessageId} onSent={() => void data.reload()} />
        </div>
        {panel && (
          <div className={styles.panel}>
            <RequesterPanel key={detail.id} conversation={detail} onChanged={data.setDetail} />
          </div>
        )}
      </div>
    </section>
  );
}
