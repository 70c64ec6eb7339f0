/**
 * The service calendar: hours per weekday and non-working days.
 */
import type { CoreMessage } from './base';

/** Open intervals per weekday, index 0 = Sunday … 6 = Saturday, minutes since local midnight, [from, to). */
export type ServiceHoursView = { from: number; to: number }[][];

export type NonWorkingKind = 'national' | 'cuti_bersama' | 'local';

export interface NonWorkingDayView {
  date: string;
  kind: NonWorkingKind;
  name: string;
  /** 'skb-2026', 'ics', 'manual', or 'date-holidays' for a fallback day (not editable). */
  source: string;
}

export interface CalendarStatus {
  serviceHours: ServiceHoursView;
  /** "Senin–Jumat 08.00–15.30 WITA". */
  serviceHoursText: string;
  /** Of the current and next year, those without a decree list: warn the admin. */
  yearsMissingDecree: number[];
  openNow: boolean;
  nextOpening: number;
}

export interface CalendarMethods {
  'calendar.status': { input: Record<string, never>; output: CalendarStatus };
  'calendar.setHours': { input: { hours: ServiceHoursView }; output: CalendarStatus };
  'calendar.listDays': { input: { year: number }; output: { year: number; hasDecree: boolean; days: NonWorkingDayView[] } };
  'calendar.addDay': { input: { date: string; kind: NonWorkingKind; name: string }; output: NonWorkingDayView };
  'calendar.updateDay': { input: { date: string; kind?: NonWorkingKind; name?: string }; output: NonWorkingDayView };
  'calendar.deleteDay': { input: { date: string }; output: null };
  'calendar.importIcs': {
    input: { text: string };
    output: { imported: number; skipped: { summary: string; reason: CoreMessage }[] };
  };
}
