// The update queue of one bot with the real getUpdates semantics: offset confirmation (and the
// negative form), limit, long polling, allowed_updates, 24 h retention, one poller at a time,
// and mutual exclusion with a webhook.
import type { Update } from 'grammy/types';
import { BotApiError, type Clock } from './types';

export type UpdateBody = Omit<Update, 'update_id'>;

const retentionMs = 24 * 60 * 60 * 1000;
const maxLongPollSec = 50;
/** Sent only when asked for explicitly, as by the real API. */
const optInTypes = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

const conflictOtherPoller = () => new BotApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
const conflictWebhook = () =>
  new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

interface Waiter {
  limit: number;
  resolve(updates: Update[]): void;
  reject(error: BotApiError): void;
  timer: NodeJS.Timeout;
}

export interface WebhookState {
  url: string;
  allowedUpdates?: string[];
  maxConnections: number;
  setAt: number;
}

export interface GetUpdatesRequest {
  offset?: number;
  limit?: number;
  timeoutSec?: number;
  allowedUpdates?: string[];
}

export class UpdateQueue {
  private queue: Array<{ update: Update; storedAt: number }> = [];
  private nextId: number;
  private allowed: Set<string> | null = null;
  private waiter: Waiter | null = null;
  webhook: WebhookState | null = null;

  constructor(
    private readonly clock: Clock,
    firstUpdateId = 1,
  ) {
    this.nextId = firstUpdateId;
  }

  push(body: UpdateBody): Update {
    const update = { update_id: this.nextId++, ...body } as Update;
    this.queue.push({ update, storedAt: this.clock() });
    this.wakeWaiter();
    return update;
  }

  /** Makes the next update_id at least `nextId` (Telegram's ids jump, e.g. after a quiet week). */
  jumpTo(nextId: number): void {
    this.nextId = Math.max(this.nextId, nextId);
  }

  pendingCount(): number {
    this.purgeExpired();
    return this.queue.length;
  }

  /** A getUpdates long poll is waiting: tests order their steps on this instead of sleeping. */
  get longPolling(): boolean {
    return this.waiter !== null;
  }

  dropPending(): void {
    this.queue = [];
  }

  getUpdates(request: GetUpdatesRequest, onCancel: (cancel: () => void) => void): Promise<Update[]> {
    if (this.webhook) return Promise.reject(conflictWebhook());
    this.terminateWaiter(conflictOtherPoller());
    if (request.allowedUpdates !== undefined) {
      this.allowed = request.allowedUpdates.length === 0 ? null : new Set(request.allowedUpdates);
    }
    this.confirm(request.offset ?? 0);
    const limit = clamp(request.limit ?? 100, 1, 100);
    const timeoutSec = clamp(request.timeoutSec ?? 0, 0, maxLongPollSec);
    const ready = this.take(limit);
    if (ready.length > 0 || timeoutSec === 0) return Promise.resolve(ready);
    return new Promise<Update[]>((resolve, reject) => {
      const waiter: Waiter = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => this.settle(waiter, []), timeoutSec * 1000),
      };
      this.waiter = waiter;
      onCancel(() => this.settle(waiter, null));
    });
  }

  setWebhook(state: WebhookState): void {
    this.webhook = state;
    this.terminateWaiter(conflictWebhook());
  }

  /** Ends a pending long poll (the emulator is closing). */
  close(): void {
    if (this.waiter) this.settle(this.waiter, []);
  }

  private confirm(offset: number): void {
    if (offset > 0) this.queue = this.queue.filter((entry) => entry.update.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset); // keep the last -offset, forget the rest
  }

  private take(limit: number): Update[] {
    this.purgeExpired();
    // Updates of a type the bot did not ask for are never delivered: drop them.
    this.queue = this.queue.filter((entry) => this.isAllowed(entry.update));
    return this.queue.slice(0, limit).map((entry) => entry.update);
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id') ?? '';
    return this.allowed ? this.allowed.has(type) : !optInTypes.has(type);
  }

  private purgeExpired(): void {
    const cutoff = this.clock() - retentionMs;
    this.queue = this.queue.filter((entry) => entry.storedAt > cutoff);
  }

  private wakeWaiter(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const ready = this.take(waiter.limit);
    if (ready.length > 0) this.settle(waiter, ready);
  }

  private terminateWaiter(error: BotApiError): void {
    const waiter = this.waiter;
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiter = null;
    waiter.reject(error);
  }

  /** `null` = the client went away: nothing to answer. */
  private settle(waiter: Waiter, updates: Update[] | null): void {
    if (this.waiter !== waiter) return;
    clearTimeout(waiter.timer);
    this.waiter = null;
    if (updates) waiter.resolve(updates);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
