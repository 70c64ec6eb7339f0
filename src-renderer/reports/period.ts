/** Period helpers for the Laporan page, on the WITA calendar (UTC+8, no DST). */

const DAY = 86_400_000;
const WITA_OFFSET = 8 * 3_600_000;

const dayNumberOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (dayNumber: number): string => new Date(dayNumber * DAY).toISOString().slice(0, 10);
const isoWeekday = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

/** Today's date in WITA, 'YYYY-MM-DD'. */
const todayWita = (now: number = Date.now()): string => new Date(now + WITA_OFFSET).toISOString().slice(0, 10);

/** The ISO week ('2026-W48') holding a date: the week's Thursday decides the year. */
export function isoWeekOf(date: string): string {
  const day = dayNumberOf(date);
  const thursday = day - isoWeekday(day) + 4;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const jan4 = dayNumberOf(`${year}-01-04`);
  const weekOneMonday = jan4 - (isoWeekday(jan4) - 1);
  return `${year}-W${String((thursday - weekOneMonday - 3) / 7 + 1).padStart(2, '0')}`;
}

/** Last week, this month's predecessor, and the last 30 days: the defaults of the three pickers. */
export function defaultPeriods(now: number = Date.now()): { week: string; month: string; from: string; to: string } {
  const today = dayNumberOf(todayWita(now));
  const lastWeekDay = dateOf(today - 7);
  const [y, m] = todayWita(now).split('-').map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return { week: isoWeekOf(lastWeekDay), month: prev, from: dateOf(today - 30), to: dateOf(today - 1) };
}
