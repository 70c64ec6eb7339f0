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

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_SHORT_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "30 Nov – 6 Des 2026", "23 – 29 Nov 2026": the month and the year once when the days share them. */
function dayRangeText(first: string, last: string): string {
  const [y1, m1, d1] = first.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = last.split('-').map(Number) as [number, number, number];
  const start = y1 !== y2 ? `${d1} ${MONTHS_SHORT_ID[m1 - 1]} ${y1}` : m1 !== m2 ? `${d1} ${MONTHS_SHORT_ID[m1 - 1]}` : `${d1}`;
  return `${start} – ${d2} ${MONTHS_SHORT_ID[m2 - 1]} ${y2}`;
}

/**
 * The weeks a supervisor picks from, newest first: "Minggu 49 · 30 Nov – 6 Des 2026". A native
 * week input shows "Week 48, 2026" in the OS's language and hides which days it spans.
 */
export function recentWeeks(count: number, now: number = Date.now()): { value: string; label: string }[] {
  const today = dayNumberOf(todayWita(now));
  const monday = today - (isoWeekday(today) - 1);
  return Array.from({ length: count }, (_, i) => {
    const first = monday - 7 * i;
    const value = isoWeekOf(dateOf(first));
    return { value, label: `Minggu ${Number(value.slice(6))} · ${dayRangeText(dateOf(first), dateOf(first + 6))}` };
  });
}

/** The months to pick from, newest first: "Desember 2026". */
export function recentMonths(count: number, now: number = Date.now()): { value: string; label: string }[] {
  const [y, m] = todayWita(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return { value: `${year}-${String(month).padStart(2, '0')}`, label: `${MONTHS_ID[month - 1]} ${year}` };
  });
}
