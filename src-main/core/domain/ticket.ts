// Not date-fns: the mail parse worker imports this file, and loading date-fns's index costs the
// worker about 60 ms before it can parse the first mail.
import { TZDate } from '@date-fns/tz';
import type { Db } from '../store/db';

export const TIME_ZONE = 'Asia/Makassar';
export const BPS_REGENCY_CODE = '5108';
export const TICKET_PATTERN = /KONS-5108-\d{8}-\d{4,}/;

/**
 * Asia/Makassar has kept UTC+8 without daylight saving since the Japanese occupation's +9 ended in
 * September 1945; from 1946 on the WITA day is plain arithmetic. A first sync numbers thousands of
 * mails, and a time-zone lookup per mail is measurable.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1946, 0, 1);
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The WITA calendar day of an instant, as yyyyMMdd. */
export const witaDay = (at: number): string => {
  if (at >= FIXED_OFFSET_SINCE) {
    const wall = new Date(at + WITA_OFFSET_MS);
    const month = wall.getUTCMonth() + 1;
    const day = wall.getUTCDate();
    return `${wall.getUTCFullYear()}${month < 10 ? '0' : ''}${month}${day < 10 ? '0' : ''}${day}`;
  }
  const wall = new TZDate(at, TIME_ZONE);
  return `${wall.getFullYear()}${String(wall.getMonth() + 1).padStart(2, '0')}${String(wall.getDate()).padStart(2, '0')}`;
};

// Prepared once per database: a first sync numbers thousands of conversations.
const counters = new WeakMap<Db, Record<'bump' | 'start' | 'read', ReturnType<Db['prepare']>>>();

/**
 * The counter of a day, counted up by one: its new value. Three plain statements rather than one
 * upsert with RETURNING: measured inside a first sync's large transactions, RETURNING cost about
 * 15 µs a call against 2 µs for these (it builds a temporary table for each row it returns).
 */
function countUp(db: Db, day: string): number {
  let statements = counters.get(db);
  if (!statements) {
    statements = {
      bump: db.prepare('UPDATE ticket_counters SET last = last + 1 WHERE day = ?'),
      start: db.prepare('INSERT INTO ticket_counters (day, last) VALUES (?, 1)'),
      read: db.prepare('SELECT last FROM ticket_counters WHERE day = ?').pluck(),
    };
    counters.set(db, statements);
  }
  if (statements.bump.run(day).changes === 0) statements.start.run(day);
  return statements.read.get(day) as number;
}

/**
 * Next ticket number KONS-5108-YYYYMMDD-NNNN for the WITA day of `at`; the counter lives in the
 * database so numbers stay unique across restarts. Call inside the transaction that uses it.
 */
export function nextTicket(db: Db, at: number): string {
  const day = witaDay(at);
  return `KONS-${BPS_REGENCY_CODE}-${day}-${String(countUp(db, day)).padStart(4, '0')}`;
}

/**
 * The reference of an automated mail filed aside (a bounce, an auto-reply, a newsletter, the
 * office's own mail that answers nothing): outside the day's KONS sequence, so the numbers
 * requesters see have no gaps.
 */
export function nextAsideReference(db: Db, at: number): string {
  const day = witaDay(at);
  return `OTOMATIS-${day}-${String(countUp(db, `otomatis:${day}`)).padStart(4, '0')}`;
}

const FULL_OR_DATED = /^\s*(?:kons)?[\s-]*(?:5108)?[\s-]*(\d{8})[\s-]+(\d{1,5})\s*$/i;
const DAY_MONTH_AND_NUMBER = /^\s*(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\s+(?:no\.?\s*)?(\d{1,5})\s*$/i;

/**
 * The ticket an officer typed into the search box, as it is written on paper or read out on the
 * phone: the whole "KONS-5108-20261123-0001", without its prefix ("20261123-0001", "20261123 1"),
 * or the day and its number ("23/11 0001", "23-11-2026 no 1"; without a year, the latest such
 * day not after today). Anything else is a word search: null.
 */
export function ticketFromQuery(text: string, now: number): string | null {
  const seq = (n: string) => n.replace(/^0+(?=\d)/, '').padStart(4, '0');
  const full = FULL_OR_DATED.exec(text);
  if (full) return `KONS-${BPS_REGENCY_CODE}-${full[1]}-${seq(full[2]!)}`;
  const short = DAY_MONTH_AND_NUMBER.exec(text);
  if (!short) return null;
  const day = Number(short[1]);
  const month = Number(short[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const today = witaDay(now);
  let year = short[3] ? Number(short[3].length === 2 ? `20${short[3]}` : short[3]) : Number(today.slice(0, 4));
  const ymd = (y: number) => `${y}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  if (!short[3] && ymd(year) > today) year -= 1;
  return `KONS-${BPS_REGENCY_CODE}-${ymd(year)}-${seq(short[4]!)}`;
}
