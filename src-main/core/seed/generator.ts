import type { InboundMessage } from '../inbound/types';
import { TimeHeap } from './heap';
import type { Occupation } from '../../../src-common/occupations';
import { emailOf, INSTITUTIONS, personName, telegramUsernameOf, whatsappOf, type Institution } from './people';
import { Rng } from './random';
import { messageText, threadKinds, type MessageKind, type ThreadVoice } from './texts';
import { arrivalsPerDay, arrivalTimes, DAY_MS, nextMessageTime } from './timeline';
import { dataRequest, purposeFor, TOPIC_WEIGHTS, type Topic } from './topics';

export interface SeedOptions {
  /** Same seed and options, same output, byte for byte. */
  seed?: number;
  conversations: number;
  /** Incoming messages in all; at least one per conversation. Default 10 per conversation. */
  messages?: number;
  /** Range of the timestamps (ms); default the 12 months before 2026-11-01 00:00 WITA. */
  start?: number;
  end?: number;
  /** Messages per yielded batch (default 500, what a channel hands to ingestBatch). */
  batchSize?: number;
  /** Share of conversations that arrive by email; the rest by Telegram (default 0.6). */
  emailShare?: number;
}

export const DEFAULT_SEED = 5108;
export const DEFAULT_SEED_END = Date.UTC(2026, 9, 31, 16);
export const DEFAULT_SEED_SPAN_MS = 365 * DAY_MS;

export interface SeedRequester {
  key: number;
  name: string;
  institution: string;
  occupation: Occupation;
  email: string;
  whatsapp: string;
  telegramUserId?: string;
  telegramUsername?: string;
}

export interface SeedConversation {
  key: number;
  requester: SeedRequester;
  channel: 'email' | 'telegram';
  topic: Topic;
  need: string;
  purpose: string;
  english: boolean;
  openedAt: number;
  messageCount: number;
}

/** One generated message with what the generator knows about it (the store learns only `inbound`). */
export interface SeedMessage {
  conversation: SeedConversation;
  /** Position in its thread, from 0. */
  index: number;
  kind: MessageKind;
  inbound: InboundMessage;
}

interface ActiveThread {
  at: number;
  seq: number;
  conversation: SeedConversation;
  rng: Rng;
  voice: ThreadVoice;
  kinds: MessageKind[];
  index: number;
  subject: string;
  institution: Institution;
  /** Email: Message-IDs of the thread so far (first, previous). Telegram: the chat's next message id. */
  firstId?: string;
  previousId?: string;
  chatMessageId: number;
}

const INSTITUTION_WEIGHTS = INSTITUTIONS.map((i) => [i, i.weight] as const);

const yearOf = (at: number) => new Date(at + 8 * 3_600_000).getUTCFullYear();

/**
 * Streams realistic PST traffic as batches, in arrival order, in bounded memory: only the
 * threads still running are held (one heap entry each), and each message's text is written when
 * it is due, from its thread's own PRNG, so the output does not depend on how threads interleave.
 */
export function* generateSeed(options: SeedOptions): Generator<SeedMessage[]> {
  const total = options.conversations;
  const totalMessages = options.messages ?? total * 10;
  if (!Number.isInteger(total) || total < 0) throw new Error('conversations must be a non-negative integer');
  if (!Number.isInteger(totalMessages) || totalMessages < total) throw new Error('messages must be an integer ≥ conversations');
  if (total === 0) return;
  const end = options.end ?? DEFAULT_SEED_END;
  const start = options.start ?? end - DEFAULT_SEED_SPAN_MS;
  if (!(end - start > 2 * DAY_MS)) throw new Error('the time range must span more than two days');
  const batchSize = options.batchSize ?? 500;
  const emailShare = options.emailShare ?? 0.6;

  const plan = new Rng(options.seed ?? DEFAULT_SEED);
  const people = plan.fork();
  const heap = new TimeHeap<ActiveThread>();
  // Recent email requesters: some come back with a new question (a new thread).
  const returning: { requester: SeedRequester; institution: Institution }[] = [];
  let requesterKeys = 0;
  let created = 0;
  let assigned = 0;
  let seq = 0;
  let batch: SeedMessage[] = [];

  const newRequester = (channel: 'email' | 'telegram'): { requester: SeedRequester; institution: Institution } => {
    const institution = people.weighted(INSTITUTION_WEIGHTS);
    const person = personName(people);
    const key = ++requesterKeys;
    const requester: SeedRequester = {
      key,
      name: person.name,
      institution: institution.name,
      occupation: institution.occupation,
      email: emailOf(people, person, institution, key),
      whatsapp: whatsappOf(people),
    };
    if (channel === 'telegram') {
      requester.telegramUserId = String(1_000_000_000 + key * 37 + people.int(0, 36));
      const username = telegramUsernameOf(people, person, key);
      if (username) requester.telegramUsername = username;
    }
    return { requester, institution };
  };

  const messageCount = (): number => {
    const conversationsLeft = total - created;
    const messagesLeft = totalMessages - assigned;
    if (conversationsLeft === 1) return messagesLeft;
    const mean = messagesLeft / conversationsLeft;
    const drawn = Math.round(mean * (0.2 + 0.8 * (plan.next() + plan.next())));
    return Math.max(1, Math.min(drawn, messagesLeft - (conversationsLeft - 1), Math.ceil(mean * 4)));
  };

  const open = (at: number) => {
    const channel = plan.chance(emailShare) ? 'email' : 'telegram';
    const reuse = channel === 'email' && returning.length > 0 && plan.chance(0.15);
    const { requester, institution } = reuse ? plan.pick(returning) : newRequester(channel);
    if (channel === 'email' && !reuse) {
      if (returning.length < 500) returning.push({ requester, institution });
      else returning[requester.key % 500] = { requester, institution };
    }
    const rng = plan.fork();
    const topic = rng.weighted(TOPIC_WEIGHTS);
    const english = rng.chance(0.04);
    const count = messageCount();
    created++;
    assigned += count;
    const conversation: SeedConversation = {
      key: created,
      requester,
      channel,
      topic,
      need: dataRequest(rng, topic, yearOf(at), english),
      purpose: purposeFor(rng, requester.occupation),
      english,
      openedAt: at,
      messageCount: count,
    };
    const voice: ThreadVoice = {
      name: requester.name,
      occupation: requester.occupation,
      institution: institution.name,
      institutionShort: institution.short,
      email: requester.email,
      whatsapp: requester.whatsapp,
      topic,
      need: conversation.need,
      purpose: conversation.purpose,
      year: yearOf(at),
      formal: rng.chance(channel === 'email' ? 0.85 : 0.2),
      english,
    };
    const subject = english
      ? `Data request: ${conversation.need}`
      : rng.pick([`Permohonan data ${conversation.need}`, `Permintaan Data - ${institution.short}`, `Konsultasi data ${topic}`]);
    heap.push({ at, seq: seq++, conversation, rng, voice, kinds: threadKinds(rng, count), index: 0, subject, institution, chatMessageId: rng.int(1, 400) });
  };

  const emit = (thread: ActiveThread): SeedMessage => {
    const { conversation: c, rng, voice } = thread;
    const kind = thread.kinds[thread.index] ?? 'followUp';
    const text = messageText(rng, kind, voice, yearOf(thread.at));
    const r = c.requester;
    let inbound: InboundMessage;
    if (c.channel === 'email') {
      const id = `<${rng.hex(12)}.${c.key.toString(36)}.${thread.index}@${r.email.split('@')[1] ?? 'mail.local'}>`;
      inbound = {
        channel: 'email',
        externalId: id,
        sourceId: r.email,
        displayName: r.name,
        receivedAt: thread.at,
        text,
        subject: thread.index === 0 ? thread.subject : `Re: ${thread.subject}`,
        requester: kind === 'identity' ? { name: r.name, email: r.email, institution: r.institution } : { name: r.name, email: r.email },
        thread: { mode: 'explicit', ...(thread.previousId ? { replyTo: [thread.previousId, thread.firstId ?? thread.previousId] } : {}) },
        meta: { mailbox: 'INBOX' },
      };
      thread.firstId ??= id;
      thread.previousId = id;
    } else {
      const chatId = r.telegramUserId ?? '0';
      inbound = {
        channel: 'telegram',
        externalId: `${chatId}:${thread.chatMessageId}`,
        sourceId: chatId,
        displayName: r.name,
        receivedAt: thread.at,
        text,
        requester: {
          name: r.name,
          telegramUserId: chatId,
          ...(r.telegramUsername ? { telegramUsername: r.telegramUsername } : {}),
          ...(kind === 'identity' ? { institution: r.institution, email: r.email } : {}),
        },
        thread: { mode: 'identity' },
        meta: { chatId },
      };
      // The bot's own replies take message ids in the same chat.
      thread.chatMessageId += rng.int(1, 3);
    }
    return { conversation: c, index: thread.index, kind, inbound };
  };

  /** Emits every message due before `until`, rescheduling each thread's next message. */
  function* drain(until: number): Generator<SeedMessage[]> {
    for (let top = heap.peek(); top && top.at < until; top = heap.peek()) {
      const thread = heap.pop() as ActiveThread;
      batch.push(emit(thread));
      thread.index++;
      if (thread.index < thread.conversation.messageCount) {
        thread.at = nextMessageTime(thread.rng, thread.at, end);
        thread.seq = seq++;
        heap.push(thread);
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }

  // Arrivals stop a day early so every thread has room to finish inside the range.
  for (const [day, count] of arrivalsPerDay(start, end - DAY_MS, total)) {
    for (const at of arrivalTimes(plan, day, count, start, end - DAY_MS)) {
      yield* drain(at);
      open(at);
    }
  }
  yield* drain(Number.POSITIVE_INFINITY);
  if (batch.length > 0) yield batch;
}

/** Just the InboundMessages, batch by batch, for `ingestBatch()`. */
export function* generateInbound(options: SeedOptions): Generator<InboundMessage[]> {
  for (const batch of generateSeed(options)) yield batch.map((m) => m.inbound);
}
