import Holidays from 'date-holidays';
import { z } from 'zod';
import shipped2026 from './data/non-working-days-id-2026.json' with { type: 'json' };
import { isIsoDate } from './iso-date';

export type NonWorkingKind = 'national' | 'cuti_bersama' | 'local';
export const NON_WORKING_KINDS = ['national', 'cuti_bersama', 'local'] as const satisfies readonly NonWorkingKind[];

/** A closed calendar day in WITA: a national holiday, a joint leave day or a local closure. */
export interface NonWorkingDay {
  date: string; // 'YYYY-MM-DD'
  kind: NonWorkingKind;
  name: string;
  /** An estimated date of a moving holiday, to be checked against the decree ("perlu dicek"). */
  tentative?: boolean;
}

/** The source recorded for the shipped decree list; the two sources of a year without its list (not stored). */
export const SHIPPED_SOURCE = 'skb-2026';
export const FIXED_SOURCE = 'tetap';
export const ESTIMATE_SOURCE = 'perkiraan';

export const nonWorkingDaySchema = z.object({
  date: z.string().refine(isIsoDate, 'Tanggal harus berformat YYYY-MM-DD'),
  kind: z.enum(NON_WORKING_KINDS),
  name: z.string().trim().min(1).max(200),
});

const shippedListSchema = z.object({ source: z.string(), year: z.number().int(), days: z.array(nonWorkingDaySchema) });

/**
 * The 2026 decree (SKB 3 Menteri) shipped with the app; validated on first use so a bad edit of
 * the data file fails loudly instead of silently shifting due dates.
 */
export function shippedDecreeDays(): { year: number; source: string; days: NonWorkingDay[] } {
  const list = shippedListSchema.parse(shipped2026);
  return { year: list.year, source: list.source, days: list.days };
}

/**
 * National holidays fixed by law to one date every year (UU/Keppres): certain before any decree is
 * out, so a coming year is pre-filled with them as confirmed days.
 */
const FIXED_NATIONAL_HOLIDAYS: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: 'Tahun Baru Masehi' },
  { monthDay: '05-01', name: 'Hari Buruh Internasional' },
  { monthDay: '06-01', name: 'Hari Lahir Pancasila' },
  { monthDay: '08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
  { monthDay: '12-25', name: 'Hari Raya Natal' },
];

export function fixedNationalDays(year: number): NonWorkingDay[] {
  return FIXED_NATIONAL_HOLIDAYS.map((h) => ({ date: `${year}-${h.monthDay}`, kind: 'national', name: h.name }));
}

/**
 * The moving holidays date-holidays can estimate, named by the rule it computed them with: its own
 * Indonesian names are wrong for some (it calls 27 Rajab, Isra Mikraj, "Maulid Nabi Muhammad").
 * A day it gives by another rule is not taken: a closure under a wrong name misleads more than a
 * missing one the admin is asked to enter.
 */
const MOVING_NAME_BY_RULE: Readonly<Record<string, string>> = {
  '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW',
  'chinese 01-0-01': 'Tahun Baru Imlek',
  '1 Shawwal': 'Idul Fitri',
  '2 Shawwal': 'Idul Fitri (hari kedua)',
  'easter -2': 'Wafat Yesus Kristus',
  'easter 39': 'Kenaikan Yesus Kristus',
  '10 Dhu al-Hijjah': 'Idul Adha',
  '1 Muharram': 'Tahun Baru Islam',
  '12 Rabi al-awwal': 'Maulid Nabi Muhammad SAW',
};
/** Nyepi and Waisak come from the package's table of dates, not a rule: known by their name. */
const MOVING_NAME_BY_PACKAGE_NAME: readonly [RegExp, string][] = [
  [/nyepi/i, 'Hari Suci Nyepi'],
  [/waisak/i, 'Hari Raya Waisak'],
];

function movingHolidayName(rule: string, packageName: string): string | undefined {
  const byRule = MOVING_NAME_BY_RULE[rule];
  if (byRule) return byRule;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(rule)) return undefined;
  return MOVING_NAME_BY_PACKAGE_NAME.find(([pattern]) => pattern.test(packageName))?.[1];
}

let holidays: Holidays | undefined;
const estimateCache = new Map<number, readonly NonWorkingDay[]>();

/**
 * Estimated dates of the moving holidays of `year` (lunar, Chinese, Saka, Easter-based), every one
 * marked tentative ("perlu dicek"): the decree sets them, sometimes a day off the computation.
 */
export function estimatedMovingDays(year: number): readonly NonWorkingDay[] {
  const cached = estimateCache.get(year);
  if (cached) return cached;
  holidays ??= new Holidays('ID', { types: ['public'], languages: ['id'] });
  const fixed = new Set(fixedNationalDays(year).map((d) => d.date));
  const byDate = new Map<string, NonWorkingDay>();
  for (const holiday of holidays.getHolidays(year) || []) {
    const name = holiday.type === 'public' ? movingHolidayName(holiday.rule, holiday.name) : undefined;
    const date = holiday.date.slice(0, 10);
    if (!name || fixed.has(date) || !date.startsWith(`${year}-`)) continue;
    const existing = byDate.get(date);
    byDate.set(date, { date, kind: 'national', name: existing ? `${existing.name}; ${name}` : name, tentative: true });
  }
  const days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  estimateCache.set(year, days);
  return days;
}

/**
 * The days of a year whose decree list has not been entered: the fixed-date holidays (certain) and
 * the estimated moving ones (tentative). Weekends stay with ServiceHours.
 */
export function fallbackNonWorkingDays(year: number): readonly NonWorkingDay[] {
  return [...fixedNationalDays(year), ...estimatedMovingDays(year)].sort((a, b) => a.date.localeCompare(b.date));
}

/** Days for a decree list: "cuti bersama" in the name makes a joint leave day. */
export const kindFromName = (name: string): NonWorkingKind => (/cuti\s*bersama/i.test(name) ? 'cuti_bersama' : 'national');
