import type { IkmYearReport, ReportPeriod } from '../../../src-preload/contract';
import type { ServiceCalendar } from '../calendar';
import { computeIkm, IKM_UNSUR, type IkmResponse } from '../domain/ikm';
import type { Db } from '../store/db';
import { readReportIdentity, readReportLogo } from './identity';
import { NOT_FILLED, UNIT_NAME } from './labels';
import { resolvePeriod } from './period';
import { Counter } from './stats';

/**
 * The yearly Survei Kepuasan Masyarakat (SKM) report of PermenPANRB 14/2017: the IKM of the
 * survey answers received in one calendar year (WITA), per unsur NRR, the converted value and its
 * mutu, the respondents against the minimum sample of the regulation's sampling table, and the
 * respondents' profile. Like every report, figures are as of the earlier of the year's end and now.
 *
 * Population = the distinct requesters whose consultation was closed in the year (the people who
 * received the service); the survey is asked at a closure.
 */

/**
 * Krejcie & Morgan (1970), the sampling table the regulation's annex reproduces: population N →
 * minimum sample S. A population between two rows takes the larger row's sample.
 */
export const SAMPLE_TABLE: readonly (readonly [population: number, sample: number])[] = [
  [10, 10],
  [15, 14],
  [20, 19],
  [25, 24],
  [30, 28],
  [35, 32],
  [40, 36],
  [45, 40],
  [50, 44],
  [55, 48],
  [60, 52],
  [65, 56],
  [70, 59],
  [75, 63],
  [80, 66],
  [85, 70],
  [90, 73],
  [95, 76],
  [100, 80],
  [110, 86],
  [120, 92],
  [130, 97],
  [140, 103],
  [150, 108],
  [160, 113],
  [170, 118],
  [180, 123],
  [190, 127],
  [200, 132],
  [210, 136],
  [220, 140],
  [230, 144],
  [240, 148],
  [250, 152],
  [260, 155],
  [270, 159],
  [280, 162],
  [290, 165],
  [300, 169],
  [320, 175],
  [340, 181],
  [360, 186],
  [380, 191],
  [400, 196],
  [420, 201],
  [440, 205],
  [460, 210],
  [480, 214],
  [500, 217],
  [550, 226],
  [600, 234],
  [650, 242],
  [700, 248],
  [750, 254],
  [800, 260],
  [850, 265],
  [900, 269],
  [950, 274],
  [1000, 278],
  [1100, 285],
  [1200, 291],
  [1300, 297],
  [1400, 302],
  [1500, 306],
  [1600, 310],
  [1700, 313],
  [1800, 317],
  [1900, 320],
  [2000, 322],
  [2200, 327],
  [2400, 331],
  [2600, 335],
  [2800, 338],
  [3000, 341],
  [3500, 346],
  [4000, 351],
  [4500, 354],
  [5000, 357],
  [6000, 361],
  [7000, 364],
  [8000, 367],
  [9000, 368],
  [10000, 370],
  [15000, 375],
  [20000, 377],
  [30000, 379],
  [40000, 380],
  [50000, 381],
  [75000, 382],
  [100000, 384],
];

/** The minimum sample for a population; below 10 everyone is asked. */
export function minimumSample(population: number): number {
  if (population <= 0) return 0;
  if (population < 10) return population;
  return (SAMPLE_TABLE.find(([n]) => n >= population) ?? SAMPLE_TABLE[SAMPLE_TABLE.length - 1]!)[1];
}

export const IKM_YEAR_TITLE = 'Laporan Survei Kepuasan Masyarakat (SKM)';

export interface IkmRespondentRow {
  ticket: string;
  answeredAt: number;
  occupation: string;
  answers: (number | null)[];
}

export interface IkmYearData {
  model: IkmYearReport;
  respondents: IkmRespondentRow[];
}

export function collectIkmYear(db: Db, calendar: ServiceCalendar, year: number, options: { now: number; maker?: string }): IkmYearData {
  const full: ReportPeriod = resolvePeriod({ kind: 'range', from: `${year}-01-01`, to: `${year}-12-31` }, calendar.timeZone);
  const period: ReportPeriod = { ...full, kind: 'range', label: `Tahun ${year}` };
  const asOf = Math.min(full.to, options.now);
  const end = asOf < full.to ? asOf + 1 : full.to; // the export's own instant included
  const rows = db
    .prepare(
      `SELECT c.ticket, g.created_at, r.occupation, g.u1, g.u2, g.u3, g.u4, g.u5, g.u6, g.u7, g.u8, g.u9
         FROM ratings g JOIN conversations c ON c.id = g.conversation_id JOIN requesters r ON r.id = c.requester_id
        WHERE g.created_at >= ? AND g.created_at < ? AND c.automated = 0
          AND coalesce(g.u1, g.u2, g.u3, g.u4, g.u5, g.u6, g.u7, g.u8, g.u9) IS NOT NULL
        ORDER BY g.created_at, g.id`,
    )
    .raw()
    .all(full.from, end) as [string, number, string | null, ...(number | null)[]][];
  const respondents: IkmRespondentRow[] = rows.map((r) => ({
    ticket: r[0],
    answeredAt: r[1],
    occupation: r[2]?.trim() || NOT_FILLED,
    answers: r.slice(3) as (number | null)[],
  }));
  const population = (
    db
      .prepare(
        `SELECT count(DISTINCT coalesce(q.merged_into, q.id)) AS n FROM conversations c JOIN requesters q ON q.id = c.requester_id
          WHERE c.automated = 0 AND c.resolved_at >= ? AND c.resolved_at < ?`,
      )
      .get(full.from, end) as { n: number }
  ).n;
  const result = computeIkm(respondents.map((r) => r.answers as IkmResponse));
  const occupations = new Counter();
  for (const r of respondents) occupations.add(r.occupation);
  const identity = readReportIdentity(db);
  if (!identity.makerName && options.maker) identity.makerName = options.maker;
  const minimum = minimumSample(population);
  return {
    model: {
      year,
      title: IKM_YEAR_TITLE,
      unit: UNIT_NAME,
      period,
      generatedAt: options.now,
      asOf,
      running: asOf < full.to,
      identity,
      logoDataUrl: readReportLogo(db),
      respondents: result.respondents,
      population,
      minimumSample: minimum,
      sampleEnough: result.respondents >= minimum,
      unsur: result.unsur.map((u, i) => ({ code: u.code, name: IKM_UNSUR[i]!.name, respondents: u.respondents, nrr: u.nrr })),
      ikm: result.ikm,
      converted: result.convertedRounded,
      grade: result.category?.grade ?? null,
      label: result.category?.label ?? null,
      byOccupation: occupations.sorted(),
    },
    respondents,
  };
}
