// Cross-check of the text and button flows against the npm `telegram-test-api` emulator: the same
// grammy bot must produce the same replies on both, and every Bot API field that emulator puts
// in an update must be present (with the same JS type) in ours. Its own extras are listed below.
import { createServer } from 'node:net';
import { Bot, InlineKeyboard } from 'grammy';
import type { Update } from 'grammy/types';
import TelegramServer from 'telegram-test-api';
import { describe, expect, it } from 'vitest';
import { startBotApiEmulator } from '../peers/telegram';

/** Fields telegram-test-api adds that the real Bot API never sends. */
const nonBotApiPaths = new Set(['message.botToken', 'message.chat.title', 'callback_query.message.chat.title']);

function keyPaths(value: unknown, prefix = ''): Map<string, string> {
  const paths = new Map<string, string>();
  if (typeof value !== 'object' || value === null) return paths;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    paths.set(path, Array.isArray(child) ? 'array' : typeof child);
    if (!Array.isArray(child)) for (const [nested, type] of keyPaths(child, path)) paths.set(nested, type);
  }
  return paths;
}

/** The bot under comparison: a /start prompt with a rating button, and the answer to a press. */
function ratingBot(token: string, apiRoot: string, seen: Update[]): Bot {
  const bot = new Bot(token, { client: { apiRoot } });
  bot.use((ctx, next) => {
    seen.push(ctx.update);
    return next();
  });
  bot.command('start', (ctx) => ctx.reply(`Halo ${ctx.from?.first_name}, nilai layanan kami:`, { reply_markup: new InlineKeyboard().text('⭐ 5', 'rate:5') }));
  bot.callbackQuery('rate:5', (ctx) => ctx.answerCallbackQuery({ text: 'Terima kasih' }));
  return bot;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function runOnTelegramTestApi(): Promise<{ replies: unknown[]; updates: Update[] }> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  const token = '5108000002:crosscheck';
  const seen: Update[] = [];
  const bot = ratingBot(token, server.config.apiURL.replace(/\/$/, ''), seen);
  try {
    void bot.start();
    const client = server.getClient(token, { userId: 42, chatId: 42, firstName: 'Ketut', userName: 'ketut' });
    await client.sendCommand(client.makeCommand('/start'));
    await expect.poll(() => server.storage.botMessages.length).toBe(1);
    const prompt = server.storage.botMessages[0]!;
    await client.sendCallback(client.makeCallbackQuery('rate:5', { message: { message_id: prompt.messageId } }));
    await expect.poll(() => seen.length).toBe(2);
    return { replies: server.storage.botMessages.map((stored) => ({ text: stored.message.text, reply_markup: stored.message.reply_markup })), updates: seen };
  } finally {
    await bot.stop().catch(() => undefined);
    await server.stop();
  }
}

async function runOnOurEmulator(): Promise<{ replies: unknown[]; updates: Update[]; answered: unknown }> {
  const emulator = await startBotApiEmulator();
  const seen: Update[] = [];
  const bot = ratingBot(emulator.token, emulator.apiRoot, seen);
  try {
    await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve(), timeout: 5 }));
    const user = { id: 42, firstName: 'Ketut', username: 'ketut' };
    emulator.userSendsText(user, '/start');
    const prompt = await emulator.waitForSent(user.id);
    const { queryId } = emulator.userPressesButton(user, prompt.messageId, 'rate:5');
    const answered = await emulator.waitForCallbackAnswer(queryId);
    return {
      replies: emulator.sentTo(user.id).map((record) => ({ text: record.text, reply_markup: record.replyMarkup })),
      updates: seen,
      answered: answered.answer?.text,
    };
  } finally {
    await bot.stop();
    await emulator.close();
  }
}

describe('cross-check with telegram-test-api', () => {
  it('gives the same replies and a superset of its update fields for /start and a button press', async () => {
    const theirs = await runOnTelegramTestApi();
    const ours = await runOnOurEmulator();

    expect(ours.replies).toEqual(theirs.replies);
    expect(ours.replies).toEqual([
      { text: 'Halo Ketut, nilai layanan kami:', reply_markup: { inline_keyboard: [[{ text: '⭐ 5', callback_data: 'rate:5' }]] } },
    ]);
    expect(ours.answered).toBe('Terima kasih');
    expect(ours.updates.map((update) => Object.keys(update)[1])).toEqual(theirs.updates.map((update) => Object.keys(update)[1]));
    for (const [index, theirUpdate] of theirs.updates.entries()) {
      const ourPaths = keyPaths(ours.updates[index]);
      const theirPaths = [...keyPaths(theirUpdate)].filter(([path]) => !nonBotApiPaths.has(path));
      expect(theirPaths.length).toBeGreaterThan(5);
      expect(theirPaths.filter(([path, type]) => ourPaths.get(path) !== type)).toEqual([]);
    }
  });
});
