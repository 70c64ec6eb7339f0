import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { MailInboxRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { usePstEvent } from '../api/use-event';
import { useReconnected } from '../api/host-link';
import { localeOf, useLanguage, useT } from '../i18n';
import { hasFilters, toInboxFilter, useInbox } from '../state/inbox';
import { useShallow } from 'zustand/react/shallow';
import { InboxRow, InboxRowPlaceholder, ROW_HEIGHT } from './InboxRow';
import { useInboxPages } from './use-inbox-pages';
import { useCommands } from '../shortcuts/commands';
import { useNow } from './use-now';
import { useSession } from '../state/session';
import { useNavigation } from '../state/navigation';
import { useChannelStatuses } from '../channels/status-store';

const useStyles = makeStyles({
  root: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  count: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground3, flexShrink: 0 },
  scroller: { flexGrow: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden', position: 'relative' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  emptyIcon: { fontSize: '40px', color: tokens.colorNeutralForeground4 },
  center: { padding: tokens.spacingVerticalXXL, display: 'flex', justifyContent: 'center' },
});

/** The inbox as one long virtual list over paged `inbox.list` results. */
export function InboxList() {
  const styles = useStyles();
  const t = useT();
  const now = useNow();
  const language = useLanguage((s) => s.language);
  const filterState = useInbox(useShallow((s) => ({ queue: s.queue, statuses: s.statuses, channel: s.channel })));
  const sort = useInbox((s) => s.sort);
  const selectedId = useInbox((s) => s.selectedId);
  const select = useInbox((s) => s.select);
  const clearFilters = useInbox((s) => s.clearFilters);
  const pages = useInboxPages(toInboxFilter(filterState), sort);
  const scroller = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: pages.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { showRange, refresh } = pages;

  useEffect(() => {
    showRange(first, last);
  }, [first, last, showRange]);

  // A new filter or sort starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [filterState, sort, virtualizer]);

  usePstEvent('inbox.changed', () => refresh());
  useReconnected(() => refresh());

  // j/k: the next or previous row of the list as loaded (the selected row, or the first on screen).
  const move = useCommands((c) => c.move);
  useEffect(() => {
    if (move.seq === 0 || !pages.total) return;
    let index = -1;
    for (let i = Math.max(0, first - 100); i <= last + 100 && i < pages.total; i++) if (pages.rowAt(i)?.id === selectedId) index = i;
    const next = index === -1 ? first : Math.min(pages.total - 1, Math.max(0, index + move.delta));
    const row = pages.rowAt(next);
    if (row) {
      select(row.id);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
    // Only a new key press moves; the rest is read at that moment.
  }, [move]);

  const filtered = hasFilters(filterState);
  const isAdmin = useSession((s) => s.officer?.role === 'admin');
  const go = useNavigation((s) => s.go);
  // Neither Telegram nor email is set up: nothing will ever arrive until someone connects one.
  const statuses = useChannelStatuses();
  const noChannel = (['telegram', 'email'] as const).every((c) => statuses[c]?.state === 'disabled');
  return (
    <div className={styles.root}>
      {pages.total !== null && pages.total > 0 && (
        <Text size={200} className={styles.count} data-testid="inbox-total">
          {t('inbox.total', { n: pages.total.toLocaleString(localeOf(language)) })}
        </Text>
      )}
      {pages.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{pages.error}</MessageBarBody>
        </MessageBar>
      )}
      {/* The scroller stays mounted whatever the state, so the virtualizer never holds a stale element. */}
      <div ref={scroller} className={styles.scroller} data-testid="inbox-list">
        {pages.total === null && !pages.error && (
          <div className={styles.center}>
            <Spinner size="small" label={t('common.loading')} />
          </div>
        )}
        {pages.total === 0 && (
          <div className={styles.empty} data-testid="inbox-empty">
            <MailInboxRegular className={styles.emptyIcon} aria-hidden />
            <Text align="center">
              {filtered
                ? filterState.queue && !filterState.channel
                  ? t('inbox.queueDone')
                  : t('inbox.noMatch')
                : noChannel
                  ? t('inbox.emptyNoChannel')
                  : filterState.queue === 'todo'
                    ? t('inbox.queueDone')
                    : t('inbox.empty')}
            </Text>
            {filtered && <Button onClick={clearFilters}>{filterState.queue ? t('inbox.backToQueue') : t('inbox.clearFilters')}</Button>}
            {!filtered && noChannel && isAdmin && (
              <Button appearance="primary" onClick={() => go('settings', 'channels')} data-testid="inbox-empty-setup">
                {t('inbox.setUpChannels')}
              </Button>
            )}
            {!filtered && noChannel && !isAdmin && <Text align="center">{t('inbox.askAdmin')}</Text>}
          </div>
        )}
        <div role="list" aria-label={t('inbox.listLabel')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((row) => {
            const item = pages.rowAt(row.index);
            return (
              <div
                key={row.key}
                role="listitem"
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: row.size, transform: `translateY(${row.start}px)` }}
              >
                {item ? <InboxRow item={item} selected={item.id === selectedId} now={now} onSelect={select} /> : <InboxRowPlaceholder />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
