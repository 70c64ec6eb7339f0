// The Bot API emulator driven by a real grammy Bot over HTTP (long polling), as the console's
// Telegram connector will use it. Raw fetch where grammy hides the wire details.
import { createHash } from 'node:crypto';
import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotApiEmulator, testUser, type BotApiEmulator } from '../peers/telegram';

let emulator: BotApiEmulator;
const runningBots: Bot[] = [];

beforeEach(async () => {
  emulator = await startBotApiEmulator();
});

afterEach(async () => {
  for (const bot of runningBots.splice(0)) if (bot.isRunning()) await bot.stop();
  await emulator.close();
});

function newBot(token = emulator.token): Bot {
  return new Bot(token, { client: { apiRoot: emulator.apiRoot } });
}

/**
 * Starts long polling; resolves once grammy is set up (getMe + deleteWebhook done). The loop's
 * own promise is returned inside an object: returned bare, `await` would wait for the bot to stop.
 */
async function startPolling(bot: Bot): Promise<{ loop: Promise<void> }> {
  runningBots.push(bot);
  let loop!: Promise<void>;
  await new Promise<void>((resolve, reject) => {
    loop = bot.start({ onStart: () => resolve(), timeout: 10 });
    loop.catch(reject);
  });
  return { loop };
}

interface ApiBody {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

async function raw(method: string, params: Record<string, unknown> = {}, token = emulator.token): Promise<{ status: number; body: ApiBody }> {
  const response = await fetch(`${emulator.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as ApiBody };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Bot API emulator with grammy long polling', () => {
  it('carries a text round trip with real-looking message objects', async () => {
    const bot = newBot();
    bot.on('message:text', (ctx) =>
      ctx.reply(`Halo ${ctx.from.first_name}, pesan diterima: ${ctx.message.text}`, {
        reply_markup: new InlineKeyboard().text('Puas', 'rate:5'),
      }),
    );
    await startPolling(bot);
    const user = testUser({ firstName: 'Ketut', lastName: 'Sari', username: 'ketutsari', languageCode: 'id' });

    const incoming = emulator.userSendsText(user, 'Minta data kemiskinan Buleleng 2025');
    const reply = await emulator.waitForSent(user.id);

    expect(reply.text).toBe('Halo Ketut, pesan diterima: Minta data kemiskinan Buleleng 2025');
    expect(reply.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Puas', callback_data: 'rate:5' }]] });
    expect(reply.message.chat).toEqual({ id: user.id, type: 'private', first_name: 'Ketut', last_name: 'Sari', username: 'ketutsari' });
    expect(reply.message.from?.is_bot).toBe(true);
    // Dates are Unix seconds, as in the real API, and message ids grow per chat.
    expect(reply.message.date).toBe(Math.floor(reply.message.date));
    expect(Math.abs(reply.message.date - Date.now() / 1000)).toBeLessThan(60);
    expect(reply.messageId).toBe(incoming.message_id + 1);
    expect(incoming.from).toMatchObject({ first_name: 'Ketut', last_name: 'Sari', username: 'ketutsari', language_code: 'id', is_bot: false });
  });

  it('redelivers an unconfirmed update after a restart but never a confirmed one', async () => {
    const user = testUser();
    emulator.userSendsText(user, 'pertama');
    // A poller that crashes before confirming: it saw the update but never sent a higher offset.
    const seen = await raw('getUpdates', { timeout: 0 });
    const [first] = seen.body.result as Array<{ update_id: number; message: { text: string } }>;
    expect(first?.message.text).toBe('pertama');

    const received: string[] = [];
    const bot = newBot();
    bot.on('message:text', (ctx) => {
      received.push(ctx.message.text);
    });
    await startPolling(bot);
    await expect.poll(() => received).toEqual(['pertama']);
    await bot.stop(); // confirms with offset = last + 1

    expect(emulator.pendingUpdateCount()).toBe(0);
    const after = await raw('getUpdates', { timeout: 0 });
    expect(after.body.result).toEqual([]);

    const restarted = newBot();
    const receivedAfterRestart: string[] = [];
    restarted.on('message:text', (ctx) => {
      receivedAfterRestart.push(ctx.message.text);
    });
    await startPolling(restarted);
    emulator.userSendsText(user, 'kedua');
    await expect.poll(() => receivedAfterRestart).toEqual(['kedua']);
  });

  it('uploads a photo and a document from the bot and serves identical bytes via getFile', async () => {
    const bot = newBot();
    const user = testUser();
    emulator.userSendsText(user, '/start');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000320000002580806000000', 'hex'); // 800×600 header
    const photoBytes = Buffer.concat([png, Buffer.alloc(3000, 7)]);
    const pdfBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 1)]);

    const photoMessage = await bot.api.sendPhoto(user.id, new InputFile(photoBytes, 'grafik.png'), { caption: 'Grafik IPM' });
    const documentMessage = await bot.api.sendDocument(user.id, new InputFile(pdfBytes, 'Buleleng Dalam Angka 2025.pdf'));

    const largest = photoMessage.photo.at(-1)!;
    expect(largest).toMatchObject({ width: 800, height: 600, file_size: photoBytes.length });
    expect(photoMessage.photo.length).toBeGreaterThan(1);
    expect(photoMessage.caption).toBe('Grafik IPM');
    expect(documentMessage.document).toMatchObject({ file_name: 'Buleleng Dalam Angka 2025.pdf', mime_type: 'application/pdf', file_size: pdfBytes.length });

    for (const [fileId, bytes] of [
      [largest.file_id, photoBytes],
      [documentMessage.document.file_id, pdfBytes],
    ] as const) {
      const file = await bot.api.getFile(fileId);
      expect(file.file_path).toBeTruthy();
      const download = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
      expect(download.status).toBe(200);
      expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
    }
    const sent = emulator.sentTo(user.id);
    expect(sent.map((record) => [record.method, record.file?.fileName])).toEqual([
      ['sendPhoto', 'grafik.png'],
      ['sendDocument', 'Buleleng Dalam Angka 2025.pdf'],
    ]);
    expect(sent[1]?.file?.bytes.equals(pdfBytes)).toBe(true);

    const voice = await bot.api.sendVoice(user.id, new InputFile(Buffer.from('OggS-suara'), 'balasan.ogg'), { duration: 3 });
    expect(voice.voice).toMatchObject({ mime_type: 'audio/ogg', duration: 3, file_size: 10 });

    // Sending again by file_id reuses the stored file; a URL cannot be fetched by the emulator.
    const again = await bot.api.sendDocument(user.id, documentMessage.document.file_id);
    expect(again.document.file_unique_id).toBe(documentMessage.document.file_unique_id);
    await expect(bot.api.sendDocument(user.id, 'https://example.org/x.pdf')).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: failed to get HTTP URL content',
    });
  });

  it('lets the bot download a document the user sent', async () => {
    const bot = newBot();
    bot.on('message:document', async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      await ctx.reply(`${ctx.message.document.file_name} ${ctx.message.document.mime_type} ${sha256(bytes)}`);
    });
    await startPolling(bot);
    const user = testUser();
    const spreadsheet = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31) % 256));

    emulator.userSendsDocument(user, spreadsheet, { fileName: 'kuesioner.xlsx', caption: 'Formulir identitas' });

    const reply = await emulator.waitForSent(user.id);
    expect(reply.text).toBe(`kuesioner.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ${sha256(spreadsheet)}`);
  });

  it('gives user media the shapes grammy filter queries recognise', async () => {
    const bot = newBot();
    const seen: string[] = [];
    bot.on('message:photo', (ctx) => {
      seen.push(`photo ${ctx.message.photo.length > 0} ${ctx.message.caption}`);
    });
    bot.on('message:voice', (ctx) => {
      seen.push(`voice ${ctx.message.voice.mime_type} ${ctx.message.voice.duration}`);
    });
    bot.on('message:video', (ctx) => {
      seen.push(`video ${ctx.message.video.file_name}`);
    });
    bot.on('message:sticker', (ctx) => {
      seen.push(`sticker ${ctx.message.sticker.emoji}`);
    });
    bot.on('message:location', (ctx) => {
      seen.push(`location ${ctx.message.location.latitude}`);
    });
    bot.on('message:contact', (ctx) => {
      seen.push(`contact ${ctx.message.contact.phone_number}`);
    });
    bot.command('start', (ctx) => {
      seen.push(`command ${ctx.match}`);
    });
    await startPolling(bot);
    const user = testUser();

    emulator.userSendsPhoto(user, Buffer.from('foto'), { caption: 'KTP' });
    emulator.userSendsVoice(user, Buffer.from('suara'), { duration: 4 });
    emulator.userSendsVideo(user, Buffer.from('video'), { fileName: 'rekaman.mp4' });
    emulator.userSendsSticker(user, { emoji: '👍' });
    emulator.userSendsLocation(user, { latitude: -8.112, longitude: 115.091 });
    emulator.userSendsContact(user, { phoneNumber: '+6281234567890', firstName: 'Putu' });
    emulator.userSendsText(user, '/start daftar');

    await expect
      .poll(() => seen)
      .toEqual(['photo true KTP', 'voice audio/ogg 4', 'video rekaman.mp4', 'sticker 👍', 'location -8.112', 'contact +6281234567890', 'command daftar']);
  });

  it('delivers a button press and records the bot answering it once', async () => {
    const bot = newBot();
    bot.command('start', (ctx) => ctx.reply('Nilai layanan kami:', { reply_markup: new InlineKeyboard().text('⭐ 5', 'rate:5').text('⭐ 1', 'rate:1') }));
    bot.callbackQuery(/^rate:(\d)$/, (ctx) => ctx.answerCallbackQuery({ text: `Terima kasih, nilai ${ctx.match[1]}` }));
    await startPolling(bot);
    const user = testUser();

    emulator.userSendsText(user, '/start');
    const prompt = await emulator.waitForSent(user.id, (record) => record.text === 'Nilai layanan kami:');
    const { queryId } = emulator.userPressesButton(user, prompt.messageId, 'rate:5');
    const answered = await emulator.waitForCallbackAnswer(queryId);

    expect(answered.answer).toMatchObject({ text: 'Terima kasih, nilai 5', showAlert: false });
    const second = await raw('answerCallbackQuery', { callback_query_id: queryId });
    expect(second.body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    expect(() => emulator.userPressesButton(user, prompt.messageId, 'rate:9')).toThrow(/no button/);
  });

  it('delivers an edited_message update', async () => {
    const bot = newBot();
    bot.on('edited_message:text', (ctx) => ctx.reply(`Diperbarui: ${ctx.editedMessage.text}`));
    await startPolling(bot);
    const user = testUser();

    const original = emulator.userSendsText(user, 'Data tahun 2024');
    emulator.userEditsMessage(user, original.message_id, 'Data tahun 2025');

    const reply = await emulator.waitForSent(user.id, (record) => record.text?.startsWith('Diperbarui') ?? false);
    expect(reply.text).toBe('Diperbarui: Data tahun 2025');
  });

  it('answers 403 for a user who blocked the bot, and tells the bot by my_chat_member', async () => {
    const bot = newBot();
    const statuses: string[] = [];
    bot.on('my_chat_member', (ctx) => {
      statuses.push(ctx.myChatMember.new_chat_member.status);
    });
    await startPolling(bot);
    const user = testUser();
    emulator.userSendsText(user, 'halo');
    emulator.blockBot(user);

    await expect(bot.api.sendMessage(user.id, 'Tiket Anda KONS-5108-20260105-0001')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    await expect.poll(() => statuses).toEqual(['kicked']);
    await expect(bot.api.sendChatAction(user.id, 'typing')).rejects.toBeInstanceOf(GrammyError);
  });

  it('stops grammy with 401 for an unknown token and rejects text over 4096 characters', async () => {
    await expect(newBot('123:wrong').init()).rejects.toMatchObject({ error_code: 401, description: 'Unauthorized' });

    const bot = newBot();
    const user = testUser();
    emulator.userSendsText(user, 'halo');
    await expect(bot.api.sendMessage(user.id, 'x'.repeat(4097))).rejects.toMatchObject({ error_code: 400, description: 'Bad Request: message is too long' });
    // The limit applies after entity parsing: markup does not count, and it is UTF-16 units.
    await bot.api.sendMessage(user.id, `<b>${'x'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    await expect(bot.api.sendMessage(user.id, '😀'.repeat(2049))).rejects.toMatchObject({ description: 'Bad Request: message is too long' });
    await expect(bot.api.sendMessage(user.id, ' ')).rejects.toMatchObject({ description: 'Bad Request: message text is empty' });
    await expect(bot.api.sendMessage(user.id, 'KONS-5108.', { parse_mode: 'MarkdownV2' })).rejects.toMatchObject({
      description: "Bad Request: can't parse entities: Character '-' is reserved and must be escaped with the preceding '\\'",
    });
    await expect(bot.api.sendMessage(user.id, 'pilih', { reply_markup: new InlineKeyboard().text('x', 'd'.repeat(65)) })).rejects.toMatchObject({
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    const formatted = await bot.api.sendMessage(user.id, '*Tiket* KONS\\-5108', { parse_mode: 'MarkdownV2' });
    expect([formatted.text, formatted.entities]).toEqual(['Tiket KONS-5108', [{ type: 'bold', offset: 0, length: 5 }]]);
  });

  it('keeps commands set by the bot', async () => {
    const bot = newBot();
    await bot.api.setMyCommands([
      { command: 'start', description: 'Mulai konsultasi' },
      { command: 'selesai', description: 'Tutup konsultasi' },
    ]);
    expect(emulator.commands().map((command) => command.command)).toEqual(['start', 'selesai']);
    expect(await bot.api.getMyCommands()).toHaveLength(2);
    await expect(bot.api.setMyCommands([{ command: 'Mulai!', description: 'x' }])).rejects.toMatchObject({ description: 'Bad Request: BOT_COMMAND_INVALID' });
  });
});
