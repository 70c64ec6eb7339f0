import { z } from 'zod';
import { invalidInput } from '../errors';

/** One open interval of a day, in minutes since local midnight, half-open: [from, to). */
export interface OpenInterval {
  from: number;
  to: number;
}

/** Open intervals per weekday, index 0 = Sunday … 6 = Saturday (like Date#getDay). */
export type ServiceHours = readonly (readonly OpenInterval[])[];

export const MINUTES_PER_DAY = 24 * 60;

const OPEN_0800_1530: OpenInterval[] = [{ from: 8 * 60, to: 15 * 60 + 30 }];

/** The published service standard: Monday–Friday 08:00–15:30 WITA, weekends closed. */
export const DEFAULT_SERVICE_HOURS: ServiceHours = [[], OPEN_0800_1530, OPEN_0800_1530, OPEN_0800_1530, OPEN_0800_1530, OPEN_0800_1530, []];

export const WEEKDAY_NAMES_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
const WEEKDAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** A weekday for a message in either language. */
const weekdayParams = (weekday: number) => ({ weekdayId: WEEKDAY_NAMES_ID[weekday]!, weekdayEn: WEEKDAY_NAMES_EN[weekday]! });

const minute = z.number().int().min(0).max(MINUTES_PER_DAY);
const serviceHoursSchema = z.array(z.array(z.object({ from: minute, to: minute }))).length(7);

/**
 * Validates hours from any source (settings JSON, API input) and returns them normalized:
 * each day sorted, touching intervals merged (so a period end is always a real closing).
 * Overlaps, empty intervals and a week with no open time at all are refused: the last would make
 * every SLA due date infinite.
 */
export function parseServiceHours(value: unknown): ServiceHours {
  const parsed = serviceHoursSchema.safeParse(value);
  if (!parsed.success) throw invalidInput({ code: 'calendar.hours_invalid' });
  const week = parsed.data.map((intervals, weekday) => {
    const sorted = [...intervals].sort((a, b) => a.from - b.from);
    const merged: OpenInterval[] = [];
    for (const interval of sorted) {
      if (interval.from >= interval.to) {
        throw invalidInput({ code: 'calendar.hours_order', params: weekdayParams(weekday) });
      }
      const last = merged.at(-1);
      if (last && interval.from < last.to) {
        throw invalidInput({ code: 'calendar.hours_overlap', params: weekdayParams(weekday) });
      }
      if (last && interval.from === last.to) last.to = interval.to;
      else merged.push({ from: interval.from, to: interval.to });
    }
    return merged;
  });
  if (week.every((day) => day.length === 0)) throw invalidInput({ code: 'calendar.hours_none_open' });
  return week;
}

export const dayLengthMinutes = (intervals: readonly OpenInterval[]): number => intervals.reduce((sum, i) => sum + i.to - i.from, 0);

/**
 * Minutes of one "working day" of an SLA target: a standard Monday (DESIGN §1). If Monday is
 * closed in the edited hours, the longest day stands in, so a target is never zero.
 */
export function standardDayMinutes(hours: ServiceHours): number {
  const monday = dayLengthMinutes(hours[1] ?? []);
  return monday > 0 ? monday : Math.max(...hours.map(dayLengthMinutes));
}

/** '08:00' or '8.00' → 480; '24:00' is allowed as the end of a day. */
export function parseClock(text: string): number {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minutes >= 0 && minutes <= MINUTES_PER_DAY))
    throw invalidInput({ code: 'calendar.clock_invalid', params: { text } });
  return minutes;
}

/** 480 → '08.00' (the Indonesian way of writing times). */
export const formatClock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;

/**
 * The hours as a sentence for replies and the {jam_layanan} placeholder, consecutive weekdays with
 * the same hours grouped: "Senin–Jumat 08.00–15.30 WITA".
 */
export function describeServiceHours(hours: ServiceHours, zoneLabel = 'WITA'): string {
  const text = (weekday: number) => (hours[weekday] ?? []).map((i) => `${formatClock(i.from)}–${formatClock(i.to)}`).join(', ');
  const order = [1, 2, 3, 4, 5, 6, 0]; // the Indonesian week as people say it: Monday first
  const groups: { first: number; last: number; hours: string }[] = [];
  for (const weekday of order) {
    const hoursText = text(weekday);
    if (!hoursText) continue;
    const last = groups.at(-1);
    if (last && last.hours === hoursText && order.indexOf(weekday) === order.indexOf(last.last) + 1) last.last = weekday;
    else groups.push({ first: weekday, last: weekday, hours: hoursText });
  }
  return groups.map((g) => `${WEEKDAY_NAMES_ID[g.first]}${g.first === g.last ? '' : `–${WEEKDAY_NAMES_ID[g.last]}`} ${g.hours} ${zoneLabel}`).join('; ');
}
