import type { OutgoingItem, SendOutcome } from '../domain/connector';
import type { InboundMessage } from '../inbound/types';
import { ingest } from '../inbound/ingest';
import { generateSeed, Rng, type SeedMessage } from '../seed';
import type { CoreServices } from '../services';
import { SYSTEM_ACTOR } from '../workflow/conversation';
import { recordRating } from '../workflow/ratings';
import { missingFor } from '../workflow/requirements';
import { updateRequirements } from '../workflow/transitions';
import { personaOf, type Persona } from './persona';
import { realScheduler, type Scheduler } from './scheduler';
import { SIMULATED_MAIL_DOMAIN, type SimulatedChannel } from './simulated-channel';
import { ALREADY_SENT, FOLLOW_UPS, identityText, RATING_COMMENTS, SCORE_WEIGHTS, skmAnswers, THANKS, type IdentityFields } from './texts';

export interface ArrivalOptions {
  /** The first new consultation after start (ms). */
  firstMs: number;
  /** Then one every [min, max] ms. */
  everyMs: [number, number];
  /** At most this many per run: the demo stays calm however long it is left open. */
  max: number;
}

export interface SimulatorOptions {
  scheduler?: Scheduler;
  seed?: number;
  /** Multiplies every delay: 1 is a human pace, 0.1 ten times faster (tests, demonstrations). */
  pace?: number;
  /** New consultations while the demo runs; false for none. */
  arrivals?: ArrivalOptions | false;
}

export const DEFAULT_ARRIVALS: ArrivalOptions = { firstMs: 30_000, everyMs: [60_000, 120_000], max: 20 };

/** How long a person takes to answer, by channel (ms). */
const ANSWER_DELAY = { telegram: [15_000, 45_000], email: [40_000, 120_000], rating: [10_000, 40_000] } as const;
/** Answers per conversation: an officer who keeps writing does not get an endless chat. */
const MAX_ANSWERS = 6;

interface ConversationMemory {
  known?: Partial<IdentityFields>;
  identitySent: boolean;
  reminded: boolean;
  followUps: number;
  thanked: boolean;
  score: number | null;
  answers: number;
}

/**
 * The people on the other side in training mode. They read what the console "sent" through the
 * simulated channels and answer like requesters do: identity and need after an acknowledgement
 * that lists what is missing, thanks or a follow-up question after a reply, a score and a comment
 * after a rating request (a button press on Telegram, a reply mail on email), the SKM answers.
 * New people write in now and then. Everything goes through ingest() and the workflow.
 */
export class RequesterSimulator {
  private readonly scheduler: Scheduler;
  private readonly rng: Rng;
  private readonly pace: number;
  private readonly arrivals: ArrivalOptions | false;
  private readonly memory = new Map<number, ConversationMemory>();
  private readonly timers = new Set<unknown>();
  private readonly unsubscribe: (() => void)[] = [];
  private cast: SeedMessage[] | null = null;
  private arrived = 0;
  private sequence = 0;
  private readonly runTag: string;
  private running = false;

  constructor(
    private readonly core: CoreServices,
    channels: readonly SimulatedChannel[],
    options: SimulatorOptions = {},
  ) {
    this.scheduler = options.scheduler ?? realScheduler;
    this.rng = new Rng(options.seed ?? 5108);
    this.pace = options.pace ?? 1;
    this.arrivals = options.arrivals ?? DEFAULT_ARRIVALS;
    this.runTag = String(Math.floor(this.scheduler.now() / 1000) % 1_000_000_000);
    for (const channel of channels) this.unsubscribe.push(channel.onDelivered((item, outcome) => this.delivered(item, outcome)));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.arrivals && this.arrivals.max > 0) this.later(this.arrivals.firstMs, () => this.newConsultation());
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers) this.scheduler.cancel(timer);
    this.timers.clear();
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** New consultations opened by simulated people so far. */
  get arrivalsSoFar(): number {
    return this.arrived;
  }

  private later(ms: number, task: () => void): void {
    const handle = this.scheduler.schedule(
      () => {
        this.timers.delete(handle);
        if (!this.running) return;
        try {
          task();
        } catch (error) {
          console.error('[latihan] simulated requester failed', error);
        }
      },
      Math.round(ms * this.pace),
    );
    this.timers.add(handle);
  }

  private between([min, max]: readonly [number, number]): number {
    return min + Math.floor(this.rng.next() * (max - min));
  }

  private remember(conversationId: number): ConversationMemory {
    let m = this.memory.get(conversationId);
    if (!m) this.memory.set(conversationId, (m = { identitySent: false, reminded: false, followUps: 0, thanked: false, score: null, answers: 0 }));
    return m;
  }

  private delivered(item: OutgoingItem, outcome: SendOutcome): void {
    // The console never sends on the record-only channels, so the simulated requester has nothing to answer.
    if (!this.running || item.channel === 'manual' || item.channel === 'whatsapp') return;
    const kind = item.payload.kind;
    if (kind === 'auto_reply') return;
    const delay = kind === 'rating_request' || kind === 'survey' ? ANSWER_DELAY.rating : ANSWER_DELAY[item.channel];
    this.later(this.between(delay), () => this.answer(item, outcome.externalId));
  }

  private answer(item: OutgoingItem, externalId: string): void {
    const memory = this.remember(item.conversationId);
    if (memory.answers >= MAX_ANSWERS) return;
    const persona = personaOf(this.core.db, item.conversationId, this.rng, memory.known);
    if (!persona) return;
    const status = (this.core.db.prepare('SELECT status FROM conversations WHERE id = ?').get(item.conversationId) as { status: string }).status;
    const kind = item.payload.kind;
    const ratingRequestId = typeof item.payload.ratingRequestId === 'number' ? item.payload.ratingRequestId : null;
    if (kind === 'rating_request' && ratingRequestId !== null) return this.rate(persona, memory, ratingRequestId, externalId);
    if (kind === 'survey' && ratingRequestId !== null) return this.survey(persona, memory, ratingRequestId, externalId);
    if ((kind !== 'ack' && kind !== 'reply') || status === 'resolved' || status === 'rated') return;

    if (missingFor(this.core.db, item.conversationId).length > 0) {
      if (!memory.identitySent) this.sendIdentity(persona, memory, externalId);
      else if (kind === 'reply' && !memory.reminded) {
        memory.reminded = true;
        this.write(persona, memory, ALREADY_SENT, externalId);
      }
      return;
    }
    if (kind !== 'reply') return;
    if (memory.followUps < 1 && !memory.thanked && this.rng.chance(0.4)) {
      memory.followUps++;
      this.write(persona, memory, this.rng.pick(FOLLOW_UPS), externalId);
    } else if (!memory.thanked) {
      memory.thanked = true;
      this.write(persona, memory, this.rng.pick(THANKS), externalId);
    }
  }

  /**
   * Identity and need. On Telegram the bot's intake dialogue collects these fields one by one and
   * saves them (channels/telegram/intake.ts); the simulation does what its last step does. By email
   * the officer reads the mail and fills the requester panel: that is part of the training.
   */
  private sendIdentity(persona: Persona, memory: ConversationMemory, replyTo: string): void {
    memory.identitySent = true;
    this.write(persona, memory, identityText(this.rng, persona), replyTo);
    if (persona.channel === 'telegram') {
      updateRequirements(
        this.core,
        persona.conversationId,
        {
          requester: { name: persona.name, institution: persona.institution, occupation: persona.occupation, email: persona.email, whatsapp: persona.whatsapp },
          need: persona.need,
        },
        SYSTEM_ACTOR,
      );
    }
  }

  private rate(persona: Persona, memory: ConversationMemory, ratingRequestId: number, replyTo: string): void {
    const score = this.rng.weighted(SCORE_WEIGHTS);
    const feedback = this.rng.chance(0.75) ? this.rng.pick(RATING_COMMENTS[score] ?? []) : null;
    memory.score = score;
    memory.answers++;
    if (persona.channel === 'telegram') {
      // A press on the star buttons, then the comment the bot asks for.
      recordRating(this.core, { ratingRequestId, score, feedback, source: 'telegram' });
    } else {
      this.write(persona, memory, feedback ? `Nilai: ${score}\n${feedback}` : `${score}`, replyTo);
    }
  }

  private survey(persona: Persona, memory: ConversationMemory, ratingRequestId: number, replyTo: string): void {
    const skm = skmAnswers(this.rng, memory.score ?? 4);
    memory.answers++;
    if (persona.channel === 'telegram') recordRating(this.core, { ratingRequestId, skm, source: 'telegram' });
    else this.write(persona, memory, skm.map((a, i) => `U${i + 1}: ${a}`).join('\n'), replyTo);
  }

  /** One incoming message from the persona, through ingest() like a connector delivers it. */
  private write(persona: Persona, memory: ConversationMemory, text: string, replyTo?: string): void {
    memory.answers++;
    const n = ++this.sequence;
    const at = this.scheduler.now();
    const message: InboundMessage =
      persona.channel === 'telegram'
        ? {
            channel: 'telegram',
            externalId: `${persona.sourceId}:${this.runTag}${String(n).padStart(4, '0')}`,
            sourceId: persona.sourceId,
            displayName: persona.name,
            receivedAt: at,
            text,
            requester: { name: persona.name, telegramUserId: persona.sourceId },
            thread: { mode: 'identity' },
            meta: { chatId: persona.sourceId, simulated: true },
          }
        : {
            channel: 'email',
            externalId: `<sim.${this.runTag}.${n}@${persona.sourceId.split('@')[1] ?? SIMULATED_MAIL_DOMAIN}>`,
            sourceId: persona.sourceId,
            displayName: persona.name,
            receivedAt: at,
            text,
            subject: `Re: ${(persona.subject ?? 'Permintaan data').replace(/^re:\s*/i, '')} [${persona.ticket}]`,
            requester: { name: persona.name, email: persona.sourceId },
            thread: { mode: 'explicit', ...(replyTo ? { replyTo: [replyTo] } : {}), ticket: persona.ticket },
            meta: { mailbox: 'INBOX', simulated: true },
          };
    ingest(this.core, message);
  }

  /** Someone new writes in: an opening from the seed generator's cast, re-timed to now. */
  private newConsultation(): void {
    if (!this.arrivals) return;
    this.cast ??= this.buildCast(this.arrivals.max);
    const next = this.cast[this.arrived];
    if (!next) return;
    this.arrived++;
    const c = next.conversation;
    const r = c.requester;
    const at = this.scheduler.now();
    const base = { displayName: r.name, receivedAt: at, text: next.inbound.text };
    const message: InboundMessage =
      c.channel === 'telegram'
        ? (() => {
            // Far from the seeded history's ids, and different on every run.
            const chatId = String(6_000_000_000 + (Number(this.runTag) % 1_000_000) * 100 + this.arrived);
            return {
              ...base,
              channel: 'telegram' as const,
              externalId: `${chatId}:1`,
              sourceId: chatId,
              requester: { name: r.name, telegramUserId: chatId, ...(r.telegramUsername ? { telegramUsername: r.telegramUsername } : {}) },
              thread: { mode: 'identity' as const },
              meta: { chatId, simulated: true },
            };
          })()
        : {
            ...base,
            channel: 'email' as const,
            externalId: `<sim.${this.runTag}.new${this.arrived}@${r.email.split('@')[1] ?? SIMULATED_MAIL_DOMAIN}>`,
            sourceId: r.email,
            subject: next.inbound.subject ?? `Permintaan data ${c.topic}`,
            requester: { name: r.name, email: r.email },
            thread: { mode: 'explicit' as const },
            meta: { mailbox: 'INBOX', simulated: true },
          };
    const result = ingest(this.core, message);
    this.remember(result.conversationId).known = {
      name: r.name,
      institution: r.institution,
      occupation: r.occupation,
      email: r.email,
      whatsapp: r.whatsapp,
      need: `${c.purpose} (data ${c.need})`,
    };
    if (this.arrived < this.arrivals.max) this.later(this.between(this.arrivals.everyMs), () => this.newConsultation());
  }

  private buildCast(count: number): SeedMessage[] {
    const now = this.scheduler.now();
    const openings: SeedMessage[] = [];
    // One message per conversation: only openings. The range only shapes the cast, not the times used.
    for (const batch of generateSeed({
      seed: this.rng.int(1, 2 ** 30),
      conversations: count,
      messages: count,
      start: now - 30 * 86_400_000,
      end: now,
      emailShare: 0.45,
    })) {
      openings.push(...batch);
    }
    return openings;
  }
}
