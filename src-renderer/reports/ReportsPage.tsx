import { Button, Field, Input, makeStyles, Select, MessageBar, MessageBarBody, ProgressBar, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { IkmYearReport, ReportFormat, ReportModel, ReportPeriodInput } from '../../src-preload/contract';
import { api, errorMessage } from '../api/client';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { downloadReportFile } from './download';
import { defaultPeriods, recentMonths, recentWeeks } from './period';
import { OfficeDateInput } from '../components/OfficeInputs';
import { IkmPreview } from './IkmPreview';
import { ReportPreview } from './ReportPreview';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalM}`,
  },
  body: { flexGrow: 1, overflowY: 'auto', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXL}` },
  exports: { display: 'flex', gap: tokens.spacingHorizontalS, marginLeft: 'auto' },
  progress: { padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalS}` },
  notice: { marginBottom: tokens.spacingVerticalM },
});

/** The service report's periods, or the yearly IKM report. */
type Kind = ReportPeriodInput['kind'] | 'ikm';

/** Laporan: pick a period (last week by default), preview it, download the xlsx and pdf. Supervisor and admin. */
export function ReportsPage() {
  const styles = useStyles();
  const t = useT();
  const [defaults] = useState(() => defaultPeriods());
  // Two years back: enough for a year-on-year comparison, short enough to scan.
  const [weeks] = useState(() => recentWeeks(104));
  const [months] = useState(() => recentMonths(36));
  const [kind, setKind] = useState<Kind>('week');
  const [week, setWeek] = useState(defaults.week);
  const [month, setMonth] = useState(defaults.month);
  const [from, setFrom] = useState(defaults.from);
  const [to, setTo] = useState(defaults.to);
  const [year, setYear] = useState(defaults.month.slice(0, 4));
  const [model, setModel] = useState<ReportModel | null>(null);
  const [ikm, setIkm] = useState<IkmYearReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const period = (): ReportPeriodInput => (kind === 'week' ? { kind, week } : kind === 'month' ? { kind, month } : { kind: 'range', from, to });
  const loadIkm = async () => {
    setLoading(true);
    setError(null);
    const result = await api.call('reports.buildIkm', { year: Number(year) });
    setLoading(false);
    if (result.ok) setIkm(result.value);
    else setError(result.error.issues?.length ? `${result.error.message}: ${result.error.issues.map((i) => i.message).join('; ')}` : result.error.message);
  };

  const load = useCallback(async (input: ReportPeriodInput) => {
    setLoading(true);
    setError(null);
    const result = await api.call('reports.build', { period: input });
    setLoading(false);
    if (result.ok) setModel(result.value);
    else setError(result.error.issues?.length ? `${result.error.message}: ${result.error.issues.map((i) => i.message).join('; ')}` : result.error.message);
  }, []);

  useEffect(() => {
    void load({ kind: 'week', week: defaults.week });
  }, [load, defaults.week]);

  // One call per format, so the bar moves as each file is done.
  const exportFiles = async (formats: ReportFormat[]) => {
    setError(null);
    setSaved(null);
    const input = period();
    try {
      const paths: string[] = [];
      const names: string[] = [];
      for (const [i, format] of formats.entries()) {
        setProgress({ done: i, total: formats.length, label: t('reports.exporting', { file: format.toUpperCase() }) });
        const { files } =
          kind === 'ikm'
            ? await api.must('reports.exportIkm', { year: Number(year), formats: [format], download: true })
            : await api.must('reports.export', { period: input, formats: [format], download: true });
        for (const file of files) {
          downloadReportFile(file);
          names.push(file.fileName);
          paths.push(file.path);
        }
      }
      setSaved(t('reports.exported', { files: names.join(', '), path: paths.join(', ') }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const busy = loading || progress !== null;
  return (
    <div className={styles.page}>
      <PageHeader title={t('reports.title')}>
        <div className={styles.exports}>
          <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void exportFiles(['xlsx'])}>
            {t('reports.exportXlsx')}
          </Button>
          <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void exportFiles(['pdf'])}>
            {t('reports.exportPdf')}
          </Button>
          <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void exportFiles(['xlsx', 'pdf'])}>
            {t('reports.exportBoth')}
          </Button>
        </div>
      </PageHeader>
      <div className={styles.toolbar}>
        <TabList selectedValue={kind} onTabSelect={(_, data) => setKind(data.value as Kind)}>
          <Tab value="week">{t('reports.week')}</Tab>
          <Tab value="month">{t('reports.month')}</Tab>
          <Tab value="range">{t('reports.range')}</Tab>
          <Tab value="ikm">{t('reports.ikmYear')}</Tab>
        </TabList>
        {kind === 'ikm' && (
          <Field label={t('reports.yearLabel')}>
            <Input type="number" min={2000} max={2100} value={year} onChange={(_, d) => setYear(d.value)} />
          </Field>
        )}
        {kind === 'week' && (
          <Field label={t('reports.weekLabel')}>
            <Select value={week} onChange={(_, d) => setWeek(d.value)} data-testid="report-week">
              {weeks.map((w) => (
                <option key={w.value} value={w.value}>
                  {w.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {kind === 'month' && (
          <Field label={t('reports.monthLabel')}>
            <Select value={month} onChange={(_, d) => setMonth(d.value)} data-testid="report-month">
              {months.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {kind === 'range' && (
          <>
            <OfficeDateInput label={t('reports.from')} value={from} onChange={setFrom} testId="report-from" />
            <OfficeDateInput label={t('reports.to')} value={to} onChange={setTo} testId="report-to" />
          </>
        )}
        <Button appearance="primary" disabled={busy} onClick={() => void (kind === 'ikm' ? loadIkm() : load(period()))}>
          {t('reports.show')}
        </Button>
      </div>
      {progress && (
        <div className={styles.progress}>
          <ProgressBar value={(progress.done + 0.5) / progress.total} />
          <span aria-live="polite">{progress.label}</span>
        </div>
      )}
      <div className={styles.body}>
        {error && (
          <MessageBar intent="error" className={styles.notice}>
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {saved && (
          <MessageBar intent="success" className={styles.notice}>
            <MessageBarBody>{saved}</MessageBarBody>
          </MessageBar>
        )}
        {loading && <Spinner label={t('reports.loading')} />}
        {!loading && kind !== 'ikm' && model && <ReportPreview model={model} />}
        {!loading && kind === 'ikm' && ikm && <IkmPreview model={ikm} />}
      </div>
    </div>
  );
}
