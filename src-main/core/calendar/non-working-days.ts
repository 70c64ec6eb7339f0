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
}

/** The source recorded for the shipped decree list, and for the package fallback. */
export const SHIPPED_SOURCE = 'skb-2026';
export const FALLBACK_SOURCE = 'date-holidays';

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

let holidays: Holidays | undefined;
const fallbackCache = new Map<number, readonly NonWorkingDay[]>();

/**
 * National holidays of `year` from the date-holidays package, for a year whose decree has not been
 * entered. The package knows no cuti bersama, and it models Indonesia's weekend as Sunday only, so
 * only its dated public holidays are taken: which weekdays are closed stays with ServiceHours.
 * Its names and lunar dates can be off by a day; that is why the admin is warned
 * (yearsMissingDecree) until the real list is entered.
 */
export function fallbackNonWorkingDays(year: number): readonly NonWorkingDay[] {
  const cached = fallbackCache.get(year);
  if (cached) return cached;
  holidays ??= new Holidays('ID', { types: ['public'], languages: ['id'] });
  const byDate = new Map<string, NonWorkingDay>();
  for (const holiday of holidays.getHolidays(year) || []) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    const existing = byDate.get(date);
    // Two holidays on one date (2027-12-25): keep both names.
    byDate.set(date, { date, kind: 'national', name: existing ? `${existing.name}; ${holiday.name}` : holiday.name });
  }
  const days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  fallbackCache.set(year, days);
  return days;
}

/** Days for a decree list: "cuti bersama" in the name makes a joint leave day. */
export const kindFromName = (name: string): NonWorkingKind => (/cuti\s*bersama/i.test(name) ? 'cuti_bersama' : 'national');
