import { calendarQueries, type ServiceCalendar } from '.';
import type { Db } from '../store/db';

/**
 * One ServiceCalendar per database, rebuilt only after an edit of the hours or the non-working
 * days: the inbox derives SLA state for every row it shows, so the calendar's day cache must
 * survive between calls.
 */
const cache = new WeakMap<Db, ServiceCalendar>();

export function serviceCalendar(db: Db): ServiceCalendar {
  let calendar = cache.get(db);
  if (!calendar) cache.set(db, (calendar = calendarQueries(db).buildCalendar()));
  return calendar;
}

/** Call after any change of hours or days (inside the writing transaction is fine: rebuilt lazily). */
export function invalidateCalendar(db: Db): void {
  cache.delete(db);
}
