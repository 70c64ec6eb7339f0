import { TZDate } from '@date-fns/tz';
import type { ReportPeriod, ReportPeriodInput } from '../../../src-preload/contract';
import { SERVICE_TIME_ZONE } from '../calendar/service-calendar';
import { isIsoDate } from '../calendar/iso-date';
import { invalidInput } from '../errors';
import { MONTHS_ID, formatDateRangeId } from './labels';

/**
 * Report periods on the WITA calendar. Dates are handled as day numbers (days since 1970-01-01 of
 * the local date), which is exact for calendar arithmetic; instants come from TZDate only at the
 * edges, so the code is right for any zone even though Asia/Makassar has no clock changes.
 */

const DAY = 86_400_000;
/** A range longer than this is refused: a report over decades is a typo, not a request. */
export const MAX_PERIOD_DAYS = 732;

const dayNumberOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (dayNumber: number): string => new Date(dayNumber * DAY).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
const isoWeekday = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1;
const localMidnight = (date: string, timeZone: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone).getTime();
};

/** Monday of ISO week 1 of an ISO year: the week holding 4 January. */
const isoWeekOneMonday = (isoYear: number): number => {
  const jan4 = dayNumberOf(`${String(isoYear).padStart(4, '0')}-01-04`);
  return jan4 - (isoWeekday(jan4) - 1);
};
export const isoWeeksInYear = (isoYear: number): number => (isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / 7;

/** The ISO week ('2026-W48') holding a local date. */
export function isoWeekOf(date: string): string {
  const day = dayNumberOf(date);
  const thursday = day - isoWeekday(day) + 4; // the ISO year is the year of the week's Thursday
  const isoYear = new Date(thursday * DAY).getUTCFullYear();
  const week = (thursday - isoWeekOneMonday(isoYear) - 3) / 7 + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** The local date (WITA) of an instant. */
export const localDateOf = (at: number, timeZone = SERVICE_TIME_ZONE): string => {
  const t = new TZDate(at, timeZone);
  return `${String(t.getFullYear()).padStart(4, '0')}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
};

/** The ISO week before the one holding `now`: the default of the weekly report. */
export function lastWeek(now: number, timeZone = SERVICE_TIME_ZONE): ReportPeriodInput {
  return { kind: 'week', week: isoWeekOf(dateOf(dayNumberOf(localDateOf(now, timeZone)) - 7)) };
}

function weekDates(week: string): { first: string; last: string; label: string } {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw invalidInput({ code: 'report.week_format', params: { given: week } });
  const [year, n] = [Number(match[1]), Number(match[2])];
  const weeks = isoWeeksInYear(year);
  if (n < 1 || n > weeks) throw invalidInput({ code: 'report.week_range', params: { year, weeks } });
  const monday = isoWeekOneMonday(year) + (n - 1) * 7;
  const [first, last] = [dateOf(monday), dateOf(monday + 6)];
  return { first, last, label: `Minggu ke-${n} ${year} (${formatDateRangeId(first, last)})` };
}

function monthDates(month: string): { first: string; last: string; label: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw invalidInput({ code: 'report.month_format', params: { given: month } });
  const first = `${match[1]}-${match[2]}-01`;
  const last = dateOf(dayNumberOf(m === 12 ? `${Number(match[1]) + 1}-01-01` : `${match[1]}-${String(m + 1).padStart(2, '0')}-01`) - 1);
  return { first, last, label: `${MONTHS_ID[m - 1]} ${match[1]}` };
}

function rangeDates(from: string, to: string): { first: string; last: string; label: string } {
  if (!isIsoDate(from) || !isIsoDate(to)) throw invalidInput({ code: 'report.dates_format', params: { from, to } });
  if (to < from) throw invalidInput({ code: 'report.dates_order' });
  return { first: from, last: to, label: formatDateRangeId(from, to) };
}

/** Resolves a period to instants on the WITA calendar; throws invalid_input with an Indonesian + English message. */
export function resolvePeriod(input: ReportPeriodInput, timeZone = SERVICE_TIME_ZONE): ReportPeriod {
  const { first, last, label } =
    input.kind === 'week' ? weekDates(input.week) : input.kind === 'month' ? monthDates(input.month) : rangeDates(input.from, input.to);
  const days = dayNumberOf(last) - dayNumberOf(first) + 1;
  if (days > MAX_PERIOD_DAYS) throw invalidInput({ code: 'report.period_too_long', params: { days: MAX_PERIOD_DAYS } });
  const next = dateOf(dayNumberOf(last) + 1);
  return { kind: input.kind, label, firstDate: first, lastDate: last, from: localMidnight(first, timeZone), to: localMidnight(next, timeZone), days };
}

/** The local dates of a period, in order. */
export const datesOf = (period: Pick<ReportPeriod, 'firstDate' | 'days'>): string[] =>
  Array.from({ length: period.days }, (_, i) => dateOf(dayNumberOf(period.firstDate) + i));

/** A short key for file names: '2026-W48', '2026-11', '2026-11-01_2026-11-15'. */
export function periodKey(period: ReportPeriod): string {
  if (period.kind === 'week') return isoWeekOf(period.firstDate);
  if (period.kind === 'month') return period.firstDate.slice(0, 7);
  return `${period.firstDate}_${period.lastDate}`;
}
