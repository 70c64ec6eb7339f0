import { makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useInbox } from '../state/inbox';
import { ConversationView } from '../conversation/ConversationView';
import { InboxList } from './InboxList';
import { InboxToolbar } from './InboxToolbar';
import { QueueChips } from './QueueChips';
import { SearchResults } from './SearchResults';
import { Button, Tooltip } from '@fluentui/react-components';
import { ChatRegular, KeyboardRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { WalkInDialog } from './WalkInDialog';
import { usePresenceBoard } from '../presence/presence';
import { ImportChatDialog } from '../whatsapp/ImportChatDialog';
import { useMessageNotifications } from '../notifications/use-notifications';
import { HelpOverlay } from '../shortcuts/HelpOverlay';
import { useCommands } from '../shortcuts/commands';
import { useInboxShortcuts } from '../shortcuts/use-shortcuts';

const useStyles = makeStyles({
  root: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  hiddenTitle: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', margin: 0 },
  split: { flexGrow: 1, minHeight: 0, display: 'flex', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  listColumn: {
    width: '380px',
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function InboxPage() {
  const styles = useStyles();
  const t = useT();
  const query = useInbox((s) => s.query);
  const selectedId = useInbox((s) => s.selectedId);
  const setHelp = useCommands((s) => s.setHelp);
  const [walkIn, setWalkIn] = useState(false);
  const [importing, setImporting] = useState(false);
  useInboxShortcuts();
  useMessageNotifications();
  usePresenceBoard();
  return (
    <div className={styles.root}>
      {/* The navigation already names the page: its title is for screen readers, the height goes to the conversation. */}
      <h1 className={styles.hiddenTitle}>{t('inbox.title')}</h1>
      <HelpOverlay />
      <InboxToolbar>
        <Button icon={<PersonAddRegular />} onClick={() => setWalkIn(true)} data-testid="walk-in-button">
          {t('walkIn.button')}
        </Button>
        <Button icon={<ChatRegular />} onClick={() => setImporting(true)} data-testid="whatsapp-import-button">
          {t('whatsapp.importButton')}
        </Button>
        <Tooltip content={t('shortcuts.button')} relationship="label">
          <Button appearance="subtle" icon={<KeyboardRegular />} onClick={() => setHelp(true)} />
        </Tooltip>
      </InboxToolbar>
      {!query && <QueueChips />}
      <div className={styles.split}>
        <div className={styles.listColumn}>{query ? <SearchResults query={query} /> : <InboxList />}</div>
        <ConversationView conversationId={selectedId} />
      </div>
      {walkIn && <WalkInDialog onClose={() => setWalkIn(false)} />}
      {importing && <ImportChatDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
