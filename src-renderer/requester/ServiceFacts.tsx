import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ConversationDetail } from '../../src-preload/contract';
import { formatDateTime, formatWorkingDuration, slaInfo } from '../format/time';
import { DueText } from '../inbox/badges';
import { useNow } from '../inbox/use-now';
import { useLanguage, useT } from '../i18n';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** The service clock and outcome of this consultation, as the core computed them. */
export function ServiceFacts(props: { conversation: ConversationDetail }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const now = useNow();
  const c = props.conversation;
  const due = slaInfo(c, now, t, language);
  const rating = c.ratings[c.ratings.length - 1];
  const rows: [string, ReactNode][] = [
    // Once closed, the clock's answer is when, not how long is left.
    c.resolvedAt !== null && (c.status === 'resolved' || c.status === 'rated')
      ? [t('facts.resolvedAt'), formatDateTime(c.resolvedAt, language)]
      : [
          t('conversation.due'),
          <>
            <DueText level={due.level} text={due.text} />
            {c.slaDueAt !== null && ` (${formatDateTime(c.slaDueAt, language)})`}
          </>,
        ],
    [t('facts.requirementsComplete'), c.requirementsCompleteAt ? formatDateTime(c.requirementsCompleteAt, language) : '—'],
    [t('facts.firstResponse'), c.firstResponseWorkingMs !== null ? formatWorkingDuration(c.firstResponseWorkingMs, t, c.workingDayMs) : '—'],
    [t('facts.paused'), c.slaPausedWorkingMs > 0 ? formatWorkingDuration(c.slaPausedWorkingMs, t, c.workingDayMs) : '—'],
    [t('facts.topic'), c.topic ?? '—'],
    [t('facts.summary'), c.summary ?? '—'],
    [t('facts.rating'), rating ? `${rating.score ?? '—'}/5${rating.feedback ? ` · “${rating.feedback}”` : ''} (${t(`ratingSource.${rating.source}`)})` : '—'],
  ];
  return (
    <dl className={styles.facts} data-testid="service-facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={styles.label}>{label}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
