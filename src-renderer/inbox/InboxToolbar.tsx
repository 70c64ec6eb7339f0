import { Dropdown, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Channel, ConversationStatus, InboxSort } from '../../src-preload/contract';
import { useT } from '../i18n';
import { CHANNELS, STATUSES, useInbox } from '../state/inbox';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    flexShrink: 0,
  },
  search: { width: '240px' },
  status: { minWidth: '170px', maxWidth: '240px' },
  statusList: { minWidth: '240px' },
  channel: { minWidth: '150px' },
  sort: { minWidth: '170px' },
  // The search group keeps its landmark without breaking the one-row flex layout.
  filters: { display: 'contents' },
  actions: { marginLeft: 'auto', display: 'flex', gap: tokens.spacingHorizontalXS },
});

const ALL = '';

/** Search, filters and sort of the inbox; all state lives in the inbox store. */
export function InboxToolbar(props: { children?: ReactNode }) {
  const styles = useStyles();
  const t = useT();
  const s = useInbox(
    useShallow((state) => ({
      statuses: state.statuses,
      channel: state.channel,
      queue: state.queue,
      sort: state.sort,
      query: state.query,
    })),
  );
  const actions = useInbox.getState();
  const [draft, setDraft] = useState(s.query);
  // "Back to the list" clears the query from elsewhere; the box follows.
  // Results follow the typing after a short pause (Enter searches at once); one letter is too little.
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopTyping = () => clearTimeout(typing.current);
  useEffect(() => {
    stopTyping();
    setDraft(s.query);
  }, [s.query]);
  useEffect(() => stopTyping, []);

  const statusText = s.statuses.length === 0 ? '' : s.statuses.map((x) => t(`status.${x}`)).join(', ');
  const sortLabel: Record<InboxSort, string> = { queue: t('inbox.sortQueue'), due: t('inbox.sortDue'), activity: t('inbox.sortActivity') };

  return (
    <div className={styles.root}>
      <div role="search" className={styles.filters}>
        <SearchBox
          className={styles.search}
          aria-label={t('inbox.search')}
          placeholder={t('inbox.searchPlaceholder')}
          value={draft}
          onChange={(_, data) => {
            setDraft(data.value);
            stopTyping();
            const query = data.value.trim();
            if (query === '') actions.setQuery('');
            else if (query.length >= 2) typing.current = setTimeout(() => actions.setQuery(query), 350);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            stopTyping();
            actions.setQuery(draft.trim());
          }}
          data-testid="inbox-search"
        />
        <Dropdown
          className={styles.status}
          aria-label={t('inbox.status')}
          multiselect
          listbox={{ className: styles.statusList }}
          placeholder={t('inbox.statusAll')}
          value={statusText}
          selectedOptions={s.statuses}
          onOptionSelect={(_, data) => actions.setStatuses(data.selectedOptions as ConversationStatus[])}
        >
          {STATUSES.map((status) => (
            <Option key={status} value={status}>
              {t(`status.${status}`)}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          className={styles.channel}
          aria-label={t('inbox.channel')}
          value={s.channel ? t(`channel.${s.channel}`) : t('inbox.channelAll')}
          selectedOptions={[s.channel ?? ALL]}
          onOptionSelect={(_, data) => actions.setChannel(data.optionValue ? (data.optionValue as Channel) : null)}
        >
          <Option value={ALL}>{t('inbox.channelAll')}</Option>
          {CHANNELS.map((channel) => (
            <Option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          className={styles.sort}
          aria-label={t('inbox.sort')}
          value={`${t('inbox.sort')}: ${sortLabel[s.sort]}`}
          selectedOptions={[s.sort]}
          onOptionSelect={(_, data) => data.optionValue && actions.setSort(data.optionValue as InboxSort)}
        >
          <Option value="queue">{t('inbox.sortQueue')}</Option>
          <Option value="due">{t('inbox.sortDue')}</Option>
          <Option value="activity">{t('inbox.sortActivity')}</Option>
        </Dropdown>
      </div>
      <span className={styles.actions}>{props.children}</span>
    </div>
  );
}
