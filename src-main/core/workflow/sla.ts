import type { ConversationStatus, SlaState } from '../../../src-preload/contract';
import type { PausedSpan, ServiceCalendar } from '../calendar';
import type { Db } from '../store/db';

/**
 * The SLA clock of one conversation (DESIGN §1): it starts when the request is clear and the
 * requirements are complete, pauses while waiting for the requester (and while closed), and its due
 * instant is always ServiceCalendar.dueAt(start, N, pauses), so an edited calendar gives new dues.
 *
 * Stored state: requirements_complete_at (start), sla_target_days (N, fixed at start), sla_pauses
 * (closed spans), sla_paused_since (open span). While running, sla_due_at is the due instant and
 * sla_remaining_ms is NULL; while paused or closed, sla_remaining_ms freezes the open time left
 * (negative when late) and sla_due_at is NULL — unless the due has already passed: a breach does
 * not move with a pause, so the due stays and the inbox keeps listing it as overdue.
 */

export interface SlaRow {
  status: ConversationStatus;
  requirements_complete_at: number | null;
  sla_target_days: number | null;
  sla_due_at: number | null;
  sla_paused_since: number | null;
  sla_remaining_ms: number | null;
}

/** Open time from `from` to `to`, negative when `to` is before `from`. */
export function signedWorkingTime(calendar: ServiceCalendar, from: number, to: number): number {
  return to >= from ? calendar.workingTimeBetween(from, to) : -calendar.workingTimeBetween(to, from);
}

const pausesOf = (db: Db, conversationId: number): PausedSpan[] =>
  db.prepare('SELECT from_at AS "from", to_at AS "to" FROM sla_pauses WHERE conversation_id = ? ORDER BY from_at').all(conversationId) as PausedSpan[];

const rowOf = (db: Db, conversationId: number): SlaRow =>
  db
    .prepare('SELECT status, requirements_complete_at, sla_target_days, sla_due_at, sla_paused_since, sla_remaining_ms FROM conversations WHERE id = ?')
    .get(conversationId) as SlaRow;

/** Due instant from the stored spans, plus the open pause up to `pausedUntil` when given. */
function dueFromSpans(db: Db, calendar: ServiceCalendar, conversationId: number, row: SlaRow, pausedUntil?: number): number {
  const spans = pausesOf(db, conversationId);
  if (row.sla_paused_since !== null && pausedUntil !== undefined) spans.push({ from: row.sla_paused_since, to: pausedUntil });
  return calendar.dueAt(row.requirements_complete_at!, row.sla_target_days ?? 3, spans);
}

const update = (db: Db, conversationId: number, fields: Partial<Record<keyof SlaRow | 'sla_paused_ms', number | null>>) => {
  const keys = Object.keys(fields);
  db.prepare(`UPDATE conversations SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...fields, id: conversationId });
};

/** Starts (or restarts) the clock at `at` with a target of `targetDays` working days. */
export function startClock(db: Db, calendar: ServiceCalendar, conversationId: number, at: number, targetDays: number): void {
  db.prepare('DELETE FROM sla_pauses WHERE conversation_id = ?').run(conversationId);
  update(db, conversationId, {
    requirements_complete_at: at,
    sla_target_days: targetDays,
    sla_due_at: calendar.dueAt(at, targetDays),
    sla_paused_since: null,
    sla_remaining_ms: null,
    sla_paused_ms: 0,
  });
}

/** Requirements no longer complete: no clock at all until they are complete again. */
export function clearClock(db: Db, conversationId: number): void {
  db.prepare('DELETE FROM sla_pauses WHERE conversation_id = ?').run(conversationId);
  update(db, conversationId, {
    requirements_complete_at: null,
    sla_target_days: null,
    sla_due_at: null,
    sla_paused_since: null,
    sla_remaining_ms: null,
    sla_paused_ms: 0,
  });
}

/** Stops the clock at `at` (waiting for the requester, or closed). Nothing happens if it is not running. */
export function pauseClock(db: Db, calendar: ServiceCalendar, conversationId: number, at: number): void {
  const row = rowOf(db, conversationId);
  if (row.requirements_complete_at === null || row.sla_paused_since !== null || row.sla_due_at === null) return;
  const remaining = signedWorkingTime(calendar, at, row.sla_due_at);
  update(db, conversationId, { sla_paused_since: at, sla_remaining_ms: remaining, sla_due_at: remaining > 0 ? null : row.sla_due_at });
}

/** Runs the clock again from `at`: the paused span is recorded and the due recomputed. */
export function resumeClock(db: Db, calendar: ServiceCalendar, conversationId: number, at: number): void {
  const row = rowOf(db, conversationId);
  if (row.requirements_complete_at === null || row.sla_paused_since === null) return;
  const from = row.sla_paused_since;
  const to = Math.max(from, at);
  db.prepare('INSERT INTO sla_pauses (conversation_id, from_at, to_at) VALUES (?, ?, ?)').run(conversationId, from, to);
  db.prepare('UPDATE conversations SET sla_paused_ms = sla_paused_ms + ? WHERE id = ?').run(calendar.workingTimeBetween(from, to), conversationId);
  update(db, conversationId, {
    sla_paused_since: null,
    sla_remaining_ms: null,
    sla_due_at: dueFromSpans(db, calendar, conversationId, { ...row, sla_paused_since: null }),
  });
}

/**
 * At closure: the clock stops for good (until a reopen resumes it). sla_remaining_ms keeps the open
 * time that was left (negative: closed late) and sla_due_at the due instant as of the closure.
 */
export function closeClock(db: Db, calendar: ServiceCalendar, conversationId: number, at: number): void {
  const row = rowOf(db, conversationId);
  if (row.requirements_complete_at === null) return;
  const due = row.sla_paused_since === null ? row.sla_due_at! : dueFromSpans(db, calendar, conversationId, row, at);
  update(db, conversationId, { sla_paused_since: row.sla_paused_since ?? at, sla_remaining_ms: signedWorkingTime(calendar, at, due), sla_due_at: due });
}

/** After a calendar edit: the due (or frozen remainder) of every consultation whose clock is open. */
export function recomputeOpenClocks(db: Db, calendar: ServiceCalendar): number {
  const rows = db
    .prepare(
      `SELECT id, status, requirements_complete_at, sla_target_days, sla_due_at, sla_paused_since, sla_remaining_ms FROM conversations
        WHERE requirements_complete_at IS NOT NULL AND status IN ('in_progress', 'waiting_requester')`,
    )
    .all() as (SlaRow & { id: number })[];
  for (const row of rows) {
    const due = dueFromSpans(db, calendar, row.id, { ...row, sla_paused_since: null });
    if (row.sla_paused_since === null) update(db, row.id, { sla_due_at: due });
    else {
      const remaining = signedWorkingTime(calendar, row.sla_paused_since, due);
      update(db, row.id, { sla_remaining_ms: remaining, sla_due_at: remaining > 0 ? null : due });
    }
  }
  return rows.length;
}

/** Less than one standard working day (7.5 h) of open time left: the officer should act today. */
export const dueSoonThreshold = (calendar: ServiceCalendar): number => calendar.standardDayMs;

export interface SlaView {
  slaState: SlaState;
  /** Open time left in ms (negative when overdue); frozen while paused; at closure for closed ones. */
  workingMsLeft: number | null;
  /** The running due date was reckoned across a year without its decree list: say "perkiraan". */
  slaEstimated: boolean;
}

/** Derived at read time from the row alone: a few calendar-day lookups, no query. */
export function slaView(row: SlaRow, calendar: ServiceCalendar, now: number): SlaView {
  const settled = { slaEstimated: false };
  if (row.requirements_complete_at === null) return { slaState: 'none', workingMsLeft: null, ...settled };
  if (row.status === 'resolved' || row.status === 'rated') return { slaState: 'none', workingMsLeft: row.sla_remaining_ms, ...settled };
  if (row.sla_paused_since !== null) {
    const left = row.sla_remaining_ms ?? 0;
    return { slaState: left > 0 ? 'paused' : 'overdue', workingMsLeft: left, ...settled };
  }
  if (row.sla_due_at === null) return { slaState: 'none', workingMsLeft: null, ...settled };
  const left = signedWorkingTime(calendar, now, row.sla_due_at);
  const state: SlaState = now > row.sla_due_at ? 'overdue' : left < dueSoonThreshold(calendar) ? 'due_soon' : 'running';
  return { slaState: state, workingMsLeft: left, slaEstimated: calendar.isEstimate(row.requirements_complete_at, Math.max(row.sla_due_at, now)) };
}
