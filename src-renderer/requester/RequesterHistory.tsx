import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { ChannelIcon, StatusBadge } from '../inbox/badges';
import { useInbox } from '../state/inbox';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '2px', margin: 0, padding: 0, listStyle: 'none' },
  item: {
    width: '100%',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    textAlign: 'left',
    fontFamily: 'inherit',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, cursor: 'default' },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Every consultation of one requester on every channel; a click opens it in the inbox. */
export function RequesterHistory(props: { requesterId: number; currentId: number; reloadKey: number }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const select = useInbox((s) => s.select);
  // A merge or a new message elsewhere may change the list.
  const { data: items, error, reload } = useCall('requesters.conversations', { requesterId: props.requesterId }, { refreshOn: ['inbox.changed'] });
  // The panel bumps reloadKey after its own edits; the first value is the mount, already loading.
  const shownKey = useRef(props.reloadKey);
  useEffect(() => {
    if (shownKey.current === props.reloadKey) return;
    shownKey.current = props.reloadKey;
    void reload();
  }, [props.reloadKey, reload]);

  if (error) return <ErrorBar error={error.message} />;
  if (!items)
    return (
      <Text size={200} className={styles.muted}>
        {t('common.loading')}
      </Text>
    );
  if (items.length === 0)
    return (
      <Text size={200} className={styles.muted}>
        {t('requester.historyEmpty')}
      </Text>
    );
  return (
    <ul className={styles.list} data-testid="requester-history">
      {items.map((c) => {
        const current = c.id === props.currentId;
        return (
          <li key={c.id}>
            <button
              type="button"
              className={mergeClasses(styles.item, current && styles.current)}
              aria-current={current ? 'true' : undefined}
              data-testid="requester-history-item"
              data-channel={c.channel}
              onClick={() => !current && select(c.id)}
            >
              <span className={styles.line}>
                <ChannelIcon channel={c.channel} />
                <Text size={200} weight="semibold">
                  {c.ticket}
                </Text>
                <StatusBadge status={c.status} />
              </span>
              <Text size={200} className={styles.muted}>
                {formatDateTime(c.lastMessageAt, language)}
                {current && ` · ${t('requester.historyCurrent')}`}
              </Text>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
