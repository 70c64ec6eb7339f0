import { Badge, Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { AttachRegular, ChevronDownRegular, ChevronUpRegular, HistoryRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ConversationDetail, SimilarAnswerView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { formatBytes } from '../composer/files';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { useDraftInsert } from './draft-insert';

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  meta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  answer: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: '3',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    fontSize: tokens.fontSizeBase200,
  },
  answerOpen: { display: 'block', WebkitLineClamp: 'unset', maxHeight: '180px', overflowY: 'auto' },
  files: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, marginTop: 'auto' },
  grow: { flexGrow: 1 },
});

const OPEN_KEY = 'pst.similar.open';
const OPEN_STATUSES: readonly ConversationDetail['status'][] = ['new', 'awaiting_requirements', 'in_progress', 'waiting_requester'];

function storedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * How the office answered similar needs before, above the composer of an open consultation:
 * up to 3 answers, each taken into the composer as a draft for this requester.
 */
export function SimilarPanel(props: { conversation: ConversationDetail }) {
  const c = props.conversation;
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const offer = useDraftInsert((s) => s.offer);
  const [open, setOpen] = useState(storedOpen);
  const [items, setItems] = useState<SimilarAnswerView[] | null>(null);
  const [expanded, setExpanded] = useState<number | null>(null);
  const load = useAction();
  const take = useAction();
  const active = OPEN_STATUSES.includes(c.status);

  // Asked once per opened conversation (each ask is counted as shown), not on every refresh.
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    void load
      .run(() => api.call('similar.suggest', { conversationId: c.id }))
      .then((found) => {
        if (!cancelled) setItems(found ?? []);
      });
    return () => {
      cancelled = true;
    };
  }, [c.id, active]);

  if (!active || items === null || (items.length === 0 && !load.error)) return null;

  function toggle() {
    setOpen((was) => {
      try {
        localStorage.setItem(OPEN_KEY, was ? 'closed' : 'open');
      } catch {
        // A browser without storage simply forgets the choice.
      }
      return !was;
    });
  }

  async function use(item: SimilarAnswerView) {
    const draft = await take.run(() => api.call('similar.useAsDraft', { conversationId: c.id, sourceConversationId: item.conversationId }));
    if (draft) offer(c.id, item.conversationId, draft);
  }

  return (
    <section className={styles.root} aria-label={t('similar.title')} data-testid="similar-panel">
      <div className={styles.head}>
        <HistoryRegular aria-hidden />
        <Text weight="semibold" size={200}>
          {t('similar.title')}
        </Text>
        <Caption1>{t('similar.count', { n: items.length })}</Caption1>
        <span className={styles.grow} />
        <Button
          size="small"
          appearance="subtle"
          icon={open ? <ChevronDownRegular /> : <ChevronUpRegular />}
          onClick={toggle}
          aria-expanded={open}
          data-testid="similar-toggle"
        >
          {open ? t('similar.hide') : t('similar.show')}
        </Button>
      </div>
      <ErrorBar error={load.error ?? take.error} testId="similar-error" />
      {open && (
        <div className={styles.list}>
          {items.map((item) => (
            <article key={item.conversationId} className={styles.card} data-testid="similar-item">
              <div className={styles.meta}>
                {item.topic && (
                  <Badge appearance="tint" size="small" color="informative">
                    {item.topic}
                  </Badge>
                )}
                <Caption1>{t('similar.closedAt', { when: formatDateTime(item.resolvedAt, language) })}</Caption1>
              </div>
              <Text className={mergeClasses(styles.answer, expanded === item.conversationId && styles.answerOpen)} data-testid="similar-answer">
                {item.answer}
              </Text>
              {item.files.length > 0 && (
                <div className={styles.files} data-testid="similar-files">
                  {item.files.map((f) => (
                    <Caption1 key={f.attachmentId}>
                      <AttachRegular aria-hidden /> {f.fileName} ({formatBytes(f.size)})
                    </Caption1>
                  ))}
                </div>
              )}
              <div className={styles.actions}>
                <Button size="small" appearance="primary" disabled={take.busy} onClick={() => void use(item)} data-testid="similar-use">
                  {t('similar.use')}
                </Button>
                <Button size="small" appearance="subtle" onClick={() => setExpanded((e) => (e === item.conversationId ? null : item.conversationId))}>
                  {expanded === item.conversationId ? t('similar.less') : t('similar.more')}
                </Button>
              </div>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
