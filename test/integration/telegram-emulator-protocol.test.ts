// The emulator's wire behaviour checked with raw HTTP: transports, getUpdates semantics,
// conflicts, retention, limits, rate limiting, fault injection and network loss.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock, startBotApiEmulator, testUser, type BotApiEmulator, type EmulatorOptions } from '../peers/telegram';

let emulator: BotApiEmulator | undefined;

async function start(options: EmulatorOptions = {}): Promise<BotApiEmulator> {
  emulator = await startBotApiEmulator(options);
  return emulator;
}

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

interface ApiBody {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

async function call(
  em: BotApiEmulator,
  method: string,
  params: Record<string, unknown> = {},
  init: { signal?: AbortSignal; token?: string } = {},
): Promise<{ status: number; body: ApiBody }> {
  const response = await fetch(`${em.apiRoot}/bot${init.token ?? em.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as ApiBody };
}

type UpdateList = Array<{ update_id: number; message?: { text?: string }; callback_query?: unknown; my_chat_member?: unknown }>;
const updates = (body: ApiBody) => body.result as UpdateList;
const texts = (body: ApiBody) => updates(body).map((update) => update.message?.text);
/** Until the emulator holds the long poll just sent: the next step must find it waiting. */
const pollWaiting = (em: BotApiEmulator) => vi.waitFor(() => expect(em.isLongPolling()).toBe(true), { timeout: 5_000, interval: 10 });

describe('transports and routing', () => {
  it('accepts GET, JSON, urlencoded and standard multipart, with case-insensitive method names', async () => {
    const em = await start();
    const user = testUser();
    em.userSendsText(user, 'halo');

    const viaGet = await fetch(`${em.apiRoot}/bot${em.token}/GETME`);
    expect(((await viaGet.json()) as ApiBody).result).toMatchObject({ is_bot: true, username: 'pst_buleleng_test_bot' });
    const viaForm = await fetch(`${em.apiRoot}/bot${em.token}/sendmessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        chat_id: String(user.id),
        text: 'lewat form',
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }),
      }),
    });
    expect(viaForm.status).toBe(200);
    const form = new FormData();
    form.append('chat_id', String(user.id));
    form.append('document', new Blob([new Uint8Array([1, 2, 3])]), 'data.csv');
    const viaMultipart = await fetch(`${em.apiRoot}/bot${em.token}/sendDocument`, { method: 'POST', body: form });
    expect(((await viaMultipart.json()) as ApiBody).result).toMatchObject({ document: { file_name: 'data.csv', mime_type: 'text/csv', file_size: 3 } });
    expect(em.sentTo(user.id).map((record) => record.text ?? record.file?.fileName)).toEqual(['lewat form', 'data.csv']);
    expect(em.sentTo(user.id)[0]?.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] });
  });

  it('answers 401 for an unknown token and 404 for an unknown method', async () => {
    const em = await start();
    expect(await call(em, 'getMe', {}, { token: '42:nope' })).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect(await call(em, 'sendTelepathy')).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
  });
});

describe('getUpdates', () => {
  it('confirms by offset, supports a negative offset and a limit, and keeps ids increasing across a jump', async () => {
    const em = await start({ firstUpdateId: 900_000 });
    const user = testUser();
    for (const text of ['a', 'b', 'c']) em.userSendsText(user, text);
    em.jumpUpdateId(1_250_000);
    em.userSendsText(user, 'd');

    const all = await call(em, 'getUpdates');
    expect(updates(all.body).map((update) => update.update_id)).toEqual([900_000, 900_001, 900_002, 1_250_000]);
    expect(texts((await call(em, 'getUpdates', { limit: 2 })).body)).toEqual(['a', 'b']);
    expect(texts((await call(em, 'getUpdates', { offset: 900_001 })).body)).toEqual(['b', 'c', 'd']);
    expect(em.pendingUpdateCount()).toBe(3); // 'a' is confirmed and gone
    expect(texts((await call(em, 'getUpdates', { offset: -1 })).body)).toEqual(['d']);
    expect(texts((await call(em, 'getUpdates')).body)).toEqual(['d']); // the earlier ones were forgotten
  });

  it('long-polls until an update arrives, and returns empty when the timeout passes', async () => {
    const em = await start();
    const user = testUser();
    const waiting = call(em, 'getUpdates', { timeout: 20 });
    await pollWaiting(em);
    em.userSendsText(user, 'datang');
    expect(texts((await waiting).body)).toEqual(['datang']);

    const startedAt = Date.now();
    const empty = await call(em, 'getUpdates', { offset: updates((await waiting).body)[0]!.update_id + 1, timeout: 1 });
    expect(empty.body).toEqual({ ok: true, result: [] });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900); // it did wait for the timeout
  });

  it('drops update types outside allowed_updates and remembers the setting', async () => {
    const em = await start();
    const user = testUser();
    em.userSendsText(user, 'pesan');
    em.blockBot(user); // my_chat_member
    const onlyMessages = await call(em, 'getUpdates', { allowed_updates: ['message'] });
    expect(updates(onlyMessages.body).map((update) => Object.keys(update)[1])).toEqual(['message']);
    em.unblockBot(user);
    expect(updates((await call(em, 'getUpdates')).body).map((update) => Object.keys(update)[1])).toEqual(['message']);
    em.unblockBot(user);
    expect(updates((await call(em, 'getUpdates', { allowed_updates: [] })).body).map((update) => Object.keys(update)[1])).toEqual([
      'message',
      'my_chat_member',
    ]);
  });

  it('terminates the earlier of two pollers with 409, and refuses polling while a webhook is set', async () => {
    const em = await start();
    const first = call(em, 'getUpdates', { timeout: 20 });
    await pollWaiting(em);
    const second = call(em, 'getUpdates', { timeout: 20 });
    expect(await first).toEqual({
      status: 409,
      body: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' },
    });
    em.userSendsText(testUser(), 'untuk poller kedua');
    expect(texts((await second).body)).toEqual(['untuk poller kedua']);

    expect((await call(em, 'setWebhook', { url: 'http://insecure.example' })).body.description).toBe(
      'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
    );
    expect((await call(em, 'setWebhook', { url: 'https://pst.example/hook' })).body.result).toBe(true);
    expect((await call(em, 'getWebhookInfo')).body.result).toMatchObject({ url: 'https://pst.example/hook', pending_update_count: 1 });
    expect(await call(em, 'getUpdates')).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      },
    });
    await call(em, 'deleteWebhook', { drop_pending_updates: true });
    expect(await call(em, 'getUpdates')).toEqual({ status: 200, body: { ok: true, result: [] } });
  });

  it('keeps unconfirmed updates for 24 hours by the injected clock', async () => {
    const clock = manualClock();
    const em = await start({ now: clock.now });
    const user = testUser();
    em.userSendsText(user, 'lama');
    clock.advance(12 * 3600_000);
    const recent = em.userSendsText(user, 'baru');
    expect(recent.date).toBe(Math.floor(clock.now() / 1000));
    clock.advance(12 * 3600_000 + 1);
    expect(texts((await call(em, 'getUpdates')).body)).toEqual(['baru']);
    expect(em.pendingUpdateCount()).toBe(1);
  });
});

describe('limits and errors', () => {
  it('limits getFile to 20 MB and downloads only issued paths', async () => {
    const em = await start();
    const user = testUser();
    const atLimit = em.userSendsDocument(user, Buffer.alloc(20 * 1024 * 1024), { fileName: 'pas.bin' });
    const overLimit = em.userSendsDocument(user, Buffer.alloc(20 * 1024 * 1024 + 1), { fileName: 'lebih.bin' });

    expect(await call(em, 'getFile', { file_id: overLimit.document!.file_id })).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: file is too big' },
    });
    const ok = await call(em, 'getFile', { file_id: atLimit.document!.file_id });
    expect(ok.body.result).toMatchObject({ file_size: 20 * 1024 * 1024, file_path: expect.stringMatching(/^documents\/file_\d+\.bin$/) });
    expect((await fetch(`${em.apiRoot}/file/bot${em.token}/documents/file_999.bin`)).status).toBe(404);
    expect((await call(em, 'getFile', { file_id: 'BQACAgUAAxkBAAInvalid' })).body.description).toBe('Bad Request: invalid file_id');
  });

  it('answers 413 to an upload over 50 MB', async () => {
    const em = await start();
    const user = testUser();
    em.userSendsText(user, 'halo');
    const form = new FormData();
    form.append('chat_id', String(user.id));
    form.append('document', new Blob([new Uint8Array(52 * 1024 * 1024)]), 'besar.zip');
    const response = await fetch(`${em.apiRoot}/bot${em.token}/sendDocument`, { method: 'POST', body: form });
    expect(await response.json()).toEqual({ ok: false, error_code: 413, description: 'Request Entity Too Large' });
    expect(em.sentTo(user.id)).toEqual([]);
  });

  it('rate-limits per chat and overall when switched on, deterministically by the clock', async () => {
    const clock = manualClock();
    const em = await start({ now: clock.now });
    const user = testUser();
    em.userSendsText(user, 'halo');
    for (let i = 0; i < 6; i += 1) expect((await call(em, 'sendMessage', { chat_id: user.id, text: `bebas ${i}` })).status).toBe(200); // off by default

    em.setRateLimits(true);
    for (let i = 0; i < 3; i += 1) expect((await call(em, 'sendMessage', { chat_id: user.id, text: `burst ${i}` })).status).toBe(200);
    expect(await call(em, 'sendMessage', { chat_id: user.id, text: 'terlalu cepat' })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    });
    clock.advance(1000);
    expect((await call(em, 'sendMessage', { chat_id: user.id, text: 'setelah menunggu' })).status).toBe(200);

    em.setRateLimits({ globalPerSecond: 5, perChatBurst: 3 });
    const users = Array.from({ length: 6 }, () => testUser());
    for (const other of users) em.userSendsText(other, 'halo');
    const statuses = [];
    for (const other of users) statuses.push((await call(em, 'sendMessage', { chat_id: other.id, text: 'siaran' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('checks edits and deletion like the real API', async () => {
    const em = await start();
    const user = testUser();
    const own = em.userSendsText(user, 'pesan pengguna');
    const keyboard = { inline_keyboard: [[{ text: 'Puas', callback_data: 'rate:5' }]] };
    const sent = await call(em, 'sendMessage', { chat_id: user.id, text: 'Nilai kami', reply_markup: keyboard });
    const messageId = (sent.body.result as { message_id: number }).message_id;

    expect(
      (await call(em, 'editMessageText', { chat_id: user.id, message_id: messageId, text: 'Nilai kami', reply_markup: keyboard })).body.description,
    ).toMatch(/^Bad Request: message is not modified/);
    const edited = await call(em, 'editMessageText', { chat_id: user.id, message_id: messageId, text: 'Terima kasih' });
    expect(edited.body.result).toMatchObject({ text: 'Terima kasih', edit_date: expect.any(Number) });
    expect((edited.body.result as Record<string, unknown>).reply_markup).toBeUndefined(); // no markup = keyboard removed
    expect(em.sentTo(user.id)[0]).toMatchObject({ text: 'Terima kasih', edits: [{ method: 'editMessageText', text: 'Terima kasih' }] });
    expect((await call(em, 'editMessageText', { chat_id: user.id, message_id: own.message_id, text: 'x' })).body.description).toBe(
      "Bad Request: message can't be edited",
    );
    expect((await call(em, 'editMessageText', { chat_id: user.id, message_id: 999, text: 'x' })).body.description).toBe(
      'Bad Request: message to edit not found',
    );
    expect((await call(em, 'deleteMessage', { chat_id: user.id, message_id: messageId })).body.result).toBe(true);
    expect(em.sentTo(user.id)[0]?.deleted).toBe(true);
    expect((await call(em, 'deleteMessage', { chat_id: user.id, message_id: messageId })).body.description).toBe('Bad Request: message to delete not found');
    expect((await call(em, 'sendMessage', { chat_id: 12345, text: 'x' })).body.description).toBe('Bad Request: chat not found');
  });

  it('refuses a callback answer after the timeout, and records chat actions and chat info', async () => {
    const clock = manualClock();
    const em = await start({ now: clock.now });
    const user = testUser({ firstName: 'Komang', username: 'komang' });
    em.userSendsText(user, 'halo');
    const sent = await call(em, 'sendMessage', {
      chat_id: user.id,
      text: 'Nilai',
      reply_markup: { inline_keyboard: [[{ text: '5', callback_data: 'rate:5' }]] },
    });
    const { queryId } = em.userPressesButton(user, (sent.body.result as { message_id: number }).message_id, 'rate:5');
    clock.advance(16_000);
    expect((await call(em, 'answerCallbackQuery', { callback_query_id: queryId })).body.description).toBe(
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
    expect(em.callbackQuery(queryId)?.answer).toBeNull();

    expect((await call(em, 'sendChatAction', { chat_id: user.id, action: 'typing' })).body.result).toBe(true);
    expect((await call(em, 'sendChatAction', { chat_id: user.id, action: 'dancing' })).body.description).toBe('Bad Request: wrong parameter action in request');
    expect(em.chatActions(user.id)).toEqual(['typing']);
    expect((await call(em, 'getChat', { chat_id: user.id })).body.result).toMatchObject({
      id: user.id,
      type: 'private',
      first_name: 'Komang',
      username: 'komang',
    });
  });
});

describe('fault injection and network loss', () => {
  it('fails the next calls as told: 5xx, 429, a delay, and a hang', async () => {
    const em = await start();
    em.failNext('getMe', { status: 502, times: 2 });
    expect((await call(em, 'getMe')).body).toEqual({ ok: false, error_code: 502, description: 'Bad Gateway' });
    expect((await call(em, 'getMe')).status).toBe(502);
    expect((await call(em, 'getMe')).status).toBe(200);

    em.failNext('*', { status: 429, retryAfter: 7 });
    expect((await call(em, 'getWebhookInfo')).body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });

    em.failNext('getMe', { delayMs: 50 });
    expect((await call(em, 'getMe')).status).toBe(200);

    em.failNext('getMe', { hang: true });
    await expect(call(em, 'getMe', {}, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    expect((await call(em, 'getMe')).status).toBe(200);
  });

  it('resets connections while unreachable, including a pending long poll', async () => {
    const em = await start();
    const polling = call(em, 'getUpdates', { timeout: 20 }).catch((error: unknown) => error);
    await pollWaiting(em);
    em.setUnreachable(true);
    expect(await polling).toBeInstanceOf(TypeError); // fetch failed: socket reset
    await expect(call(em, 'getMe')).rejects.toThrow(/fetch failed/);
    em.setUnreachable(false);
    expect((await call(em, 'getMe')).status).toBe(200);
  });
});
