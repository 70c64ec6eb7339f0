import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Db } from '../store/db';

export const TIME_ZONE = 'Asia/Makassar';
export const BPS_REGENCY_CODE = '5108';
export const TICKET_PATTERN = /KONS-5108-\d{8}-\d{4,}/;

/** The WITA calendar day of an instant, as yyyyMMdd. */
export const witaDay = (at: number): string => format(new TZDate(at, TIME_ZONE), 'yyyyMMdd');

// Prepared once per database: a first sync numbers thousands of conversations.
const counters = new WeakMap<Db, ReturnType<Db['prepare']>>();
function counterStatement(db: Db): ReturnType<Db['prepare']> {
  let statement = counters.get(db);
  if (!statement) {
    statement = db.prepare('INSERT INTO ticket_counters (day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last');
    counters.set(db, statement);
  }
  return statement;
}

/**
 * Next ticket number KONS-5108-YYYYMMDD-NNNN for the WITA day of `at`; the counter lives in the
 * database so numbers stay unique across restarts. Call inside the transaction that uses it.
 */
export function nextTicket(db: Db, at: number): string {
  const day = witaDay(at);
  const row = counterStatement(db).get(day) as { last: number };
  return `KONS-${BPS_REGENCY_CODE}-${day}-${String(row.last).padStart(4, '0')}`;
}

/**
 * The reference of an automated mail filed aside (a bounce, an auto-reply, a newsletter, the
 * office's own mail that answers nothing): outside the day's KONS sequence, so the numbers
 * requesters see have no gaps.
 */
export function nextAsideReference(db: Db, at: number): string {
  const day = witaDay(at);
  const row = counterStatement(db).get(`otomatis:${day}`) as { last: number };
  return `OTOMATIS-${day}-${String(row.last).padStart(4, '0')}`;
}
