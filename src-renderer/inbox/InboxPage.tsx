import { makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { useInbox } from '../state/inbox';
import { ConversationPane } from './ConversationPane';
import { InboxList } from './InboxList';
import { InboxToolbar } from './InboxToolbar';
import { SearchResults } from './SearchResults';

const useStyles = makeStyles({
  root: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  split: { flexGrow: 1, minHeight: 0, display: 'flex', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  listColumn: {
    width: '440px',
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
  return (
    <div className={styles.root}>
      <PageHeader title={t('inbox.title')} />
      <InboxToolbar />
      <div className={styles.split}>
        <div className={styles.listColumn}>{query ? <SearchResults query={query} /> : <InboxList />}</div>
        <ConversationPane conversationId={selectedId} />
      </div>
    </div>
  );
}
