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
  /** 'skb-2026', 'ics', 'csv', 'manual', 'tetap' (a fixed-date holiday) or 'perkiraan' (an estimate). */
  source: string;
  /** False for a computed day of a year further ahead: nothing to edit or delete. */
  stored: boolean;
  /** An estimated date of a moving holiday, to be checked against the decree ("perlu dicek"). */
  tentative: boolean;
}

export interface CalendarStatus {
  serviceHours: ServiceHoursView;
  /** "Senin–Jumat 08.00–15.30 WITA". */
  serviceHoursText: string;
  /** The current year while without its decree list, and from October the coming one: ask the admin. */
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
  'calendar.importIcs': { input: { text: string }; output: CalendarImportResult };
  'calendar.importCsv': { input: { text: string }; output: CalendarImportResult };
  /** Declares a typed list of the year complete (refused while an estimate is unchecked). */
  'calendar.confirmYear': { input: { year: number }; output: CalendarStatus };
  /** Marks an estimate as checked against the decree. */
  'calendar.checkDay': { input: { date: string }; output: NonWorkingDayView };
}

export interface CalendarImportResult {
  imported: number;
  skipped: { summary: string; reason: CoreMessage }[];
  /** Estimates of the imported decree's years that the list replaced (removed). */
  estimatesReplaced: number;
}
