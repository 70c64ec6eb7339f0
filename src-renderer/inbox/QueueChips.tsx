import { makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useCall } from '../api/use-call';
import { localeOf, useLanguage, useT } from '../i18n';
import { QUEUES, useInbox } from '../state/inbox';
import { useNow } from './use-now';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalS}`,
    flexShrink: 0,
  },
  count: {
    marginLeft: tokens.spacingHorizontalXS,
    minWidth: '18px',
    padding: '0 5px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground5,
    fontSize: tokens.fontSizeBase200,
    lineHeight: '18px',
    fontWeight: tokens.fontWeightSemibold,
  },
  alert: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
});

/**
 * The work queue's views with their counts, all from one `inbox.counts` call whose predicates are
 * the list's own: a chip's number is the length of the list it opens.
 */
export function QueueChips() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const queue = useInbox((s) => s.queue);
  const setQueue = useInbox((s) => s.setQueue);
  const counts = useCall('inbox.counts', {}, { refreshOn: ['inbox.changed'] });
  // "Terlambat" and "Jatuh tempo hari ini" move with the clock, not only with events.
  const now = useNow();
  const { reload } = counts;
  const shown = useRef(now);
  useEffect(() => {
    // The first count comes with the call itself; only a later minute asks again.
    if (shown.current === now) return;
    shown.current = now;
    void reload();
  }, [now, reload]);

  return (
    <div className={styles.root} role="toolbar" aria-label={t('queue.label')} data-testid="queue-chips">
      {QUEUES.map((q) => {
        const n = counts.data?.[q];
        return (
          <ToggleButton
            key={q}
            size="small"
            shape="circular"
            checked={queue === q}
            // The active chip again goes back to everything that needs doing.
            onClick={() => setQueue(queue === q && q !== 'todo' ? 'todo' : q)}
            data-testid={`queue-${q}`}
          >
            {t(`queue.${q}`)}
            {n !== undefined && (
              <span className={mergeClasses(styles.count, q === 'overdue' && n > 0 && styles.alert)}>{n.toLocaleString(localeOf(language))}</span>
            )}
          </ToggleButton>
        );
      })}
      <ToggleButton size="small" shape="circular" appearance="subtle" checked={queue === null} onClick={() => setQueue(null)} data-testid="queue-all">
        {t('queue.all')}
      </ToggleButton>
    </div>
  );
}
