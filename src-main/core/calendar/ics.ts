import ICAL from 'ical.js';
import { invalidInput } from '../errors';
import { kindFromName, type NonWorkingDay } from './non-working-days';

export interface SkippedIcsEvent {
  summary: string;
  reason: string;
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
  if (text.length > MAX_ICS_CHARS) throw invalidInput('Berkas .ics terlalu besar (maks. 2 MB) / .ics file too large');
  let root: ICAL.Component;
  try {
    const jcal: unknown = ICAL.parse(text);
    // Several VCALENDARs in one file come back as a list: the first is the calendar.
    root = new ICAL.Component((Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal) as unknown[]);
  } catch (error) {
    throw invalidInput(`Berkas .ics tidak dapat dibaca / unreadable .ics file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (root.name !== 'vcalendar') throw invalidInput('Berkas bukan kalender iCalendar (VCALENDAR) / not an iCalendar file');

  const days: NonWorkingDay[] = [];
  const skipped: SkippedIcsEvent[] = [];
  const seen = new Set<string>();
  for (const event of root.getAllSubcomponents('vevent')) {
    const summary = String(event.getFirstPropertyValue('summary') ?? '').trim();
    const skip = (reason: string) => skipped.push({ summary, reason });
    const start = event.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time)) {
      skip('tanpa DTSTART / no DTSTART');
      continue;
    }
    if (!start.isDate) {
      skip('bukan acara sehari penuh (DTSTART berjam) / not an all-day event');
      continue;
    }
    if (event.hasProperty('rrule')) {
      skip('acara berulang (RRULE) tidak didukung / recurring events are not supported');
      continue;
    }
    if (String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      skip('acara dibatalkan / cancelled');
      continue;
    }
    if (!summary) {
      skip('tanpa nama (SUMMARY) / no SUMMARY');
      continue;
    }
    const count = eventDayCount(event, start);
    if (count === null) {
      skip('DTEND/DURATION tidak valid / invalid DTEND or DURATION');
      continue;
    }
    if (count > MAX_EVENT_DAYS) {
      skip(`lebih dari ${MAX_EVENT_DAYS} hari / longer than ${MAX_EVENT_DAYS} days`);
      continue;
    }
    for (let i = 0; i < count; i++) {
      const date = isoOf(utcOf(start) + i * DAY);
      if (seen.has(date)) {
        skipped.push({ summary, reason: `tanggal ${date} sudah ada di berkas / duplicate date ${date}` });
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
