import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ConversationSummary } from '../../src-preload/contract';
import { formatDateTime, formatShort, slaInfo } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { ChannelIcon, DueText, StatusBadge } from './badges';
import { RowPresence } from '../presence/PresenceLine';

export const ROW_HEIGHT = 84;

const useStyles = makeStyles({
  row: {
    boxSizing: 'border-box',
    height: `${ROW_HEIGHT}px`,
    width: '100%',
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    borderLeft: '3px solid transparent',
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'left',
    cursor: 'pointer',
    fontFamily: 'inherit',
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  icon: { paddingTop: '2px' },
  main: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  line: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, minWidth: 0 },
  ellipsis: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
  // A long name gives way (cut with …) before the time does: the time is never cut.
  name: { flexShrink: 1, maxWidth: '65%' },
  institution: { color: tokens.colorNeutralForeground3, flexShrink: 2 },
  time: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, flexShrink: 0, whiteSpace: 'nowrap' },
  preview: { color: tokens.colorNeutralForeground2 },
  unreadText: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  meta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, minWidth: 0, whiteSpace: 'nowrap' },
  badge: { flexShrink: 0 },
  // The due text gives way last: the officer's name is cut first, then the due time, never the row's width.
  due: { flexShrink: 1 },
  assignee: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, flexShrink: 3 },
  dot: { width: '8px', height: '8px', borderRadius: '50%', backgroundColor: tokens.colorBrandBackground, flexShrink: 0, alignSelf: 'center' },
  placeholder: { height: '12px', borderRadius: '4px', backgroundColor: tokens.colorNeutralBackground3, width: '60%', marginTop: '8px' },
});

export function InboxRow(props: { item: ConversationSummary; selected: boolean; now: number; onSelect(id: number): void }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const { item } = props;
  const unread = item.unreadCount > 0;
  const due = slaInfo(item, props.now, t, language);
  const name = item.requesterName ?? t('common.unknownName');
  return (
    <button
      type="button"
      className={mergeClasses(styles.row, props.selected && styles.selected)}
      aria-current={props.selected ? 'true' : undefined}
      data-testid="inbox-row"
      data-unread={unread ? 'true' : 'false'}
      data-selected={props.selected ? 'true' : 'false'}
      onClick={() => props.onSelect(item.id)}
    >
      <span className={styles.icon}>
        <ChannelIcon channel={item.channel} />
      </span>
      <span className={styles.main}>
        <span className={styles.line}>
          {unread && <span className={styles.dot} aria-label={t('inbox.unread', { n: item.unreadCount })} />}
          <Text className={mergeClasses(styles.ellipsis, styles.name)} weight={unread ? 'bold' : 'semibold'}>
            {name}
          </Text>
          {item.institution && (
            <Text size={200} className={mergeClasses(styles.ellipsis, styles.institution)}>
              · {item.institution}
            </Text>
          )}
          <Text size={200} className={styles.time} title={formatDateTime(item.lastMessageAt, language)}>
            {formatShort(item.lastMessageAt, language, props.now)}
          </Text>
        </span>
        <Text size={200} className={mergeClasses(styles.ellipsis, styles.preview, unread && styles.unreadText)}>
          {item.lastMessagePreview}
        </Text>
        <span className={styles.meta}>
          <span className={styles.badge}>
            <StatusBadge status={item.status} />
          </span>
          {due.text && (
            <span className={mergeClasses(styles.ellipsis, styles.due)}>
              <DueText level={due.level} text={due.text} title={item.slaDueAt === null ? undefined : formatDateTime(item.slaDueAt, language)} />
            </span>
          )}
          <RowPresence conversationId={item.id} />
          <span className={mergeClasses(styles.ellipsis, styles.assignee)}>{item.assigneeName ?? t('inbox.unassigned')}</span>
        </span>
      </span>
    </button>
  );
}

/** A row whose page is still loading. */
export function InboxRowPlaceholder() {
  const styles = useStyles();
  return (
    <div className={styles.row} aria-hidden>
      <span className={styles.main}>
        <span className={styles.placeholder} />
        <span className={styles.placeholder} style={{ width: '85%' }} />
      </span>
    </div>
  );
}
