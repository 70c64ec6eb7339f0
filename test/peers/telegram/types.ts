// Shared shapes of the Bot API emulator. Bot API objects themselves come from grammy's type
// package (the same definitions the connector compiles against).
import type { InlineKeyboardMarkup, Message, MessageEntity, User } from 'grammy/types';

/** A bot the emulator knows; requests with any other token get 401. */
export interface BotConfig {
  token: string;
  username: string;
  firstName: string;
  /** Telegram derives the bot id from the token's digits before ':'; override if needed. */
  id?: number;
}

/** Milliseconds since the epoch; injectable so retention, rate limits and dates are deterministic. */
export type Clock = () => number;

export interface RateLimitConfig {
  /** Messages a chat may receive back to back before the 1/s pace applies (default 3). */
  perChatBurst: number;
  /** Sustained messages per second to one chat (default 1). */
  perChatPerSecond: number;
  /** Messages per second across all chats of one bot (default 30; also the burst). */
  globalPerSecond: number;
}

export interface EmulatorOptions {
  bots?: BotConfig[];
  /** Default Date.now. Dates in Bot API objects are this clock in whole seconds. */
  now?: Clock;
  /** First update_id handed out (default 1). */
  firstUpdateId?: number;
  /** Rate limiting is OFF unless asked for (true = defaults): connector tests stay deterministic. */
  rateLimits?: boolean | Partial<RateLimitConfig>;
  /** How long a callback query may be answered (default 15 s, by the clock). */
  callbackQueryTimeoutSec?: number;
}

/** A Telegram user as tests describe one; the private chat with the bot has the same id. */
export interface TestUser {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

/** An error the Bot API reports with `ok: false`. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

export const badRequest = (detail: string): BotApiError => new BotApiError(400, `Bad Request: ${detail}`);

/** One file held in memory, as the bot or a user uploaded it. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: FileKind;
  bytes: Buffer;
  fileName?: string;
  mimeType?: string;
  /** Set by getFile; the download URL works from then on for an hour. */
  filePath?: string;
  filePathIssuedAt?: number;
}

export type FileKind = 'photo' | 'document' | 'voice' | 'video' | 'audio' | 'sticker';

/** What the bot sent to a chat, in the order sent; edits and deletion update the record in place. */
export interface SentRecord {
  messageId: number;
  chatId: number;
  method: string;
  text?: string;
  caption?: string;
  entities?: MessageEntity[];
  parseMode?: string;
  replyMarkup?: InlineKeyboardMarkup | Record<string, unknown>;
  file?: { kind: FileKind; fileId: string; bytes: Buffer; fileName?: string; mimeType?: string };
  /** Every edit, oldest first, with the text and markup it set (`text`/`replyMarkup` above show the latest). */
  edits: Array<{ method: string; at: number; text?: string; replyMarkup?: unknown }>;
  deleted: boolean;
  /** The Message object as returned to the bot (latest version). */
  message: Message;
}

/** A button press and whether the bot answered it. */
export interface CallbackRecord {
  queryId: string;
  chatId: number;
  messageId: number;
  data: string;
  pressedAt: number;
  answer: null | { text?: string; showAlert: boolean; url?: string; cacheTime: number; at: number };
}

/** Fault injected into the next calls of one method ('*' = any method). */
export interface FaultSpec {
  /** HTTP status / error_code to answer with; omit to only delay (or hang) and then answer normally. */
  status?: number;
  description?: string;
  retryAfter?: number;
  /** How many calls this fault applies to (default 1). */
  times?: number;
  delayMs?: number;
  /** Never answer: the client sees a timeout (or a reset when the emulator closes). */
  hang?: boolean;
}

export type { User };
