/**
 * Telegram's send limits (about 1 message/s per chat after a short burst, 30/s per bot) as
 * token buckets, plus a bot-wide pause after a 429 (retry_after). `wait` resolves when a message
 * to `chatId` may go.
 */
export interface SendLimits {
  perChatBurst: number;
  perChatPerSecond: number;
  globalPerSecond: number;
}

export const TELEGRAM_LIMITS: SendLimits = { perChatBurst: 3, perChatPerSecond: 1, globalPerSecond: 30 };

/**
 * Telegram's bucket starts when our first request ARRIVES, ours when it leaves: waiting for a tenth
 * of a token more keeps a message from reaching the server a few milliseconds too early.
 */
const SAFETY_TOKENS = 0.1;

interface Bucket {
  tokens: number;
  at: number;
}

export class SendRateLimiter {
  private readonly chats = new Map<string, Bucket>();
  private global: Bucket;
  private pausedUntil = 0;

  constructor(
    private readonly limits: SendLimits = TELEGRAM_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    this.global = { tokens: limits.globalPerSecond, at: clock() };
  }

  /** After a 429: nothing goes out before this instant. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  /** Milliseconds until a message to this chat may go (0 = now); takes the tokens when 0. */
  private tryTake(chatId: string): number {
    const now = this.clock();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    const chat = this.refill(
      this.chats.get(chatId) ?? { tokens: this.limits.perChatBurst, at: now },
      this.limits.perChatPerSecond,
      this.limits.perChatBurst,
      now,
    );
    this.global = this.refill(this.global, this.limits.globalPerSecond, this.limits.globalPerSecond, now);
    this.chats.set(chatId, chat);
    // Short of a token, wait until there is one plus the margin.
    const waitFor = (bucket: Bucket, perSecond: number) => (bucket.tokens >= 1 ? 0 : ((1 + SAFETY_TOKENS - bucket.tokens) / perSecond) * 1000);
    const chatWait = waitFor(chat, this.limits.perChatPerSecond);
    const globalWait = waitFor(this.global, this.limits.globalPerSecond);
    const wait = Math.ceil(Math.max(chatWait, globalWait));
    if (wait > 0) return wait;
    chat.tokens -= 1;
    this.global.tokens -= 1;
    if (this.chats.size > 10_000) this.forgetIdle(now);
    return 0;
  }

  async wait(chatId: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const ms = this.tryTake(chatId);
      if (ms === 0) return;
      if (signal?.aborted) throw new Error('aborted');
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  }

  private refill(bucket: Bucket, perSecond: number, cap: number, now: number): Bucket {
    return { tokens: Math.min(cap, bucket.tokens + ((now - bucket.at) / 1000) * perSecond), at: now };
  }

  private forgetIdle(now: number): void {
    for (const [chat, bucket] of this.chats) if (now - bucket.at > 60_000) this.chats.delete(chat);
  }
}
