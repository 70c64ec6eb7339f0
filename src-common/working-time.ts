/**
 * Times against the service standard are said in its working days: a working day is the length of
 * a standard day's service hours (08.00–15.30, 7.5 hours, unless the office edited its hours). The
 * console and the reports split a duration the same way here and only word it differently
 * ("1 hari 2 jam kerja" on screen, "1 hk 2 j" in a report table).
 */

/** 08.00–15.30: the day when nothing else is known. */
export const STANDARD_WORKING_DAY_MS = 7.5 * 3_600_000;

export interface WorkingParts {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * Whole working days of `dayMs`, then hours and minutes of the rest, of |ms|. A countdown floors
 * ("Sisa 59 menit" never rounds up to an hour it does not have); a report's statistic rounds.
 */
export function workingParts(ms: number, dayMs: number = STANDARD_WORKING_DAY_MS, rounding: 'floor' | 'round' = 'floor'): WorkingParts {
  const total = rounding === 'round' ? Math.round(Math.abs(ms) / 60_000) : Math.floor(Math.abs(ms) / 60_000);
  const dayMinutes = Math.max(1, Math.round(dayMs / 60_000));
  const rest = total % dayMinutes;
  return { days: Math.floor(total / dayMinutes), hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** A report table's working time, "1 hk 2 j 30 m" (hari kerja of `dayMs`, jam, menit; "–" for none), rounded. */
export function workingTableText(ms: number | null, dayMs: number): string {
  if (ms === null) return '–';
  const { days, hours, minutes } = workingParts(ms, dayMs, 'round');
  const text = [days ? `${days} hk` : '', hours ? `${hours} j` : '', minutes || (!days && !hours) ? `${minutes} m` : ''].filter(Boolean).join(' ');
  return ms < 0 ? `-${text}` : text;
}
