// Text messages, edits, deletion, chat actions and callback answers.
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { BotState } from './bot-state';
import { inlineOnly, readReplyMarkup } from './markup';
import { prepareSend, readMessageText, type MethodHandler } from './method-context';
import type { Params } from './params';
import { badRequest } from './types';

const chatActions = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
const deleteWindowMs = 48 * 60 * 60 * 1000;
const notModified =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

const sendMessage: MethodHandler = (bot, params) => {
  const prepared = prepareSend(bot, params);
  const formatted = readMessageText(params);
  const message = {
    ...prepared.base(),
    text: formatted.text,
    ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}),
  } as Message;
  bot.storeMessage(prepared.user.id, message, true);
  const parseMode = params.string('parse_mode');
  bot.recordSent({
    messageId: message.message_id,
    chatId: prepared.user.id,
    method: 'sendMessage',
    text: formatted.text,
    entities: formatted.entities,
    ...(parseMode ? { parseMode } : {}),
    ...(prepared.replyMarkup ? { replyMarkup: prepared.replyMarkup } : {}),
    edits: [],
    deleted: false,
    message,
  });
  return message;
};

/** The bot's own message named by chat_id + message_id, as the edit methods require. */
function editableMessage(bot: BotState, params: Params): { chatId: number; message: Message } {
  if (params.has('inline_message_id')) throw badRequest('MESSAGE_ID_INVALID');
  const user = bot.resolveChat(params.string('chat_id'), false);
  const messageId = params.int('message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  const found = bot.findMessage(user.id, messageId);
  if (!found) throw badRequest('message to edit not found');
  if (!found.fromBot) throw badRequest("message can't be edited");
  return { chatId: user.id, message: found.message };
}

function sameMarkup(a: InlineKeyboardMarkup | undefined, b: InlineKeyboardMarkup | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function applyEdit(
  bot: BotState,
  chatId: number,
  message: Message,
  method: string,
  changes: Partial<Message>,
  markup: InlineKeyboardMarkup | undefined,
): Message {
  const edited = { ...message, ...changes, edit_date: bot.nowSec() } as Message & { reply_markup?: InlineKeyboardMarkup };
  if (markup) edited.reply_markup = markup;
  else delete edited.reply_markup; // an edit without reply_markup removes the inline keyboard
  bot.storeMessage(chatId, edited, true);
  const record = bot.findSent(chatId, message.message_id);
  if (record) {
    record.edits.push({ method, at: bot.clock(), ...(edited.text !== undefined ? { text: edited.text } : {}), replyMarkup: markup });
    if (edited.text !== undefined) {
      record.text = edited.text;
      record.entities = edited.entities ?? [];
    }
    if (markup) record.replyMarkup = markup;
    else delete record.replyMarkup;
    record.message = edited;
    bot.events.emit('sent', record);
  }
  return edited;
}

const editMessageText: MethodHandler = (bot, params) => {
  const { chatId, message } = editableMessage(bot, params);
  if (message.text === undefined) throw badRequest('there is no text in the message to edit');
  const formatted = readMessageText(params);
  const markup = inlineOnly(readReplyMarkup(params));
  const sameEntities = JSON.stringify(formatted.entities) === JSON.stringify(message.entities ?? []);
  if (formatted.text === message.text && sameEntities && sameMarkup(markup, message.reply_markup)) throw badRequest(notModified);
  const changes: Partial<Message> = { text: formatted.text };
  if (formatted.entities.length > 0) changes.entities = formatted.entities;
  const edited = applyEdit(bot, chatId, { ...message, entities: undefined } as Message, 'editMessageText', changes, markup);
  if (edited.entities === undefined) delete (edited as { entities?: unknown }).entities;
  return edited;
};

const editMessageReplyMarkup: MethodHandler = (bot, params) => {
  const { chatId, message } = editableMessage(bot, params);
  const markup = inlineOnly(readReplyMarkup(params));
  if (sameMarkup(markup, message.reply_markup)) throw badRequest(notModified);
  return applyEdit(bot, chatId, message, 'editMessageReplyMarkup', {}, markup);
};

const deleteMessage: MethodHandler = (bot, params) => {
  const user = bot.resolveChat(params.string('chat_id'), false);
  const messageId = params.int('message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  const found = bot.findMessage(user.id, messageId);
  if (!found) throw badRequest('message to delete not found');
  if (bot.clock() - found.message.date * 1000 > deleteWindowMs) throw badRequest("message can't be deleted for everyone");
  bot.messages.get(user.id)?.delete(messageId);
  const record = bot.findSent(user.id, messageId);
  if (record) {
    record.deleted = true;
    bot.events.emit('sent', record);
  }
  return true;
};

const sendChatAction: MethodHandler = (bot, params) => {
  const user = bot.resolveChat(params.string('chat_id'), true);
  const action = params.string('action') ?? '';
  if (!chatActions.has(action)) throw badRequest('wrong parameter action in request');
  bot.chatActions.set(user.id, [...(bot.chatActions.get(user.id) ?? []), action]);
  return true;
};

const answerCallbackQuery: MethodHandler = (bot, params) => {
  const record = bot.callbackRecord(params.string('callback_query_id') ?? '');
  const timeoutMs = bot.callbackTimeoutSec * 1000;
  if (!record || record.answer || bot.clock() - record.pressedAt > timeoutMs) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const text = params.string('text');
  const url = params.string('url');
  record.answer = {
    ...(text !== undefined ? { text } : {}),
    ...(url !== undefined ? { url } : {}),
    showAlert: params.bool('show_alert'),
    cacheTime: params.int('cache_time') ?? 0,
    at: bot.clock(),
  };
  bot.events.emit('answered', record);
  return true;
};

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  sendChatAction,
  answerCallbackQuery,
};
