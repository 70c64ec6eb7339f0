// The connector's text and button flows against the independent `telegram-test-api` server and
// against our emulator: the same requester actions must produce the same bot messages, buttons
// and stored state on both.
import { createServer } from 'node:net';
import { join } from 'node:path';
import TelegramServer from 'telegram-test-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app';
import { startTelegram, stopTelegram, TELEGRAM_TOKEN_SECRET, type TelegramChannel } from '../../src-main/core/channels/telegram';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { startBotApiEmulator } from '../peers/telegram';
import { ADMIN, memorySession, tempDataDir } from '../helpers/core';
import { eventually } from '../helpers/telegram';

interface BotLine {
  text: string;
  buttons: string[];
}

/** What a peer must offer the flow: the user's actions and what the bot sent. */
interface Peer {
  apiRoot: string;
  token: string;
  sendText(text: string): Promise<void>;
  press(messageId: number, data: string): Promise<void>;
  botLines(): (BotLine & { messageId: number })[];
  close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

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

const buttonsOf = (markup: unknown): string[] =>
  ((markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? '');

async function telegramTestApiPeer(): Promise<Peer> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  const token = '5108000003:AAcrosscheckTokenForTelegramTestApi';
  const client = server.getClient(token, { userId: 4242, chatId: 4242, firstName: 'Komang', userName: 'komang' });
  return {
    apiRoot: server.config.apiURL.replace(/\/$/, ''),
    token,
    sendText: async (text) => {
      await client.sendMessage(text.startsWith('/') ? client.makeCommand(text) : client.makeMessage(text));
    },
    press: async (messageId, data) => {
      await client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: messageId } }));
    },
    botLines: () =>
      server.storage.botMessages
        .filter((m) => Number(m.message.chat_id) === 4242)
        .map((m) => ({
          messageId: m.messageId,
          text: String(m.message.text),
          buttons: buttonsOf(typeof m.message.reply_markup === 'string' ? JSON.parse(m.message.reply_markup) : m.message.reply_markup),
        })),
    close: async () => {
      await server.stop();
    },
  };
}

async function ourEmulatorPeer(): Promise<Peer> {
  const emulator = await startBotApiEmulator();
  const user = { id: 4242, firstName: 'Komang', username: 'komang' };
  return {
    apiRoot: emulator.apiRoot,
    token: emulator.token,
    sendText: async (text) => void emulator.userSendsText(user, text),
    press: async (messageId, data) => void emulator.userPressesButton(user, messageId, data),
    botLines: () => emulator.sentTo(user.id).map((r) => ({ messageId: r.messageId, text: String(r.text), buttons: buttonsOf(r.replyMarkup) })),
    close: () => emulator.close(),
  };
}

/** The same requester story on a peer: /start, the name, closure, five stars. */
async function runFlow(peer: Peer): Promise<{ lines: BotLine[]; rating: unknown; requester: unknown }> {
  const dir = tempDataDir('pst-tg-x-');
  const core: Core = createCore({
    dataDir: dir.dir,
    host: 'browser',
    version: '0.0.0-test',
    cipher: new KeyFileCipher(join(dir.dir, 'secret.key')),
    outbox: { baseDelayMs: 100, pollMs: 100 },
  });
  core.services.secrets.set(TELEGRAM_TOKEN_SECRET, peer.token);
  const session = memorySession();
  const setup = await core.dispatch('auth.setupAdmin', ADMIN, session);
  if (!setup.ok) throw new Error(setup.error.message);
  const channel: TelegramChannel = startTelegram(core.services, {
    apiRoot: peer.apiRoot,
    pollTimeoutSec: 1,
    backoffMs: { initial: 50, max: 200 },
    limits: { perChatBurst: 100, perChatPerSecond: 100, globalPerSecond: 100 },
  });
  await core.start();
  cleanups.push(async () => {
    await stopTelegram(core.services, channel);
    await core.close();
    await peer.close();
    dir.cleanup();
  });

  await peer.sendText('/start');
  await eventually(() => peer.botLines().some((l) => l.text.includes('nama lengkap')), 8_000, 'name question');
  await peer.sendText('Komang Ayu Lestari');
  await eventually(() => peer.botLines().some((l) => l.text.includes('instansi')), 8_000, 'institution question');
  const conversationId = (core.services.db.prepare('SELECT id FROM conversations').get() as { id: number }).id;
  const resolved = await core.dispatch('conversations.resolve', { id: conversationId, summary: 'Dijawab', topic: 'IPM' }, session);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const request = await eventually(() => peer.botLines().find((l) => l.buttons.some((b) => b.startsWith('r:'))), 8_000, 'rating request');
  // The messages as sent, before the press edits the rating message (telegram-test-api keeps the
  // keyboard on editMessageText without reply_markup; Telegram and our emulator remove it).
  const asSent = peer.botLines();
  await peer.press(request.messageId, request.buttons[4]!);
  const rating = await eventually(
    () => core.services.db.prepare('SELECT score, source FROM ratings WHERE conversation_id = ?').get(conversationId),
    8_000,
    'rating stored',
  );
  await eventually(() => peer.botLines().some((l) => l.text.includes('saran atau masukan')), 8_000, 'feedback prompt');
  const requester = core.services.db.prepare('SELECT name, telegram_user_id, telegram_username FROM requesters').get();
  const normalize = (text: string) => text.replace(/KONS-5108-\d{8}-\d{4}/g, 'KONS-…').replace(/mulai .*WITA/g, 'mulai …');
  const lines = [...asSent, ...peer.botLines().slice(asSent.length)];
  return { lines: lines.map((l) => ({ text: normalize(l.text), buttons: l.buttons })), rating, requester };
}

describe('Telegram connector cross-checked against telegram-test-api', () => {
  it('gives the same intake and rating flow on both servers', async () => {
    const theirs = await runFlow(await telegramTestApiPeer());
    const ours = await runFlow(await ourEmulatorPeer());
    expect(theirs.rating).toEqual({ score: 5, source: 'telegram' });
    expect(ours.rating).toEqual(theirs.rating);
    expect(ours.requester).toEqual(theirs.requester);
    expect(theirs.requester).toMatchObject({ name: 'Komang Ayu Lestari', telegram_user_id: '4242', telegram_username: 'komang' });
    expect(ours.lines.map((l) => l.text)).toEqual(theirs.lines.map((l) => l.text));
    expect(ours.lines.map((l) => l.buttons)).toEqual(theirs.lines.map((l) => l.buttons));
  }, 40_000);
});
