import type { Channel } from '../../../src-preload/contract';
import { ChannelUnavailableError, PermanentSendError, RetryLaterError, type ChannelConnector, type OutgoingItem, type SendOutcome } from '../domain/connector';
import type { CoreServices } from '../services';

export interface OutboxOptions {
  /** Attempts before an item is marked failed. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often the worker looks for due items when nobody kicks it. */
  pollMs?: number;
}

interface OutboxRow {
  id: number;
  message_id: number;
  conversation_id: number;
  channel: Channel;
  attempts: number;
  payload: string;
}

export const UNKNOWN_AFTER_CRASH =
  'Status pengiriman tidak diketahui: aplikasi berhenti saat pesan sedang dikirim. Periksa percakapan di kanal sebelum mengirim ulang.';

/**
 * Sends what enqueueOutgoing() recorded, one item at a time, in order per conversation. An item is
 * marked `sending` before the connector is called, so after a crash the worker knows exactly which
 * items may have left: it asks the connector (reconcile) and never resends blindly.
 */
export class OutboxWorker {
  private readonly options: Required<OutboxOptions>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Not started, or stop() called: no timers, no kicks. drain() may still be called directly. */
  private stopped = true;
  private stopRequested = false;
  private rerun = false;

  constructor(
    private readonly core: CoreServices,
    private readonly connectors: ReadonlyMap<Channel, ChannelConnector>,
    options: OutboxOptions = {},
  ) {
    this.options = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000, pollMs: 1_000, ...options };
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.stopRequested = false;
    await this.recover();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Look for due items now (after an enqueue) instead of at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = this.drain()
      .then(
        () => undefined,
        (error: unknown) => console.error('[outbox] drain failed', error),
      )
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.rerun) {
          this.rerun = false;
          this.kick();
        } else {
          this.timer = setTimeout(() => this.kick(), this.options.pollMs);
        }
      });
  }

  /** Sends every item that is due now; returns how many were attempted. */
  async drain(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const due = this.dueItems();
      if (due.length === 0 || this.stopRequested) return attempted;
      for (const row of due) {
        await this.sendOne(row);
        attempted++;
      }
    }
  }

  private dueItems(): OutboxRow[] {
    // The NOT EXISTS keeps order within a conversation: a later reply waits for an earlier one.
    return this.core.db
      .prepare(
        `SELECT o.id, o.message_id, m.conversation_id, o.channel, o.attempts, o.payload
           FROM outbox o JOIN messages m ON m.id = o.message_id
          WHERE o.state = 'pending' AND o.next_attempt_at <= ?
            AND NOT EXISTS (SELECT 1 FROM outbox o2 JOIN messages m2 ON m2.id = o2.message_id
                             WHERE m2.conversation_id = m.conversation_id AND o2.id < o.id AND o2.state IN ('pending', 'sending'))
          ORDER BY o.id LIMIT 50`,
      )
      .all(this.core.now()) as OutboxRow[];
  }

  private item(row: OutboxRow, attempt: number): OutgoingItem {
    return {
      outboxId: row.id,
      messageId: row.message_id,
      conversationId: row.conversation_id,
      channel: row.channel,
      attempt,
      payload: JSON.parse(row.payload),
    };
  }

  private async sendOne(row: OutboxRow): Promise<void> {
    const connector = this.connectors.get(row.channel);
    const claimed = this.core.db
      .prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'")
      .run(this.core.now(), row.id).changes;
    if (claimed === 0) return;
    const attempt = row.attempts + 1;
    if (!connector) {
      this.retryOrFail(row, attempt, `Kanal ${row.channel} belum dikonfigurasi`);
      return;
    }
    try {
      this.markSent(row, await connector.send(this.item(row, attempt)));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentSendError) this.markFailed(row, reason);
      else if (error instanceof ChannelUnavailableError) this.waitForChannel(row, reason, error.retryAfterMs);
      else this.retryOrFail(row, attempt, reason, error instanceof RetryLaterError ? error.retryAfterMs : undefined);
    }
  }

  /** Items left `sending` by a crash: ask the channel whether they left. */
  private async recover(): Promise<void> {
    const stuck = this.core.db
      .prepare(
        `SELECT o.id, o.message_id, m.conversation_id, o.channel, o.attempts, o.payload
           FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.state = 'sending' ORDER BY o.id`,
      )
      .all() as OutboxRow[];
    for (const row of stuck) {
      const connector = this.connectors.get(row.channel);
      let verdict: Awaited<ReturnType<NonNullable<ChannelConnector['reconcile']>>> = { state: 'unknown' };
      try {
        if (connector?.reconcile) verdict = await connector.reconcile(this.item(row, row.attempts));
      } catch (error) {
        console.error('[outbox] reconcile failed', error);
      }
      if (verdict.state === 'delivered') this.markSent(row, verdict.outcome);
      else if (verdict.state === 'not_delivered')
        this.core.db.prepare("UPDATE outbox SET state = 'pending', updated_at = ? WHERE id = ?").run(this.core.now(), row.id);
      else this.markFailed(row, UNKNOWN_AFTER_CRASH);
    }
  }

  private markSent(row: OutboxRow, outcome: SendOutcome): void {
    const now = this.core.now();
    this.core.db.transaction(() => {
      this.core.db.prepare("UPDATE outbox SET state = 'sent', last_error = NULL, updated_at = ? WHERE id = ?").run(now, row.id);
      this.core.db
        .prepare(
          `UPDATE messages SET delivery = 'sent', failure_reason = NULL, external_id = ?, sent_at = ?,
                  meta = json_patch(coalesce(meta, '{}'), ?) WHERE id = ?`,
        )
        .run(outcome.externalId, now, JSON.stringify(outcome.meta ?? {}), row.message_id);
    })();
    this.core.events.emit('message.changed', { conversationId: row.conversation_id, messageId: row.message_id });
  }

  private markFailed(row: OutboxRow, reason: string): void {
    const now = this.core.now();
    this.core.db.transaction(() => {
      this.core.db.prepare("UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?").run(reason, now, row.id);
      this.core.db.prepare("UPDATE messages SET delivery = 'failed', failure_reason = ? WHERE id = ?").run(reason, row.message_id);
    })();
    this.core.events.emit('message.changed', { conversationId: row.conversation_id, messageId: row.message_id });
  }

  /** The channel is down: back to pending, the claimed attempt given back (it never reached the channel). */
  private waitForChannel(row: OutboxRow, reason: string, retryAfterMs: number): void {
    const now = this.core.now();
    this.core.db
      .prepare("UPDATE outbox SET state = 'pending', attempts = max(attempts - 1, 0), last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?")
      .run(reason, now + Math.max(retryAfterMs, this.options.baseDelayMs), now, row.id);
    this.core.events.emit('message.changed', { conversationId: row.conversation_id, messageId: row.message_id });
  }

  private retryOrFail(row: OutboxRow, attempt: number, reason: string, retryAfterMs?: number): void {
    if (attempt >= this.options.maxAttempts) {
      this.markFailed(row, `${reason} (setelah ${attempt} percobaan)`);
      return;
    }
    const backoff = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    const next = this.core.now() + Math.max(backoff, retryAfterMs ?? 0);
    this.core.db
      .prepare("UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?")
      .run(reason, next, this.core.now(), row.id);
    this.core.events.emit('message.changed', { conversationId: row.conversation_id, messageId: row.message_id });
  }
}

/** Puts a failed message back on the outbox (the officer's "kirim ulang"). Returns false if it was not failed. */
export function requeueFailed(core: CoreServices, messageId: number): boolean {
  const now = core.now();
  return core.db.transaction(() => {
    const changed = core.db
      .prepare(
        "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL, updated_at = ? WHERE message_id = ? AND state = 'failed'",
      )
      .run(now, now, messageId).changes;
    if (changed > 0) core.db.prepare("UPDATE messages SET delivery = 'pending', failure_reason = NULL WHERE id = ?").run(messageId);
    return changed > 0;
  })();
}
