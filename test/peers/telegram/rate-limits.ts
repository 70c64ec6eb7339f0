// Token buckets on the injected clock, so a test that drives the clock gets exact 429s.
// Telegram's limits are unpublished heuristics; these are the documented guidance:
// about 1 message/s to one chat (short bursts tolerated) and 30 messages/s overall.
import { BotApiError, type Clock, type RateLimitConfig } from './types';

export const defaultRateLimits: RateLimitConfig = { perChatBurst: 3, perChatPerSecond: 1, globalPerSecond: 30 };

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Seconds to wait before a token is available (0 = available now). */
  waitSec(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perSecond;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }
}

export class RateLimiter {
  private config: RateLimitConfig | null;
  private readonly chats = new Map<number, TokenBucket>();
  private global: TokenBucket | null = null;

  constructor(
    private readonly clock: Clock,
    setting: boolean | Partial<RateLimitConfig> | undefined,
  ) {
    this.config = null;
    this.configure(setting ?? false);
  }

  configure(setting: boolean | Partial<RateLimitConfig>): void {
    this.config = setting === false ? null : { ...defaultRateLimits, ...(setting === true ? {} : setting) };
    this.chats.clear();
    this.global = null;
  }

  get enabled(): boolean {
    return this.config !== null;
  }

  /** Counts one message to `chatId`, or throws the 429 the real API gives. */
  check(chatId: number): void {
    const config = this.config;
    if (!config) return;
    const now = this.clock();
    this.global ??= new TokenBucket(config.globalPerSecond, config.globalPerSecond, now);
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new TokenBucket(config.perChatBurst, config.perChatPerSecond, now);
      this.chats.set(chatId, chat);
    }
    const waitSec = Math.max(chat.waitSec(now), this.global.waitSec(now));
    if (waitSec > 0) {
      const retryAfter = Math.max(1, Math.ceil(waitSec));
      throw new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    chat.take(now);
    this.global.take(now);
  }
}
