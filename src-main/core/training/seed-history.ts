import type { ConversationStatus, Method } from '../../../src-preload/contract';
import { handlers } from '../api';
import { createDispatcher } from '../api/dispatcher';
import type { SessionSlot } from '../api/define';
import { AppError } from '../errors';
import { ingest } from '../inbound/ingest';
import { OutboxWorker } from '../outbox/worker';
import type { CoreServices } from '../services';
import { officerQueries } from '../store/queries/officers';
import { sessionQueries } from '../store/queries/sessions';
import { settingsQueries } from '../store/queries/settings';
import { serviceCalendar } from '../calendar/cache';
import { loadConversation } from '../workflow/conversation';
import { ratingRequestOf, recordRating } from '../workflow/ratings';
import { HISTORY_OFFICERS, planHistory, type PlannedAction } from './plan';
import { SimulatedChannel } from './simulated-channel';

/** The account a trainee logs in with: printed by `npm run demo`, exists only in training data. */
export const DEMO_LOGIN = { username: 'latihan', displayName: 'Petugas Latihan', password: 'belajar-pst' } as const;

/** The password hash of the history's officers: not a scrypt hash, so no password ever matches. */
const NO_LOGIN = 'tanpa-login';

/** Set once the training history is in: a restart keeps the trainee's work instead of seeding again. */
export const SEEDED_KEY = 'training.seededAt';

export interface SeedHistoryOptions {
  seed?: number;
  /** Consultations in the history (several hundred by default). */
  conversations?: number;
  /** The history ends at this instant (default: the core's clock). */
  now?: number;
  spanMs?: number;
}

export interface SeedHistoryResult {
  conversations: number;
  byStatus: Partial<Record<ConversationStatus, number>>;
  ratings: number;
  complaints: number;
  /** Actions the core refused; a correct plan has none. */
  failures: string[];
}

export const isSeeded = (core: CoreServices): boolean => settingsQueries(core.db).get<number | null>(SEEDED_KEY, null) !== null;

/**
 * Fills an EMPTY training database with months of history, through the core's own paths: ingest()
 * for what requesters wrote, the contract handlers (as the officers, with their sessions and the
 * audit log) for what officers did, recordRating()/ingest() for ratings, complaints.create for
 * complaints. The clock is virtual: every step runs at its moment in the past, and the outbox is
 * drained at each step through silent simulated channels, so acknowledgements, replies and rating
 * requests are "sent" when they were written and none is left for the live demo to send.
 */
async function seedInTransaction(core: CoreServices, options: SeedHistoryOptions): Promise<SeedHistoryResult> {
  const now = options.now ?? core.now();
  const calendar = serviceCalendar(core.db);
  const plan = planHistory({
    seed: options.seed ?? 5108,
    conversations: options.conversations ?? 400,
    now,
    calendar,
    ...(options.spanMs ? { spanMs: options.spanMs } : {}),
  });
  const clock = { at: (plan.actions[0]?.at ?? now) - 2 * 86_400_000 };
  const past: CoreServices = { ...core, now: () => clock.at, kickOutbox: () => {} };
  const dispatch = createDispatcher(past, handlers);
  const outbox = new OutboxWorker(
    past,
    new Map([
      ['telegram', new SimulatedChannel(past, 'telegram')],
      ['email', new SimulatedChannel(past, 'email')],
    ]),
  );
  const failures: string[] = [];

  const call = async (officerId: number | null, method: Method, input: unknown, slot?: SessionSlot) => {
    const token = officerId === null ? null : sessionQueries(core.db).create(officerId, clock.at);
    const session = slot ?? { get: () => token, set: () => {} };
    const result = await dispatch(method, input, session);
    if (token) sessionQueries(core.db).delete(token);
    if (!result.ok) failures.push(`${method} ${JSON.stringify(input).slice(0, 120)}: ${result.error.message}`);
    return result;
  };

  // The accounts: the trainee's admin first (as on a first run), then the PST team of the history.
  let adminToken: string | null = null;
  const adminSlot: SessionSlot = { get: () => adminToken, set: (t) => void (adminToken = t) };
  const admin = await call(null, 'auth.setupAdmin', DEMO_LOGIN, adminSlot);
  if (!admin.ok) throw new Error(`setupAdmin failed: ${failures.join('; ')}`);
  await call(null, 'workflow.updateSettings', { surveyEnabled: true }, adminSlot);
  const officerIds: number[] = [];
  const officers = officerQueries(core.db);
  for (const o of HISTORY_OFFICERS) {
    // Nobody logs in as them: no password hash at all (verifyPassword refuses anything but scrypt),
    // which also spares four deliberately slow hashes on every first start.
    const id = officers.insert({ username: o.username, displayName: o.displayName, role: o.role, passwordHash: NO_LOGIN, now: clock.at });
    officers.update(id, { signature: `Salam,\n${o.displayName}\nPST BPS Kabupaten Buleleng` });
    officerIds.push(id);
  }
  const adminId = (admin.value as { id: number }).id;
  await call(null, 'officers.update', { id: adminId, signature: `Salam,\n${DEMO_LOGIN.displayName}\nPST BPS Kabupaten Buleleng` }, adminSlot);
  await call(null, 'auth.logout', {}, adminSlot);

  const conversationOf = new Map<number, number>();
  const messageOf = new Map<string, number>();
  const complaintOf = new Map<number, number>();
  const run = async (a: PlannedAction): Promise<void> => {
    if (a.kind === 'incoming') {
      const result = ingest(past, a.inbound);
      if (!conversationOf.has(a.key)) conversationOf.set(a.key, result.conversationId);
      messageOf.set(a.inbound.externalId, result.messageId);
      return;
    }
    if (a.kind === 'complaint' || a.kind === 'complaintResolved') return complaintStep(a);
    const id = conversationOf.get(a.key);
    if (id === undefined) return void failures.push(`${a.kind}: conversation ${a.key} unknown`);
    const officerId = a.kind === 'rating' ? null : officerIds[a.officer]!;
    switch (a.kind) {
      case 'claim':
        await call(officerId, 'conversations.markRead', { id });
        await call(officerId, 'conversations.claim', { id });
        return;
      case 'requirements': {
        const { need, ...requester } = a.fields;
        await call(officerId, 'conversations.updateRequirements', { id, requester, need });
        return;
      }
      case 'reply':
        await call(officerId, 'conversations.markRead', { id });
        await call(officerId, 'messages.send', { conversationId: id, text: a.text });
        return;
      case 'wait':
        await call(officerId, 'conversations.waitForRequester', { id, reason: a.reason });
        return;
      case 'resolve':
        await call(officerId, 'conversations.markRead', { id });
        await call(officerId, 'conversations.resolve', { id, summary: a.summary, topic: a.topic });
        return;
      case 'rating':
        return rate(id, a);
      case 'read':
        await call(officerId, 'conversations.markRead', { id });
        return;
    }
  };

  /** The requester answers the rating request the way their channel allows; then the survey, if they do. */
  const rate = async (id: number, a: Extract<PlannedAction, { kind: 'rating' }>): Promise<void> => {
    const row = loadConversation(core.db, id);
    const request = ratingRequestOf(core.db, id, row.reopened_count);
    if (!request) return void failures.push(`rating: no request for conversation ${id}`);
    const externalOf = (messageId: number | null) =>
      messageId === null ? null : (core.db.prepare('SELECT external_id AS x FROM messages WHERE id = ?').get(messageId) as { x: string | null }).x;
    if (row.channel === 'telegram') {
      recordRating(past, { ratingRequestId: request.id, score: a.score, feedback: a.feedback, source: 'telegram' });
    } else {
      replyMail(id, a.feedback ? `Nilai: ${a.score}\n${a.feedback}` : String(a.score), externalOf(request.message_id));
    }
    await outbox.drain();
    if (!a.skm) return;
    clock.at += 2 * 60_000;
    const survey = ratingRequestOf(core.db, id, row.reopened_count);
    if (row.channel === 'telegram') recordRating(past, { ratingRequestId: request.id, skm: a.skm, source: 'telegram' });
    else replyMail(id, a.skm.map((v, i) => `U${i + 1}: ${v}`).join('\n'), externalOf(survey?.survey_message_id ?? null));
  };

  const replyMail = (conversationId: number, text: string, replyTo: string | null): void => {
    const c = core.db
      .prepare(
        'SELECT c.ticket, c.subject, ci.source_id AS address, ci.display_name AS name FROM conversations c JOIN channel_identities ci ON ci.id = c.channel_identity_id WHERE c.id = ?',
      )
      .get(conversationId) as { ticket: string; subject: string | null; address: string; name: string | null };
    ingest(past, {
      channel: 'email',
      externalId: `<rating.${conversationId}.${clock.at}@${c.address.split('@')[1] ?? 'mail.invalid'}>`,
      sourceId: c.address,
      ...(c.name ? { displayName: c.name } : {}),
      receivedAt: clock.at,
      text,
      subject: `Re: ${c.subject ?? 'Penilaian layanan'} [${c.ticket}]`,
      thread: { mode: 'explicit', ...(replyTo ? { replyTo: [replyTo] } : {}), ticket: c.ticket },
      meta: { mailbox: 'INBOX' },
    });
  };

  const complaintStep = async (a: Extract<PlannedAction, { kind: 'complaint' | 'complaintResolved' }>): Promise<void> => {
    const officerId = officerIds[a.officer]!;
    if (a.kind === 'complaintResolved') {
      const id = complaintOf.get(a.ref);
      if (id !== undefined) await call(officerId, 'complaints.update', { id, status: 'resolved', response: a.response, officerId });
      return;
    }
    const messageId = a.fromExternalId ? messageOf.get(a.fromExternalId) : undefined;
    const input = messageId !== undefined ? { messageId } : { ...(a.manual ?? {}), receivedAt: a.at };
    const cleaned = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
    const result = await call(officerId, 'complaints.create', cleaned);
    if (result.ok) complaintOf.set(a.ref, (result.value as { id: number }).id);
  };

  for (const action of plan.actions) {
    clock.at = Math.max(clock.at, action.at);
    await run(action);
    await outbox.drain();
  }
  settingsQueries(core.db).set(SEEDED_KEY, now, now);
  return summarize(core, failures);
}

/**
 * All or nothing, and fast: one transaction around the whole history (the handlers' own
 * transactions become savepoints). Nothing else touches the database while it runs: the host is
 * not serving yet. A crash leaves an empty data dir, seeded again on the next start.
 */
export async function seedTrainingHistory(core: CoreServices, options: SeedHistoryOptions = {}): Promise<SeedHistoryResult> {
  if (officerQueries(core.db).count() > 0) throw new AppError('conflict', { code: 'training.needs_empty_dir' });
  core.db.exec('BEGIN IMMEDIATE');
  try {
    const result = await seedInTransaction(core, options);
    core.db.exec('COMMIT');
    return result;
  } catch (error) {
    if (core.db.inTransaction) core.db.exec('ROLLBACK');
    throw error;
  }
}

function summarize(core: CoreServices, failures: string[]): SeedHistoryResult {
  const db = core.db;
  const byStatus: Partial<Record<ConversationStatus, number>> = {};
  for (const r of db.prepare('SELECT status, count(*) AS n FROM conversations GROUP BY status').all() as { status: ConversationStatus; n: number }[])
    byStatus[r.status] = r.n;
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    conversations: count('SELECT count(*) AS n FROM conversations'),
    byStatus,
    ratings: count('SELECT count(*) AS n FROM ratings'),
    complaints: count('SELECT count(*) AS n FROM complaints'),
    failures,
  };
}
