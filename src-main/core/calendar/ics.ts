import ICAL from 'ical.js';
import type { CoreMessage } from '../../../src-preload/contract';
import { invalidInput } from '../errors';
import { kindFromName, type NonWorkingDay } from './non-working-days';

export interface SkippedIcsEvent {
  summary: string;
  reason: CoreMessage;
}

export interface IcsDays {
  days: NonWorkingDay[];
  skipped: SkippedIcsEvent[];
}

const MAX_ICS_CHARS = 2_000_000;
/** A holiday block longer than this is a mistake in the file, not a closure. */
const MAX_EVENT_DAYS = 31;
const DAY = 86_400_000;

const isoOf = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);
const utcOf = (time: ICAL.Time) => Date.UTC(time.year, time.month - 1, time.day);

/**
 * Non-working days of an iCalendar file (a holiday feed or the decree exported from a calendar):
 * each all-day VEVENT (DTSTART;VALUE=DATE) is one day, or several up to its exclusive DTEND; the
 * SUMMARY is the name; "cuti bersama" in it makes a joint leave day, else a national holiday.
 * Events that cannot be taken are listed with the reason. Unreadable input throws invalid_input.
 */
export function parseIcs(text: string): IcsDays {
  if (text.length > MAX_ICS_CHARS) throw invalidInput({ code: 'calendar.ics_too_large' });
  let root: ICAL.Component;
  try {
    const jcal: unknown = ICAL.parse(text);
    // Several VCALENDARs in one file come back as a list: the first is the calendar.
    root = new ICAL.Component((Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal) as unknown[]);
  } catch (error) {
    // Not the parser's own text: it quotes the file at the officer.
    console.warn('[calendar] .ics parse failed:', error instanceof Error ? error.name : typeof error);
    throw invalidInput({ code: 'calendar.ics_unreadable' });
  }
  if (root.name !== 'vcalendar') throw invalidInput({ code: 'calendar.ics_not_calendar' });

  const days: NonWorkingDay[] = [];
  const skipped: SkippedIcsEvent[] = [];
  const seen = new Set<string>();
  for (const event of root.getAllSubcomponents('vevent')) {
    const summary = String(event.getFirstPropertyValue('summary') ?? '').trim();
    const skip = (reason: CoreMessage) => skipped.push({ summary, reason });
    const start = event.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time)) {
      skip({ code: 'calendar.skip_no_start' });
      continue;
    }
    if (!start.isDate) {
      skip({ code: 'calendar.skip_timed' });
      continue;
    }
    if (event.hasProperty('rrule')) {
      skip({ code: 'calendar.skip_recurring' });
      continue;
    }
    if (String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      skip({ code: 'calendar.skip_cancelled' });
      continue;
    }
    if (!summary) {
      skip({ code: 'calendar.skip_no_summary' });
      continue;
    }
    const count = eventDayCount(event, start);
    if (count === null) {
      skip({ code: 'calendar.skip_bad_end' });
      continue;
    }
    if (count > MAX_EVENT_DAYS) {
      skip({ code: 'calendar.skip_too_long', params: { days: MAX_EVENT_DAYS } });
      continue;
    }
    for (let i = 0; i < count; i++) {
      const date = isoOf(utcOf(start) + i * DAY);
      if (seen.has(date)) {
        skipped.push({ summary, reason: { code: 'calendar.skip_duplicate', params: { date } } });
        continue;
      }
      seen.add(date);
      days.push({ date, kind: kindFromName(summary), name: summary });
    }
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, skipped };
}

/** Days covered: DTEND is exclusive; without DTEND or DURATION an all-day event is one day. */
function eventDayCount(event: ICAL.Component, start: ICAL.Time): number | null {
  const end = event.getFirstPropertyValue('dtend');
  if (end instanceof ICAL.Time) {
    if (!end.isDate) return null;
    const count = Math.round((utcOf(end) - utcOf(start)) / DAY);
    return count >= 1 ? count : count === 0 ? 1 : null;
  }
  const duration = event.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) {
    const count = Math.round(duration.toSeconds() / 86_400);
    return count >= 1 && !duration.isNegative ? count : null;
  }
  return 1;
}
