// The test side: what users do in their Telegram app, and what tests inspect afterwards.
// Plain method calls, no HTTP: updates go straight into the bot's queue.
import type { Message, Update } from 'grammy/types';
import { privateChat, userObject, type BotState } from './bot-state';
import { commandsKey } from './methods-bot';
import { mediaField } from './methods-media';
import { detectEntities } from './formatting';
import { mimeTypeFor } from './files';
import type { CallbackRecord, FileKind, SentRecord, TestUser } from './types';

let nextUserId = 700_000_001;

/** A user with a fresh id; Indonesian defaults because the console serves Buleleng. */
export function testUser(overrides: Partial<TestUser> = {}): TestUser {
  return { id: nextUserId++, firstName: 'Putu', lastName: 'Ayu', username: undefined, languageCode: 'id', ...overrides };
}

export interface CaptionOptions {
  caption?: string;
}

export class BotClient {
  constructor(protected readonly bot: BotState) {}

  get token(): string {
    return this.bot.config.token;
  }

  userSendsText(user: TestUser, text: string, options: { replyToMessageId?: number } = {}): Message {
    const entities = detectEntities(text);
    return this.userMessage(user, { text, ...(entities.length > 0 ? { entities } : {}) }, options.replyToMessageId);
  }

  userSendsPhoto(user: TestUser, bytes: Uint8Array, options: CaptionOptions = {}): Message {
    return this.userMedia(user, 'photo', bytes, {}, options.caption);
  }

  userSendsDocument(user: TestUser, bytes: Uint8Array, options: { fileName: string; mimeType?: string; caption?: string }): Message {
    const mimeType = options.mimeType ?? mimeTypeFor(options.fileName) ?? 'application/octet-stream';
    return this.userMedia(user, 'document', bytes, { fileName: options.fileName, mimeType }, options.caption);
  }

  userSendsVoice(user: TestUser, bytes: Uint8Array, options: CaptionOptions & { duration?: number } = {}): Message {
    return this.userMedia(user, 'voice', bytes, { mimeType: 'audio/ogg', duration: options.duration ?? 1 }, options.caption);
  }

  userSendsVideo(
    user: TestUser,
    bytes: Uint8Array,
    options: CaptionOptions & { duration?: number; width?: number; height?: number; fileName?: string; mimeType?: string } = {},
  ): Message {
    const fileName = options.fileName ?? 'video.mp4';
    return this.userMedia(user, 'video', bytes, { ...options, fileName, mimeType: options.mimeType ?? mimeTypeFor(fileName) ?? 'video/mp4' }, options.caption);
  }

  userSendsSticker(user: TestUser, options: { emoji?: string; bytes?: Uint8Array } = {}): Message {
    return this.userMedia(user, 'sticker', options.bytes ?? new Uint8Array([0x52, 0x49, 0x46, 0x46]), {
      mimeType: 'image/webp',
      ...(options.emoji ? { emoji: options.emoji } : {}),
    });
  }

  userSendsLocation(user: TestUser, location: { latitude: number; longitude: number }): Message {
    return this.userMessage(user, { location });
  }

  userSendsContact(user: TestUser, contact: { phoneNumber: string; firstName: string; lastName?: string; userId?: number }): Message {
    return this.userMessage(user, {
      contact: {
        phone_number: contact.phoneNumber,
        first_name: contact.firstName,
        ...(contact.lastName ? { last_name: contact.lastName } : {}),
        ...(contact.userId !== undefined ? { user_id: contact.userId } : {}),
      },
    });
  }

  /** The user edits one of their own messages: an edited_message update. */
  userEditsMessage(user: TestUser, messageId: number, newText: string): Message {
    const found = this.bot.findMessage(user.id, messageId);
    if (!found || found.fromBot) throw new Error(`user ${user.id} has no message ${messageId} to edit`);
    const entities = detectEntities(newText);
    const edited = { ...found.message, text: newText, edit_date: this.bot.nowSec() } as Message;
    if (entities.length > 0) edited.entities = entities;
    else delete (edited as { entities?: unknown }).entities;
    this.bot.storeMessage(user.id, edited, false);
    this.bot.updates.push({ edited_message: edited } as Omit<Update, 'update_id'>);
    return edited;
  }

  /** The user taps an inline button of a bot message: a callback_query update. */
  userPressesButton(user: TestUser, messageId: number, callbackData: string): { queryId: string; update: Update } {
    const found = this.bot.findMessage(user.id, messageId);
    if (!found?.fromBot) throw new Error(`bot message ${messageId} not found in chat ${user.id}`);
    const buttons = found.message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((button) => 'callback_data' in button && button.callback_data === callbackData)) {
      throw new Error(`message ${messageId} has no button with callback_data ${JSON.stringify(callbackData)}`);
    }
    const queryId = this.bot.nextCallbackId();
    this.bot.callbacks.set(queryId, { queryId, chatId: user.id, messageId, data: callbackData, pressedAt: this.bot.clock(), answer: null });
    const update = this.bot.updates.push({
      callback_query: {
        id: queryId,
        from: userObject(user),
        message: found.message,
        chat_instance: `${BigInt(user.id) * 7919n + BigInt(this.bot.me.id)}`,
        data: callbackData,
      },
    } as Omit<Update, 'update_id'>);
    return { queryId, update };
  }

  callbackQuery(queryId: string): CallbackRecord | undefined {
    return this.bot.callbackRecord(queryId);
  }

  /** Resolves when the bot answers the query (or at once if it already has). */
  waitForCallbackAnswer(queryId: string, timeoutMs = 5000): Promise<CallbackRecord> {
    return this.waitFor<CallbackRecord>(
      'answered',
      () => {
        const record = this.bot.callbackRecord(queryId);
        return record?.answer ? record : undefined;
      },
      timeoutMs,
      `answer to callback query ${queryId}`,
    );
  }

  /** The user blocks the bot: sends to them fail with 403 and a my_chat_member update arrives. */
  blockBot(user: TestUser): void {
    this.register(user);
    this.bot.blocked.add(user.id);
    this.pushMembership(user, 'member', 'kicked');
  }

  unblockBot(user: TestUser): void {
    this.bot.blocked.delete(user.id);
    this.pushMembership(user, 'kicked', 'member');
  }

  sentTo(chatId: number): SentRecord[] {
    return [...(this.bot.sent.get(chatId) ?? [])];
  }

  /** The first record (already sent, or sent/edited later) that satisfies the predicate. */
  waitForSent(chatId: number, predicate: (record: SentRecord) => boolean = () => true, timeoutMs = 5000): Promise<SentRecord> {
    return this.waitFor<SentRecord>('sent', () => this.sentTo(chatId).find(predicate), timeoutMs, `a message to chat ${chatId}`);
  }

  chatActions(chatId: number): string[] {
    return [...(this.bot.chatActions.get(chatId) ?? [])];
  }

  pendingUpdateCount(): number {
    return this.bot.updates.pendingCount();
  }

  /** Whether a getUpdates long poll is waiting at the emulator right now. */
  isLongPolling(): boolean {
    return this.bot.updates.longPolling;
  }

  commands(scope?: { type: string; chat_id?: number; user_id?: number }, languageCode?: string): Array<{ command: string; description: string }> {
    return this.bot.commands.get(commandsKey(scope, languageCode)) ?? [];
  }

  /** The next update_id will be at least this (Telegram's ids are not contiguous). */
  jumpUpdateId(nextUpdateId: number): void {
    this.bot.updates.jumpTo(nextUpdateId);
  }

  private register(user: TestUser): void {
    this.bot.users.set(user.id, user);
  }

  private userMessage(user: TestUser, content: Partial<Message>, replyToMessageId?: number): Message {
    this.register(user);
    if (this.bot.blocked.has(user.id)) throw new Error(`user ${user.id} blocked the bot; call unblockBot first`);
    const repliedTo = replyToMessageId !== undefined ? this.bot.findMessage(user.id, replyToMessageId)?.message : undefined;
    const message = {
      message_id: this.bot.nextMessageId(user.id),
      from: userObject(user),
      chat: privateChat(user),
      date: this.bot.nowSec(),
      ...(repliedTo ? { reply_to_message: repliedTo } : {}),
      ...content,
    } as Message;
    this.bot.storeMessage(user.id, message, false);
    this.bot.updates.push({ message } as Omit<Update, 'update_id'>);
    return message;
  }

  private userMedia(
    user: TestUser,
    kind: FileKind,
    bytes: Uint8Array,
    meta: { fileName?: string; mimeType?: string; duration?: number; width?: number; height?: number; emoji?: string },
    caption?: string,
  ): Message {
    const file = this.bot.files.add(kind, Buffer.from(bytes), {
      ...(meta.fileName ? { fileName: meta.fileName } : {}),
      ...(meta.mimeType ? { mimeType: meta.mimeType } : {}),
    });
    const { field } = mediaField(this.bot, file, meta);
    const captionEntities = caption ? detectEntities(caption) : [];
    return this.userMessage(user, {
      ...field,
      ...(caption ? { caption } : {}),
      ...(captionEntities.length > 0 ? { caption_entities: captionEntities } : {}),
    });
  }

  private pushMembership(user: TestUser, oldStatus: 'member' | 'kicked', newStatus: 'member' | 'kicked'): void {
    const member = (status: 'member' | 'kicked') => (status === 'kicked' ? { user: this.bot.me, status, until_date: 0 } : { user: this.bot.me, status });
    this.bot.updates.push({
      my_chat_member: {
        chat: privateChat(user),
        from: userObject(user),
        date: this.bot.nowSec(),
        old_chat_member: member(oldStatus),
        new_chat_member: member(newStatus),
      },
    } as Omit<Update, 'update_id'>);
  }

  private waitFor<T>(event: string, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const listener = () => {
        const found = check();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.bot.events.off(event, listener);
      };
      this.bot.events.on(event, listener);
    });
  }
}
