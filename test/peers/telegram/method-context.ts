// What every method handler gets, and the checks all send* methods share.
import type { Message } from 'grammy/types';
import { privateChat, type BotState } from './bot-state';
import { applyParseMode, type FormattedText } from './formatting';
import { inlineOnly, readReplyMarkup, type ReplyMarkup } from './markup';
import type { Params } from './params';
import { badRequest, type TestUser } from './types';

export interface CallContext {
  /** Registers a callback for when the HTTP client disconnects before the answer (long polls). */
  onClientGone(callback: () => void): void;
}

export type MethodHandler = (bot: BotState, params: Params, call: CallContext) => unknown;

export interface PreparedSend {
  user: TestUser;
  replyMarkup: ReplyMarkup | undefined;
  /** The fields every message the bot sends has; `message_id` is allotted only when the send succeeds. */
  base(): Omit<Message, 'chat'> & { chat: Message['chat'] };
}

export const maxTextLength = 4096;
export const maxCaptionLength = 1024;

/** Chat, block, markup, reply target and rate limit: in the order the real API fails them. */
export function prepareSend(bot: BotState, params: Params): PreparedSend {
  const user = bot.resolveChat(params.string('chat_id'), true);
  const replyMarkup = readReplyMarkup(params);
  const replyTo = replyTarget(params);
  if (replyTo !== undefined && !bot.findMessage(user.id, replyTo.messageId) && !replyTo.allowWithout) {
    throw badRequest('message to be replied not found');
  }
  return {
    user,
    replyMarkup,
    base: () => {
      bot.rateLimiter.check(user.id);
      const inline = inlineOnly(replyMarkup);
      const repliedTo = replyTo ? bot.findMessage(user.id, replyTo.messageId)?.message : undefined;
      return {
        message_id: bot.nextMessageId(user.id),
        from: { id: bot.me.id, is_bot: true, first_name: bot.me.first_name, username: bot.me.username },
        chat: privateChat(user),
        date: bot.nowSec(),
        ...(repliedTo ? { reply_to_message: repliedTo as Message['reply_to_message'] } : {}),
        ...(inline ? { reply_markup: inline } : {}),
      } as Omit<Message, 'chat'> & { chat: Message['chat'] };
    },
  };
}

function replyTarget(params: Params): { messageId: number; allowWithout: boolean } | undefined {
  const parameters = params.json<{ message_id?: number; allow_sending_without_reply?: boolean }>('reply_parameters', 'reply parameters');
  if (parameters?.message_id !== undefined) return { messageId: parameters.message_id, allowWithout: parameters.allow_sending_without_reply === true };
  const legacy = params.int('reply_to_message_id');
  return legacy !== undefined ? { messageId: legacy, allowWithout: params.bool('allow_sending_without_reply') } : undefined;
}

/** Text of sendMessage/editMessageText: parse_mode applied, then 1–4096 UTF-16 units. */
export function readMessageText(params: Params): FormattedText {
  const raw = params.string('text');
  if (raw === undefined || raw.trim() === '') throw badRequest('message text is empty');
  const formatted = applyParseMode(raw, params.string('parse_mode'));
  if (formatted.text.trim() === '') throw badRequest('message text is empty');
  if (formatted.text.length > maxTextLength) throw badRequest('message is too long');
  return formatted;
}

export function readCaption(params: Params): FormattedText | undefined {
  const raw = params.string('caption');
  if (raw === undefined || raw === '') return undefined;
  const formatted = applyParseMode(raw, params.string('parse_mode'));
  if (formatted.text.length > maxCaptionLength) throw badRequest('message caption is too long');
  return formatted;
}
