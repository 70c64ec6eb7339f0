/**
 * Core-worker side of the console benchmark: conversations of exactly 200 messages to open, made
 * the way they arise (a Telegram thread through ingestBatch, the officer opening it, private
 * notes), on top of the loaded data set.
 */
import { ingestBatch } from '../../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../../src-main/core/inbound/types';
import { generateSeed } from '../../../src-main/core/seed';
import { coreFixture } from './fixture-tasks';
import type { WorkerState } from './types';

export const LONG_THREAD = 200;
/** Requester messages; officers' notes fill up to LONG_THREAD (ingest's workflow may add replies). */
const INCOMING = 180;
const DAY_MS = 86_400_000;

export interface LongConversation {
  id: number;
  ticket: string;
  requesterName: string;
  /** Text of the newest (200th) message: the open is done when it is on screen. */
  marker: string;
  incoming: number;
  messages: number;
}

/** The generator's chat ids would collide with the data set's: each long thread gets its own chat. */
function ownChat(m: InboundMessage, chat: string): InboundMessage {
  const messageNo = m.externalId.split(':')[1] ?? '0';
  return {
    ...m,
    externalId: `${chat}:${messageNo}`,
    sourceId: chat,
    meta: { chatId: chat },
    requester: { ...m.requester, telegramUserId: chat },
  };
}

export async function prepareLongConversations(state: WorkerState, args: { seed: number; count: number; start: number }): Promise<LongConversation[]> {
  const { core, officer } = coreFixture(state);
  const db = core.services.db;
  const countOf = (id: number) => (db.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?').get(id) as { n: number }).n;
  const out: LongConversation[] = [];
  for (let k = 0; k < args.count; k++) {
    const chat = String(8_100_000_000 + k);
    const thread = [
      ...generateSeed({
        seed: args.seed ^ (0xc0de + k),
        conversations: 1,
        messages: INCOMING,
        start: args.start + k * DAY_MS,
        end: args.start + (k + 3) * DAY_MS,
        emailShare: 0,
        batchSize: 1000,
      }),
    ]
      .flat()
      .map((m) => ownChat(m.inbound, chat));
    const results = ingestBatch(core.services, thread);
    const id = results[0]?.conversationId;
    if (id === undefined || results.some((r) => r.conversationId !== id || r.outcome !== 'inserted')) {
      throw new Error('the long thread did not land in one new conversation');
    }
    // Opened once before the benchmark: the first open's status change adds an activity entry.
    await core.must('conversations.markRead', { id }, officer);
    let messages = countOf(id);
    if (messages > LONG_THREAD) throw new Error(`the thread already has ${messages} messages (ingest added ${messages - INCOMING})`);
    const detail = await core.must('conversations.get', { id }, officer);
    const marker = `Catatan pemeriksaan ${LONG_THREAD}/${LONG_THREAD} · ${detail.ticket}`;
    while (messages < LONG_THREAD) {
      messages++;
      const text = messages === LONG_THREAD ? marker : `Catatan pemeriksaan ${messages}/${LONG_THREAD}: tabel dicek, menunggu jawaban pemohon`;
      await core.must('messages.addNote', { conversationId: id, text }, officer);
    }
    messages = countOf(id);
    if (messages !== LONG_THREAD) throw new Error(`expected ${LONG_THREAD} messages, found ${messages}`);
    out.push({ id, ticket: detail.ticket, requesterName: detail.requester.name ?? '', marker, incoming: thread.length, messages });
  }
  return out;
}
