// Everything the emulator remembers for one bot: its chats, the messages in them, what it sent,
// its files, update queue, commands, button presses and rate limits.
import { EventEmitter } from 'node:events';
import type { BotCommand, Chat, Message, User, UserFromGetMe } from 'grammy/types';
import { FileStore } from './files';
import { RateLimiter } from './rate-limits';
import { UpdateQueue } from './updates';
import { BotApiError, badRequest, type BotConfig, type CallbackRecord, type Clock, type EmulatorOptions, type SentRecord, type TestUser } from './types';

export class BotState {
  readonly me: UserFromGetMe;
  readonly updates: UpdateQueue;
  readonly files: FileStore;
  readonly rateLimiter: RateLimiter;
  readonly users = new Map<number, TestUser>();
  readonly blocked = new Set<number>();
  readonly messages = new Map<number, Map<number, { message: Message; fromBot: boolean }>>();
  readonly sent = new Map<number, SentRecord[]>();
  readonly chatActions = new Map<number, string[]>();
  readonly callbacks = new Map<string, CallbackRecord>();
  /** Keyed by `${scopeJson}|${languageCode}`. */
  readonly commands = new Map<string, BotCommand[]>();
  /** Emits 'sent' with a SentRecord whenever the bot sends or edits. */
  readonly events = new EventEmitter();
  readonly callbackTimeoutSec: number;
  private readonly lastMessageId = new Map<number, number>();
  private callbackCounter = 0;

  constructor(
    readonly config: BotConfig,
    readonly clock: Clock,
    options: EmulatorOptions,
  ) {
    this.me = {
      id: config.id ?? (Number(config.token.split(':')[0]) || 1_000_000),
      is_bot: true,
      first_name: config.firstName,
      username: config.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
    } as UserFromGetMe;
    this.updates = new UpdateQueue(clock, options.firstUpdateId ?? 1);
    this.files = new FileStore(clock);
    this.rateLimiter = new RateLimiter(clock, options.rateLimits);
    this.callbackTimeoutSec = options.callbackQueryTimeoutSec ?? 15;
    this.events.setMaxListeners(100);
  }

  /** Dates in Bot API objects are Unix time in seconds. */
  nowSec(): number {
    return Math.floor(this.clock() / 1000);
  }

  nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  nextCallbackId(): string {
    // Real ids are large decimal strings.
    this.callbackCounter += 1;
    return `${BigInt(this.me.id) * 1_000_000n + BigInt(this.callbackCounter)}`;
  }

  storeMessage(chatId: number, message: Message, fromBot: boolean): void {
    let chat = this.messages.get(chatId);
    if (!chat) {
      chat = new Map();
      this.messages.set(chatId, chat);
    }
    chat.set(message.message_id, { message, fromBot });
  }

  findMessage(chatId: number, messageId: number): { message: Message; fromBot: boolean } | undefined {
    return this.messages.get(chatId)?.get(messageId);
  }

  recordSent(record: SentRecord): void {
    const list = this.sent.get(record.chatId) ?? [];
    list.push(record);
    this.sent.set(record.chatId, list);
    this.events.emit('sent', record);
  }

  findSent(chatId: number, messageId: number): SentRecord | undefined {
    return this.sent.get(chatId)?.find((record) => record.messageId === messageId);
  }

  /** The private chat a bot method names, after the checks the real API makes before sending. */
  resolveChat(chatIdParam: string | undefined, forSending: boolean): TestUser {
    if (chatIdParam === undefined || chatIdParam === '') throw badRequest('chat_id is empty');
    const user = this.users.get(Number(chatIdParam));
    if (!user) throw badRequest('chat not found');
    if (forSending && this.blocked.has(user.id)) throw new BotApiError(403, 'Forbidden: bot was blocked by the user');
    return user;
  }

  callbackRecord(queryId: string): CallbackRecord | undefined {
    return this.callbacks.get(queryId);
  }
}

export function userObject(user: TestUser): User {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  };
}

export function privateChat(user: TestUser): Chat.PrivateChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}
