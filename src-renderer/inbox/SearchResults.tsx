import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, PersonRegular, TicketDiagonalRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useCall } from '../api/use-call';
import { formatShort } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { useInbox } from '../state/inbox';
import { Highlighted } from './Highlighted';

const useStyles = makeStyles({
  root: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    flexShrink: 0,
  },
  summary: { color: tokens.colorNeutralForeground3 },
  list: { flexGrow: 1, overflowY: 'auto', margin: 0, padding: 0, listStyle: 'none' },
  people: { flexShrink: 0, margin: 0, padding: 0, listStyle: 'none', borderBottom: `2px solid ${tokens.colorNeutralStroke2}` },
  hit: {
    width: '100%',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'left',
    cursor: 'pointer',
    fontFamily: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', minWidth: 0 },
  name: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  ticket: { color: tokens.colorNeutralForeground3, marginLeft: 'auto', whiteSpace: 'nowrap', flexShrink: 0 },
  ticketInline: { color: tokens.colorNeutralForeground3 },
  snippet: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  center: { padding: tokens.spacingVerticalXXL, display: 'flex', justifyContent: 'center' },
  none: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/** Message search results; picking one opens its conversation. */
export function SearchResults(props: { query: string }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const selectedId = useInbox((s) => s.selectedId);
  const select = useInbox((s) => s.select);
  const setQuery = useInbox((s) => s.setQuery);
  const messages = useCall('search.messages', { query: props.query, limit: 100 });
  // People whose name, institution or address matches: officers search for a person as often as for words.
  const lookForPeople = props.query.trim().length >= 2;
  const requesters = useCall('requesters.search', { query: props.query.trim(), limit: 5 }, { enabled: lookForPeople });
  // A new query shows "searching" rather than the previous query's results.
  const hits = messages.loading ? null : messages.data;
  const people = lookForPeople && !requesters.loading ? (requesters.data?.filter((p) => p.latestConversationId !== null) ?? []) : [];
  // A ticket typed whole (or its day and number) opens that consultation at once.
  const ticket = useCall('search.ticket', { query: props.query });
  const found = ticket.loading ? null : ticket.data;
  useEffect(() => {
    if (found) select(found.conversationId);
  }, [found, select]);
  const error = found ? null : (!messages.loading && messages.error?.message) || (lookForPeople && !requesters.loading && requesters.error?.message) || null;

  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <Button appearance="subtle" size="small" icon={<ArrowLeftRegular />} onClick={() => setQuery('')}>
          {t('inbox.searchBack')}
        </Button>
        {hits && hits.length > 0 && (
          <Text size={200} className={styles.summary}>
            {t('inbox.searchResults', { n: hits.length, q: props.query })}
          </Text>
        )}
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!error && hits === null && (
        <div className={styles.center}>
          <Spinner size="small" label={t('common.loading')} />
        </div>
      )}
      {found && (
        <ul className={styles.people} aria-label={t('inbox.searchTicket')} data-testid="search-ticket">
          <li>
            <button
              type="button"
              className={mergeClasses(styles.hit, found.conversationId === selectedId && styles.selected)}
              onClick={() => select(found.conversationId)}
            >
              <span className={styles.line}>
                <TicketDiagonalRegular aria-hidden />
                <Text weight="semibold" className={styles.name}>
                  {found.ticket}
                </Text>
              </span>
            </button>
          </li>
        </ul>
      )}
      {people.length > 0 && (
        <ul className={styles.people} aria-label={t('inbox.searchPeople')} data-testid="search-people">
          {people.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={mergeClasses(styles.hit, p.latestConversationId === selectedId && styles.selected)}
                onClick={() => p.latestConversationId !== null && select(p.latestConversationId)}
              >
                <span className={styles.line}>
                  <PersonRegular aria-hidden />
                  <Text weight="semibold" className={styles.name}>
                    {p.name ?? t('common.unknownName')}
                  </Text>
                  <Text size={200} className={styles.ticket}>
                    {p.latestTicket}
                  </Text>
                </span>
                <Text size={200} className={styles.snippet}>
                  {[p.institution, p.email, p.whatsapp, t('inbox.searchPersonCount', { n: p.conversations })].filter(Boolean).join(' · ')}
                </Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      {hits?.length === 0 && <Text className={styles.none}>{t('inbox.searchNone', { q: props.query })}</Text>}
      {hits && hits.length > 0 && (
        <ul className={styles.list} aria-label={t('inbox.search')} data-testid="search-results">
          {hits.map((hit) => (
            <li key={hit.messageId}>
              <button
                type="button"
                className={mergeClasses(styles.hit, hit.conversationId === selectedId && styles.selected)}
                onClick={() => select(hit.conversationId)}
              >
                <span className={styles.line}>
                  <Text weight="semibold" className={styles.name}>
                    {hit.requesterName ?? t('common.unknownName')}
                  </Text>
                  <Text size={200} className={styles.ticket}>
                    {formatShort(hit.createdAt, language)}
                  </Text>
                </span>
                <Text size={200} className={styles.snippet}>
                  <span className={styles.ticketInline}>{hit.ticket} · </span>
                  <Highlighted snippet={hit.snippet} />
                </Text>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
