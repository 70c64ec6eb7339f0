import { Api, GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { z } from 'zod';
import type { TelegramIntakeView, TelegramSettingsView } from '../../../src-preload/contract';
import { DEFAULT_API_ROOT, TELEGRAM_TOKEN_SECRET, telegramChannelOf } from '../channels/telegram';
import { grammySignal } from '../channels/telegram/media';
import { readChat } from '../channels/telegram/store';
import { AppError, invalidInput, notFound, refuseInTraining } from '../errors';
import type { CoreServices } from '../services';
import { settingsQueries } from '../store/queries/settings';
import { mutation, query, type HandlerMap } from './define';
import { empty, id } from './schemas';

const BOT_SETTING = 'telegram.bot';

function settingsView(core: CoreServices): TelegramSettingsView {
  const bot = settingsQueries(core.db).get<{ id: string; username: string } | null>(BOT_SETTING, null);
  const hasToken = core.secrets.has(TELEGRAM_TOKEN_SECRET);
  return { hasToken, botId: hasToken ? (bot?.id ?? null) : null, botUsername: hasToken ? (bot?.username ?? null) : null };
}

/** The live check before a token is saved: Telegram itself says whether it is valid. */
async function checkToken(core: CoreServices, token: string): Promise<UserFromGetMe> {
  const apiRoot = telegramChannelOf(core)?.apiRoot ?? DEFAULT_API_ROOT;
  try {
    return await new Api(token, { apiRoot }).getMe(grammySignal(AbortSignal.timeout(15_000)));
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) throw invalidInput({ code: 'telegram.token_rejected' });
    // Never grammy's message: it carries the request URL and with it the token being checked.
    console.error('[telegram] token check failed', error instanceof GrammyError ? error.error_code : error instanceof Error ? error.name : typeof error);
    throw new AppError('channel_unavailable', { code: 'telegram.token_check_unreachable' });
  }
}

const restartSoon = (core: CoreServices) => setImmediate(() => void telegramChannelOf(core)?.reload());

export const telegramHandlers = {
  'telegram.getSettings': query<'telegram.getSettings'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => settingsView(core),
  }),

  'telegram.saveToken': mutation<'telegram.saveToken', UserFromGetMe>({
    access: 'admin',
    input: z.strictObject({
      token: z
        .string()
        .trim()
        .regex(/^\d{5,20}:[A-Za-z0-9_-]{20,100}$/, 'Format token bot tidak dikenal (contoh 123456789:AA…)'),
    }),
    prepare: (input, { core }) => {
      refuseInTraining(core);
      return checkToken(core, input.token);
    },
    run: (input, { core }, me) => {
      core.secrets.set(TELEGRAM_TOKEN_SECRET, input.token);
      settingsQueries(core.db).set(BOT_SETTING, { id: String(me.id), username: me.username }, core.now());
      // After the commit: the channel polls with the new token.
      restartSoon(core);
      return settingsView(core);
    },
    // Never the token.
    audit: (_input, output) => ({ entityType: 'telegram_bot', entityId: output.botId, detail: { username: output.botUsername } }),
  }),

  'telegram.removeToken': mutation<'telegram.removeToken'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => {
      core.secrets.delete(TELEGRAM_TOKEN_SECRET);
      restartSoon(core);
      return settingsView(core);
    },
    audit: () => ({ entityType: 'telegram_bot', entityId: null }),
  }),

  'telegram.status': query<'telegram.status'>({
    access: 'officer',
    input: empty,
    // Whatever runs the channel answers: the connector, or the note that another console runs it.
    run: (_input, { core }) => core.channels.get('telegram')?.status() ?? null,
  }),

  'telegram.reconnect': query<'telegram.reconnect'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => {
      telegramChannelOf(core)?.reconnect();
      return telegramChannelOf(core)?.status() ?? null;
    },
  }),

  'telegram.intake': query<'telegram.intake'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id }),
    run: (input, { core }): TelegramIntakeView | null => {
      const row = core.db
        .prepare(
          "SELECT ci.source_id AS chatId FROM conversations c JOIN channel_identities ci ON ci.requester_id = c.requester_id AND ci.channel = 'telegram' WHERE c.id = ?",
        )
        .get(input.conversationId) as { chatId: string } | undefined;
      if (!row) {
        if (!core.db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(input.conversationId)) throw notFound({ code: 'conversations.not_found' });
        return null;
      }
      const state = readChat(core.db, row.chatId);
      return state ? { mode: state.mode, step: state.step, correcting: state.correcting, updatedAt: state.updatedAt } : null;
    },
  }),
} satisfies HandlerMap;
