import type { ConversationStatus } from '../../../src-preload/contract';
import type { Rng } from './random';
import { DAY_MS, HOUR_MS, witaDayIndex, witaWeekday } from './timeline';

/** Where a generated consultation stands at `now`: what officers would have done with it by then. */
export interface ConversationOutcome {
  status: ConversationStatus;
  requirementsCompleteAt: number | null;
  slaDueAt: number | null;
  resolvedAt: number | null;
  /** Officers have read everything but the newest conversations. */
  unread: boolean;
}

type Mix = readonly (readonly [ConversationStatus, number])[];

// By days since the last message: recent threads are still being worked on, old ones closed.
const RECENT: Mix = [
  ['new', 22],
  ['awaiting_requirements', 20],
  ['in_progress', 30],
  ['waiting_requester', 16],
  ['resolved', 12],
];
const WEEKS: Mix = [
  ['awaiting_requirements', 4],
  ['in_progress', 8],
  ['waiting_requester', 8],
  ['resolved', 30],
  ['rated', 50],
];
const OLD: Mix = [
  ['in_progress', 1],
  ['waiting_requester', 1],
  ['resolved', 30],
  ['rated', 68],
];

/**
 * Adds `days` working days, skipping weekends only: a quick stand-in for the ServiceCalendar
 * (which also knows holidays and hours), good enough for seeded data, never for real SLAs.
 */
export function roughWorkingDaysLater(at: number, days: number): number {
  let t = at;
  for (let left = days; left > 0;) {
    t += DAY_MS;
    const w = witaWeekday(witaDayIndex(t));
    if (w !== 0 && w !== 6) left--;
  }
  return t;
}

export function outcomeAt(rng: Rng, lastMessageAt: number, now: number): ConversationOutcome {
  const age = now - lastMessageAt;
  const status = rng.weighted(age < 7 * DAY_MS ? RECENT : age < 21 * DAY_MS ? WEEKS : OLD);
  const complete = status !== 'new' && status !== 'awaiting_requirements';
  const requirementsCompleteAt = complete ? lastMessageAt - Math.floor(rng.next() * 3 * DAY_MS) - HOUR_MS : null;
  const slaDueAt = requirementsCompleteAt === null ? null : roughWorkingDaysLater(requirementsCompleteAt, 3);
  const closed = status === 'resolved' || status === 'rated';
  const resolvedAt = closed ? Math.min(now, lastMessageAt + Math.floor(rng.next() * 2 * DAY_MS)) : null;
  return { status, requirementsCompleteAt, slaDueAt, resolvedAt, unread: status === 'new' || (!closed && rng.chance(0.2)) };
}
