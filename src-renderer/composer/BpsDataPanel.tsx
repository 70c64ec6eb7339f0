import { Button, Caption1, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens, Tooltip } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, DatabaseSearchRegular, DismissRegular, LinkAddRegular, SearchRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { BpsItem, BpsKind, BpsResultGroup, BpsSearchResult } from '../../src-preload/contract';
import { bpsLinkLine, indonesianDate } from '../../src-common/bps-link';
import { api } from '../api/client';
import { ErrorBar } from '../components/ErrorBar';
import { useCoreText, useT, type Translate } from '../i18n';

const useStyles = makeStyles({
  root: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  keyword: { flexGrow: 1, minWidth: '220px' },
  results: { maxHeight: '34vh', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  groupHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  pager: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

const KINDS: readonly BpsKind[] = ['table', 'publication', 'pressRelease'];

function ageText(at: number, now: number, t: Translate): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return t('bpsData.ageNow');
  if (minutes < 60) return t('bpsData.ageMinutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? t('bpsData.ageHours', { n: hours }) : t('bpsData.ageDays', { n: Math.floor(hours / 24) });
}

/**
 * BPS's catalogue beside the reply: a search of its own (the composer's text is never waited on),
 * the regency first, then Bali, then Indonesia; "Sisipkan" hands one line to the composer.
 */
export function BpsDataPanel(props: { onInsert(line: string): void; onClose(): void }) {
  const styles = useStyles();
  const t = useT();
  const coreText = useCoreText();
  const [keyword, setKeyword] = useState('');
  const [kind, setKind] = useState<BpsKind>('table');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<BpsSearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the newest search's answer is shown when the officer searches again before one returns.
  const latest = useRef(0);

  async function search(nextPage = 1, nextKind = kind) {
    if (keyword.trim().length < 2) return;
    const ticket = ++latest.current;
    setBusy(true);
    setError(null);
    const answer = await api.call('bpsData.search', { keyword: keyword.trim(), kind: nextKind, page: nextPage });
    if (ticket !== latest.current) return;
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setPage(nextPage);
    setResult(answer.value);
  }

  const hasMore = result?.groups.some((g) => g.pages > page) ?? false;
  // The same reason for every region (BPS out of reach, no key) is said once, above them.
  const problems = new Set(result?.groups.map((g) => (g.problem ? JSON.stringify(g.problem) : '')));
  const shared = problems.size === 1 ? (result?.groups[0]?.problem ?? null) : null;
  const now = Date.now();

  const groupView = (group: BpsResultGroup) => (
    <section key={group.region.domain || group.region.name} className={styles.group} data-testid="bps-group" data-domain={group.region.domain}>
      <div className={styles.groupHead}>
        <Text weight="semibold">{group.region.name}</Text>
        {group.fetchedAt !== null && (
          <Caption1 className={group.stale ? styles.stale : styles.muted} data-testid="bps-age">
            {t(group.stale ? 'bpsData.saved' : 'bpsData.fetched', { age: ageText(group.fetchedAt, now, t) })}
          </Caption1>
        )}
        {group.pages > 1 && <Caption1 className={styles.muted}>{t('bpsData.pageOf', { page: group.page, pages: group.pages, total: group.total })}</Caption1>}
      </div>
      {group.problem && !shared && (
        <MessageBar intent={group.items.length ? 'warning' : 'error'} layout="multiline">
          <MessageBarBody data-testid="bps-problem">{coreText([group.problem])}</MessageBarBody>
        </MessageBar>
      )}
      {group.items.length === 0 && <Caption1 className={styles.muted}>{t(group.problem ? 'bpsData.nothingSaved' : 'bpsData.nothing')}</Caption1>}
      {group.items.map((item) => itemView(item))}
    </section>
  );

  const itemView = (item: BpsItem) => {
    const date = indonesianDate(item.updated);
    return (
      <div key={`${item.domain}-${item.id}`} className={styles.item} data-testid="bps-item">
        <div className={styles.itemText}>
          <Text size={200}>{item.title}</Text>
          <Caption1 className={styles.muted}>{date ? t('bpsData.updated', { date }) : t('bpsData.noDate')}</Caption1>
        </div>
        <Tooltip content={t('bpsData.insertHint')} relationship="description">
          <Button size="small" icon={<LinkAddRegular />} onClick={() => props.onInsert(bpsLinkLine(item))}>
            {t('bpsData.insert')}
          </Button>
        </Tooltip>
      </div>
    );
  };

  return (
    <div className={styles.root} data-testid="bps-panel">
      <div className={styles.form}>
        <Input
          className={styles.keyword}
          aria-label={t('bpsData.keyword')}
          placeholder={t('bpsData.keywordPlaceholder')}
          contentBefore={<SearchRegular />}
          value={keyword}
          onChange={(_, d) => setKeyword(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search(1);
            }
            if (e.key === 'Escape') props.onClose();
          }}
          autoFocus
        />
        <Select
          aria-label={t('bpsData.kind')}
          value={kind}
          onChange={(_, d) => {
            setKind(d.value as BpsKind);
            if (result) void search(1, d.value as BpsKind);
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`bpsData.kind.${k}`)}
            </option>
          ))}
        </Select>
        <Button appearance="primary" disabled={keyword.trim().length < 2} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => void search(1)}>
          {busy ? t('bpsData.searching') : t('bpsData.search')}
        </Button>
        <Button appearance="subtle" icon={<DismissRegular />} aria-label={t('bpsData.close')} onClick={props.onClose} />
      </div>
      <ErrorBar error={error} testId="bps-error" />
      {result ? (
        <div className={styles.results} data-testid="bps-results">
          {shared && (
            <MessageBar intent={result.groups.some((g) => g.items.length) ? 'warning' : 'error'} layout="multiline">
              <MessageBarBody data-testid="bps-problem">{coreText([shared])}</MessageBarBody>
            </MessageBar>
          )}
          {result.groups.map(groupView)}
          {(page > 1 || hasMore) && (
            <div className={styles.pager}>
              <Button size="small" icon={<ChevronLeftRegular />} disabled={page <= 1 || busy} onClick={() => void search(page - 1)}>
                {t('bpsData.previous')}
              </Button>
              <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" disabled={!hasMore || busy} onClick={() => void search(page + 1)}>
                {t('bpsData.next')}
              </Button>
            </div>
          )}
        </div>
      ) : (
        <Caption1 className={styles.muted}>{t('bpsData.empty')}</Caption1>
      )}
    </div>
  );
}

/** The reply with the line added on a line of its own at its end. */
export const withLine = (text: string, line: string): string => (text.trim() ? `${text.replace(/\s+$/, '')}\n${line}` : line);

/** Opens and closes the panel from the composer's bar. */
export function BpsDataButton(props: { open: boolean; onToggle(): void }) {
  const t = useT();
  return (
    <Tooltip content={t('bpsData.openHint')} relationship="description">
      <Button appearance={props.open ? 'secondary' : 'subtle'} icon={<DatabaseSearchRegular />} aria-pressed={props.open} onClick={props.onToggle}>
        {t('bpsData.open')}
      </Button>
    </Tooltip>
  );
}
