/**
 * Dates and times typed the way an Indonesian office writes them, whatever the browser's or the
 * OS's locale: day first ("04/12/2026", "4-12-2026", "4.12.2026") and a 24-hour clock ("14.30",
 * "14:30"). A native date input follows the OS locale and shows "12/04/2026" or "03:45 PM" on an
 * English Windows, which an Indonesian reads as 12 April.
 */

const WITA_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD' from a day-first date, or null when it is not a real date. */
export function parseOfficeDate(typed: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(typed);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 31/11, 29/02 of a common year
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** '04/12/2026' for '2026-12-04'. */
export function officeDateText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Minutes after midnight from "14.30", "14:30", "9.05" or "14"; null for anything else. */
export function parseOfficeTime(typed: string): number | null {
  const m = /^\s*(\d{1,2})(?:\s*[.:]\s*(\d{2}))?\s*$/.exec(typed);
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2] ?? 0)];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** '14.30' for 870 minutes. */
export const officeTimeText = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;

/** The instant of a WITA date and time of day. */
export const witaInstant = (isoDate: string, minutes: number): number => Date.parse(`${isoDate}T00:00:00Z`) - WITA_OFFSET_MS + minutes * 60_000;

/** The WITA date ('YYYY-MM-DD') and time of day (minutes) of an instant. */
export function witaParts(at: number): { date: string; minutes: number } {
  const shifted = new Date(at + WITA_OFFSET_MS);
  return { date: shifted.toISOString().slice(0, 10), minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}
