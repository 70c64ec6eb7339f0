// getMe, getUpdates, webhooks, commands, getChat.
import type { BotCommand } from 'grammy/types';
import type { MethodHandler } from './method-context';
import type { Params } from './params';
import { badRequest } from './types';

const getMe: MethodHandler = (bot) => bot.me;

const getUpdates: MethodHandler = (bot, params, call) => {
  const allowedUpdates = params.json<string[]>('allowed_updates', 'allowed updates');
  return bot.updates.getUpdates(
    {
      offset: params.int('offset'),
      limit: params.int('limit'),
      timeoutSec: params.int('timeout'),
      ...(Array.isArray(allowedUpdates) ? { allowedUpdates } : {}),
    },
    (cancel) => call.onClientGone(cancel),
  );
};

const setWebhook: MethodHandler = (bot, params) => {
  const url = params.string('url') ?? '';
  if (params.bool('drop_pending_updates')) bot.updates.dropPending();
  if (url === '') {
    bot.updates.webhook = null;
    return true;
  }
  if (!/^https:\/\//i.test(url)) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  const allowedUpdates = params.json<string[]>('allowed_updates', 'allowed updates');
  // Stored only: the emulator does not deliver to webhooks (the console long-polls).
  bot.updates.setWebhook({
    url,
    maxConnections: params.int('max_connections') ?? 40,
    setAt: bot.clock(),
    ...(Array.isArray(allowedUpdates) ? { allowedUpdates } : {}),
  });
  return true;
};

const deleteWebhook: MethodHandler = (bot, params) => {
  if (params.bool('drop_pending_updates')) bot.updates.dropPending();
  bot.updates.webhook = null;
  return true;
};

const getWebhookInfo: MethodHandler = (bot) => {
  const webhook = bot.updates.webhook;
  return {
    url: webhook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: bot.updates.pendingCount(),
    ...(webhook ? { max_connections: webhook.maxConnections, ip_address: '127.0.0.1' } : {}),
    ...(webhook?.allowedUpdates ? { allowed_updates: webhook.allowedUpdates } : {}),
  };
};

/** Commands are kept per scope and language, as the real API keeps them. */
export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  const fields = (scope ?? { type: 'default' }) as { type?: string; chat_id?: unknown; user_id?: unknown };
  return JSON.stringify([fields.type ?? 'default', fields.chat_id ?? null, fields.user_id ?? null, languageCode ?? '']);
}

function scopeKey(params: Params): string {
  return commandsKey(params.json('scope', 'bot command scope'), params.string('language_code'));
}

const setMyCommands: MethodHandler = (bot, params) => {
  const commands = params.json<BotCommand[]>('commands', 'commands');
  if (!Array.isArray(commands)) throw badRequest('commands must be an Array');
  if (commands.length > 100) throw badRequest('too many commands');
  for (const command of commands) {
    if (typeof command?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) throw badRequest('BOT_COMMAND_INVALID');
    if (typeof command.description !== 'string' || command.description.length < 1 || command.description.length > 256) {
      throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
  }
  const key = scopeKey(params);
  if (commands.length === 0) bot.commands.delete(key);
  else
    bot.commands.set(
      key,
      commands.map(({ command, description }) => ({ command, description })),
    );
  return true;
};

const getMyCommands: MethodHandler = (bot, params) => bot.commands.get(scopeKey(params)) ?? [];

const deleteMyCommands: MethodHandler = (bot, params) => {
  bot.commands.delete(scopeKey(params));
  return true;
};

const getChat: MethodHandler = (bot, params) => {
  const user = bot.resolveChat(params.string('chat_id'), false);
  return {
    id: user.id,
    type: 'private',
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    accent_color_id: user.id % 7,
    max_reaction_count: 11,
    accepted_gift_types: { unlimited_gifts: true, limited_gifts: true, unique_gifts: true, premium_subscription: true },
  };
};

export const botMethods: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  getChat,
};
