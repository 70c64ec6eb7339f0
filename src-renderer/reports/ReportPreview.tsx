import {
  Caption1,
  Card,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ReportModel } from '../../src-preload/contract';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { BarList, ColumnChart, SERIES_COLORS } from './charts';
import { percent, workingDuration } from './format';

const MAX_OVERDUE = 50;

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: tokens.spacingHorizontalM },
  figure: { padding: tokens.spacingVerticalM },
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, lineHeight: tokens.lineHeightHero700 },
  two: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  legend: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px' },
});

function Section(props: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section}>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      {props.children}
    </section>
  );
}

function SimpleTable(props: { headers: string[]; rows: (string | number)[][]; numeric?: boolean[] }) {
  const styles = useStyles();
  return (
    <Table size="small">
      <TableHeader>
        <TableRow>
          {props.headers.map((h, i) => (
            <TableHeaderCell key={h} className={props.numeric?.[i] ? styles.num : undefined}>
              {h}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row, r) => (
          <TableRow key={r}>
            {row.map((cell, i) => (
              <TableCell key={i} className={typeof cell === 'number' || props.numeric?.[i] ? styles.num : undefined}>
                {typeof cell === 'number' ? cell.toLocaleString('id-ID') : cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The key figures, charts and tables of a report model (the files hold everything). */
export function ReportPreview({ model }: { model: ReportModel }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const d = model.standardDayMs;
  const s = model.summary;
  const figures: [string, string][] = [
    [t('reports.newCount'), s.newCount.toLocaleString('id-ID')],
    [t('reports.resolvedCount'), s.resolvedCount.toLocaleString('id-ID')],
    [t('reports.openAtEnd'), s.openAtEnd.toLocaleString('id-ID')],
    [t('reports.overdueAtEnd'), s.overdueAtEnd.toLocaleString('id-ID')],
    [t('reports.within', { n: model.slaWorkingDays }), percent(s.withinTargetShare)],
    [t('reports.firstResponse'), workingDuration(model.times.firstResponse.medianMs, d)],
    [t('reports.resolution'), workingDuration(model.times.resolution.medianMs, d)],
    [t('reports.officialLinks'), s.answeredWithOfficialLink.toLocaleString('id-ID')],
    [t('reports.reusedAnswers'), s.answeredWithEarlier.toLocaleString('id-ID')],
    [t('reports.rating'), model.ratings.meanScore === null ? '–' : `${model.ratings.meanScore.toFixed(2).replace('.', ',')} / 5`],
  ];
  const ikm = model.ikm;
  return (
    <div className={styles.section} style={{ gap: tokens.spacingVerticalXL }}>
      <Text weight="semibold">{model.periodTitle}</Text>
      {model.running && <Caption1>{t('reports.runningNote')}</Caption1>}
      <div className={styles.grid}>
        {figures.map(([label, value]) => (
          <Card key={label} className={styles.figure} appearance="filled-alternative">
            <span className={styles.value}>{value}</span>
            <Caption1>{label}</Caption1>
          </Card>
        ))}
      </div>
      <Section title={t('reports.trend')}>
        <div className={styles.legend}>
          {[t('reports.newCount'), t('reports.resolvedCount')].map((name, i) => (
            <Caption1 key={name}>
              <span className={styles.swatch} style={{ background: SERIES_COLORS[i] }} />
              {name}
            </Caption1>
          ))}
        </div>
        <ColumnChart
          title={t('reports.trend')}
          series={[t('reports.newCount'), t('reports.resolvedCount')]}
          points={model.trend.points.map((p) => ({ key: p.key, label: p.label, values: [p.newCount, p.resolvedCount], shaded: !p.working }))}
        />
      </Section>
      <div className={styles.two}>
        <Section title={t('reports.channels')}>
          <SimpleTable
            headers={[
              t('reports.channel'),
              t('reports.newCount'),
              t('reports.resolvedCount'),
              t('reports.openAtEnd'),
              t('reports.firstResponseMedian'),
              t('reports.resolutionMedian'),
            ]}
            rows={model.byChannel.map((c) => [
              c.label,
              c.newCount,
              c.resolvedCount,
              c.openAtEnd,
              workingDuration(c.firstResponseMedianMs, model.standardDayMs),
              workingDuration(c.resolutionMedianMs, model.standardDayMs),
            ])}
          />
        </Section>
        <Section title={t('reports.times')}>
          <SimpleTable
            headers={[t('reports.measure'), 'n', t('reports.median'), 'P90']}
            numeric={[false, true, true, true]}
            rows={[
              [t('reports.firstResponse'), model.times.firstResponse],
              [t('reports.requirements'), model.times.requirements],
              [t('reports.resolution'), model.times.resolution],
            ].map(([label, x]) => {
              const v = x as ReportModel['times']['resolution'];
              return [label as string, v.count, workingDuration(v.medianMs, d), workingDuration(v.p90Ms, d)];
            })}
          />
          <Caption1>{t('reports.workingNote', { hours: (d / 3_600_000).toLocaleString('id-ID') })}</Caption1>
        </Section>
      </div>
      <div className={styles.two}>
        <Section title={t('reports.ikm')}>
          <Text>
            {ikm.converted === null
              ? t('reports.ikmNone')
              : t('reports.ikmValue', {
                  value: ikm.converted.toFixed(2).replace('.', ','),
                  grade: ikm.grade ?? '–',
                  label: ikm.label ?? '',
                  n: ikm.respondents,
                })}
          </Text>
          <SimpleTable
            headers={[t('reports.unsur'), t('reports.respondents'), 'NRR']}
            numeric={[false, true, true]}
            rows={ikm.unsur.map((u) => [`${u.code} ${u.name}`, u.respondents, u.nrr === null ? '–' : u.nrr.toFixed(3).replace('.', ',')])}
          />
        </Section>
        <Section title={t('reports.occupations')}>
          <BarList emptyText={t('reports.none')} rows={model.requesters.byOccupation.map((c) => ({ key: c.key, label: c.label, value: c.count }))} />
          <Subtitle2 as="h2">{t('reports.topics')}</Subtitle2>
          <BarList
            emptyText={t('reports.none')}
            color={SERIES_COLORS[1]}
            rows={model.topics.filter((c) => c.count > 0).map((c) => ({ key: c.key, label: c.label, value: c.count }))}
          />
          <Text>{t('reports.complaints', { received: model.complaints.received, resolved: model.complaints.resolved, open: model.complaints.openAtEnd })}</Text>
        </Section>
      </div>
      <Section title={t('reports.officers')}>
        <SimpleTable
          headers={[
            t('reports.officer'),
            t('reports.newCount'),
            t('reports.resolvedCount'),
            t('reports.openAtEnd'),
            t('reports.overdueAtEnd'),
            t('reports.replies'),
            t('reports.resolution'),
          ]}
          numeric={[false, true, true, true, true, true, true]}
          rows={model.officers.map((o) => [
            o.name,
            o.newAssigned,
            o.resolved,
            o.openAtEnd,
            o.overdueAtEnd,
            o.repliesSent,
            workingDuration(o.resolutionMedianMs, d),
          ])}
        />
      </Section>
      <Section title={`${t('reports.overdue')} (${model.overdue.length.toLocaleString('id-ID')})`}>
        {model.overdue.length === 0 ? (
          <Text>{t('reports.noOverdue')}</Text>
        ) : (
          <SimpleTable
            headers={[t('reports.ticket'), t('reports.requester'), t('reports.officer'), t('reports.due'), t('reports.late')]}
            numeric={[false, false, false, false, true]}
            rows={model.overdue
              .slice(0, MAX_OVERDUE)
              .map((o) => [o.ticket, o.requesterName ?? '–', o.assigneeName ?? '–', formatDateTime(o.dueAt, language), workingDuration(o.workingMsLate, d)])}
          />
        )}
        {model.overdue.length > MAX_OVERDUE && <Caption1>{t('reports.more', { n: model.overdue.length - MAX_OVERDUE })}</Caption1>}
      </Section>
    </div>
  );
}
