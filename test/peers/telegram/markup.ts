// reply_markup validation with the real API's error texts; the inline keyboard is what the
// connector uses (rating buttons), so that is checked closely.
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Params } from './params';
import { badRequest } from './types';

const buttonActions = [
  'callback_data',
  'url',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

export type ReplyMarkup = InlineKeyboardMarkup | Record<string, unknown>;

export function readReplyMarkup(params: Params): ReplyMarkup | undefined {
  const markup = params.json<Record<string, unknown>>('reply_markup', 'reply keyboard markup');
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null || Array.isArray(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) return validateInlineKeyboard(markup.inline_keyboard);
  if (!('keyboard' in markup) && !('remove_keyboard' in markup) && !('force_reply' in markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  return markup;
}

function validateInlineKeyboard(rows: unknown): InlineKeyboardMarkup {
  if (!Array.isArray(rows)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row as unknown[]) validateButton(button);
  }
  return { inline_keyboard: rows as InlineKeyboardMarkup['inline_keyboard'] };
}

function validateButton(button: unknown): void {
  if (typeof button !== 'object' || button === null) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  const fields = button as Record<string, unknown>;
  if (typeof fields.text !== 'string') throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`);
  if (!buttonActions.some((action) => action in fields))
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if ('callback_data' in fields) {
    const data = fields.callback_data;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : 0;
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  if ('url' in fields) {
    const url = String(fields.url);
    if (!/^(https?|tg):\/\/\S+$/i.test(url)) throw badRequest(`inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`);
  }
}

/** The Message object only carries inline keyboards. */
export function inlineOnly(markup: ReplyMarkup | undefined): InlineKeyboardMarkup | undefined {
  return markup && 'inline_keyboard' in markup ? (markup as InlineKeyboardMarkup) : undefined;
}
