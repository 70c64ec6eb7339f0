import type { ConversationStatus } from '../../../src-preload/contract';
import type { ServiceCalendar } from '../calendar';
import type { InboundMessage } from '../inbound/types';
import { generateHistory, Rng, type HistoryEvent, type SeedConversation, type SeedMessage } from '../seed';
import { SCORE_WEIGHTS, RATING_COMMENTS, skmAnswers, summaryFor, WAIT_REASONS, WALK_IN_COMPLAINTS, COMPLAINT_RESPONSES, type IdentityFields } from './texts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The PST team of the training history (indices in the plan); the trainee is the admin. */
export const HISTORY_OFFICERS = [
  { username: 'kadek.ayu', displayName: 'Ni Kadek Ayu Widiastuti', role: 'officer' },
  { username: 'gede.arsana', displayName: 'I Gede Putu Arsana', role: 'officer' },
  { username: 'komang.sri', displayName: 'Komang Sri Rahayu', role: 'officer' },
  { username: 'nyoman.suardana', displayName: 'I Nyoman Suardana', role: 'supervisor' },
] as const;

/** What happened in the history, in time order; `key` is the generator's conversation key. */
export type PlannedAction =
  | { at: number; kind: 'incoming'; key: number; inbound: InboundMessage }
  | { at: number; kind: 'claim'; key: number; officer: number }
  | { at: number; kind: 'requirements'; key: number; officer: number; fields: IdentityFields }
  | { at: number; kind: 'reply'; key: number; officer: number; text: string }
  | { at: number; kind: 'wait'; key: number; officer: number; reason: string }
  | { at: number; kind: 'resolve'; key: number; officer: number; summary: string; topic: string }
  | { at: number; kind: 'rating'; key: number; score: number; feedback: string | null; skm: (1 | 2 | 3 | 4)[] | null }
  /** An officer reads what came in last (a thank-you, a rating mail): old work is not left unread. */
  | { at: number; kind: 'read'; key: number; officer: number }
  | {
      at: number;
      kind: 'complaint';
      ref: number;
      officer: number;
      /** Logged from this incoming message (its external id), or written down by the officer. */
      fromExternalId: string | null;
      manual: { source: string; text: string; contactName: string | null; contact: string | null } | null;
    }
  | { at: number; kind: 'complaintResolved'; ref: number; officer: number; response: string };

export interface HistoryPlan {
  actions: PlannedAction[];
  /** The status each consultation is meant to reach (the workflow decides the real one). */
  targets: Map<number, ConversationStatus>;
}

export interface PlanOptions {
  seed: number;
  conversations: number;
  /** The history ends just before this instant. */
  now: number;
  /** How far back it reaches (default about five months). */
  spanMs?: number;
  calendar: ServiceCalendar;
}

interface Thread {
  messages: SeedMessage[];
  replies: { at: number; text: string }[];
  target: ConversationStatus;
}

/** Keys (and Telegram ids) of the second, recent history are moved out of the first one's way. */
const RECENT_KEYS = 1_000_000;

function collect(threads: Map<number, Thread>, history: Iterable<HistoryEvent[]>, offset: number): void {
  for (const batch of history) {
    for (const e of batch) {
      const key = (e.type === 'incoming' ? e.message.conversation.key : e.conversation.key) + offset;
      let t = threads.get(key);
      if (!t) threads.set(key, (t = { messages: [], replies: [], target: 'new' }));
      if (e.type === 'incoming') t.messages.push(offset === 0 ? e.message : { ...e.message, inbound: moveTelegramIds(e.message.inbound) });
      else if (e.type === 'outgoing') t.replies.push({ at: e.at, text: e.text });
    }
  }
}

/** Two generator runs number their Telegram users alike; the second run's users get other ids. */
function moveTelegramIds(m: InboundMessage): InboundMessage {
  if (m.channel !== 'telegram') return m;
  const chat = `7${m.sourceId}`;
  const [, messageId] = m.externalId.split(':');
  return { ...m, sourceId: chat, externalId: `${chat}:${messageId}`, requester: { ...m.requester, telegramUserId: chat }, meta: { ...m.meta, chatId: chat } };
}

type Mix = readonly (readonly [ConversationStatus, number])[];
const MIX_BY_AGE: readonly [number, Mix][] = [
  [
    1 * DAY,
    [
      ['new', 40],
      ['awaiting_requirements', 25],
      ['in_progress', 25],
      ['waiting_requester', 10],
    ],
  ],
  [
    4 * DAY,
    [
      ['new', 8],
      ['awaiting_requirements', 20],
      ['in_progress', 47],
      ['waiting_requester', 15],
      ['resolved', 10],
    ],
  ],
  [
    10 * DAY,
    [
      ['awaiting_requirements', 8],
      ['in_progress', 30],
      ['waiting_requester', 17],
      ['resolved', 25],
      ['rated', 20],
    ],
  ],
  [
    21 * DAY,
    [
      ['in_progress', 3],
      ['waiting_requester', 5],
      ['resolved', 30],
      ['rated', 62],
    ],
  ],
];
const OLD_MIX: Mix = [
  ['resolved', 25],
  ['rated', 75],
];

/** Where a consultation stands now, by the age of its last message: recent ones are still open work. */
function targetFor(rng: Rng, lastMessageAt: number, now: number): ConversationStatus {
  const age = now - lastMessageAt;
  return rng.weighted(MIX_BY_AGE.find(([limit]) => age < limit)?.[1] ?? OLD_MIX);
}

/**
 * A thread says what its end state allows: nobody thanks for data never sent, and a consultation
 * still waiting for requirements has no identity message in it.
 */
function fitsTarget(kind: SeedMessage['kind'], target: ConversationStatus): boolean {
  if (target === 'new') return kind === 'followUp';
  if (target === 'awaiting_requirements') return kind !== 'identity' && kind !== 'thanks';
  if (target === 'in_progress' || target === 'waiting_requester') return kind !== 'thanks';
  return true;
}

/** An officer's moment: `min`–`max` minutes after `after`, moved into service hours. */
function officerTime(calendar: ServiceCalendar, rng: Rng, after: number, min = 10, max = 120): number {
  let at = after + Math.floor((min + rng.next() * (max - min)) * MINUTE);
  for (let tries = 0; tries < 20 && !calendar.isOpen(at); tries++) at = calendar.nextOpening(at) + Math.floor((5 + rng.next() * 85) * MINUTE);
  return at;
}

function fieldsOf(c: SeedConversation): IdentityFields {
  const r = c.requester;
  return { name: r.name, institution: r.institution, occupation: r.occupation, email: r.email, whatsapp: r.whatsapp, need: `${c.purpose} (data ${c.need})` };
}

/**
 * Plans a realistic training history: the seed generator's traffic and officer replies
 * (generateHistory), and for each consultation the officer actions that take it to its end state
 * at `now` — claim, requirements, replies, waiting, closing with a topic — then the requester's
 * rating and SKM answers, and a few complaints. Pure: same options, same plan.
 */
export function planHistory(options: PlanOptions): HistoryPlan {
  const rng = new Rng(options.seed ^ 0x7a1);
  const end = options.now - 2 * HOUR;
  const start = end - (options.spanMs ?? 150 * DAY);
  const threads = new Map<number, Thread>();
  // Months of mostly closed work, plus the last two weeks' open work the trainee practises on.
  const recent = Math.max(8, Math.round(options.conversations * 0.15));
  collect(
    threads,
    generateHistory({
      seed: options.seed,
      conversations: options.conversations - recent,
      messages: Math.round((options.conversations - recent) * 3.2),
      start,
      end,
      now: options.now,
    }),
    0,
  );
  collect(
    threads,
    generateHistory({ seed: options.seed + 1, conversations: recent, messages: recent * 3, start: end - 14 * DAY, end, now: options.now }),
    RECENT_KEYS,
  );
  for (const t of threads.values()) {
    t.target = targetFor(rng, t.messages[t.messages.length - 1]!.inbound.receivedAt, options.now);
    t.messages = t.messages.filter((m, i) => i === 0 || fitsTarget(m.kind, t.target));
  }

  const actions: PlannedAction[] = [];
  const targets = new Map<number, ConversationStatus>();
  const cutoff = options.now - MINUTE;
  const officerCount = HISTORY_OFFICERS.length;
  let complaintRef = 0;
  const complaint = (at: number, officer: number, fromExternalId: string | null, manual: Extract<PlannedAction, { kind: 'complaint' }>['manual']) => {
    const ref = ++complaintRef;
    actions.push({ at, kind: 'complaint', ref, officer, fromExternalId, manual });
    if (rng.chance(0.6))
      actions.push({ at: officerTime(options.calendar, rng, at, 600, 4000), kind: 'complaintResolved', ref, officer, response: rng.pick(COMPLAINT_RESPONSES) });
  };

  for (const [key, t] of threads) {
    const c = t.messages[0]!.conversation;
    targets.set(key, t.target);
    for (const m of t.messages) actions.push({ at: m.inbound.receivedAt, kind: 'incoming', key, inbound: m.inbound });
    if (t.target === 'new') continue;
    const planned: PlannedAction[] = [];
    const officer = rng.int(0, officerCount - 1);
    const first = t.messages[0]!.inbound.receivedAt;
    const firstReply = t.replies[0]?.at ?? Number.POSITIVE_INFINITY;
    const claimAt = Math.max(first + MINUTE, Math.min(officerTime(options.calendar, rng, first), firstReply - MINUTE));
    planned.push({ at: claimAt, kind: 'claim', key, officer });
    let last = Math.max(claimAt, t.messages[t.messages.length - 1]!.inbound.receivedAt);
    if (t.target !== 'awaiting_requirements') {
      const identity = t.messages.find((m) => m.kind === 'identity');
      const reqAt = identity ? Math.max(claimAt + MINUTE, officerTime(options.calendar, rng, identity.inbound.receivedAt, 5, 60)) : claimAt + 2 * MINUTE;
      planned.push({ at: reqAt, kind: 'requirements', key, officer, fields: fieldsOf(c) });
      last = Math.max(last, reqAt);
    }
    for (const reply of t.replies) {
      const at = reply.at > claimAt ? reply.at : claimAt + rng.int(1, 5) * MINUTE;
      planned.push({ at, kind: 'reply', key, officer, text: reply.text });
      last = Math.max(last, at);
    }
    if (t.target === 'waiting_requester')
      planned.push({ at: officerTime(options.calendar, rng, last, 5, 60), kind: 'wait', key, officer, reason: rng.pick(WAIT_REASONS) });
    if (t.target === 'resolved' || t.target === 'rated') {
      const resolveAt = officerTime(options.calendar, rng, last, 30, 600);
      planned.push({ at: resolveAt, kind: 'resolve', key, officer, summary: summaryFor(rng, c.need), topic: c.topic });
      if (t.target === 'rated') {
        const score = rng.weighted(SCORE_WEIGHTS);
        const feedback = rng.chance(0.6) ? rng.pick(RATING_COMMENTS[score] ?? []) : null;
        planned.push({
          at: resolveAt + Math.floor((15 + rng.next() * 480) * MINUTE),
          kind: 'rating',
          key,
          score,
          feedback,
          skm: rng.chance(0.65) ? skmAnswers(rng, score) : null,
        });
      }
    }
    const lastAt = Math.max(last, ...planned.map((a) => a.at + (a.kind === 'rating' ? 5 * MINUTE : 0)));
    planned.push({ at: officerTime(options.calendar, rng, lastAt, 10, 240), kind: 'read', key, officer });
    // The console can only have done what happened before now.
    actions.push(...planned.filter((a) => a.at < cutoff));
    const chase = t.messages.find((m) => m.kind === 'followUp');
    if (chase && rng.chance(0.04)) {
      const at = officerTime(options.calendar, rng, chase.inbound.receivedAt, 5, 90);
      if (at < cutoff) complaint(at, officer, chase.inbound.externalId, null);
    }
  }
  for (const [i, walkIn] of WALK_IN_COMPLAINTS.entries()) {
    const at = officerTime(options.calendar, rng, start + Math.floor(((i + 0.5) / WALK_IN_COMPLAINTS.length) * (end - start)));
    if (at < cutoff) complaint(at, rng.int(0, officerCount - 1), null, { ...walkIn });
  }
  // Stable: actions of one conversation at the same instant keep their planned order.
  const done = actions.filter((a) => a.at < cutoff).sort((a, b) => a.at - b.at);
  return { actions: done, targets };
}
