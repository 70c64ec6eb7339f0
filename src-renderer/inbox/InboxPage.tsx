import { makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { useInbox } from '../state/inbox';
import { ConversationView } from '../conversation/ConversationView';
import { InboxList } from './InboxList';
import { InboxToolbar } from './InboxToolbar';
import { SearchResults } from './SearchResults';
import { Button } from '@fluentui/react-components';
import { KeyboardRegular } from '@fluentui/react-icons';
import { NotificationButton } from '../notifications/NotificationButton';
import { useMessageNotifications } from '../notifications/use-notifications';
import { HelpOverlay } from '../shortcuts/HelpOverlay';
import { useCommands } from '../shortcuts/commands';
import { useInboxShortcuts } from '../shortcuts/use-shortcuts';

const useStyles = makeStyles({
  root: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
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
  useInboxShortcuts();
  useMessageNotifications();
  return (
    <div className={styles.root}>
      <PageHeader title={t('inbox.title')}>
        <NotificationButton />
        <Button appearance="subtle" size="small" icon={<KeyboardRegular />} onClick={() => setHelp(true)}>
          {t('shortcuts.button')}
        </Button>
      </PageHeader>
      <HelpOverlay />
      <InboxToolbar />
      <div className={styles.split}>
        <div className={styles.listColumn}>{query ? <SearchResults query={query} /> : <InboxList />}</div>
        <ConversationView conversationId={selectedId} />
      </div>
    </div>
  );
}
