// A bot token, a mail password and the BPS WebAPI key are planted, then every failure path a
// channel has is driven against the real peers: Telegram unreachable, 401, 409, 429, 5xx; IMAP and
// SMTP logins refused, SMTP unreachable, a TLS handshake against a plain port; BPS unreachable,
// refusing the key, 429, 5xx and too slow, each error page repeating the URL that carries the key. Afterwards no read method's answer (every
// query of the handler table, so new ones are searched too), no push event, no log line and no
// text file of the data folder holds the secret or the Bot API address that carries it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src-main/core/api/index';
import type { HandlerDef } from '../../src-main/core/api/define';
import type { Method } from '../../src-preload/contract';
import { startTelegramHarness, type TelegramHarness } from '../helpers/telegram';
import { testUser } from '../peers/telegram';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { accountInput, OFFICE, startEmailEnv, until } from './fixtures/email-env';
import { memorySession, type TestCore } from '../helpers/core';
import { ingest } from '../../src-main/core/inbound/ingest';
import { startCoreWithAdmin } from '../helpers/core';
import { startBpsEmulator, type BpsEmulator } from '../peers/bps';

const QUERIES = (Object.entries(handlers) as [Method, HandlerDef<Method>][]).filter(([, def]) => def.kind === 'query').map(([name]) => name);

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args.map((a) => (a instanceof Error ? `${a.message} ${a.stack ?? ''} ${String(a.cause ?? '')}` : (JSON.stringify(a) ?? String(a)))).join(' '),
      );
    });
});
afterEach(() => vi.restoreAllMocks());

/** Every read method's answer, with empty input and with the ids a conversation gives. */
async function everyAnswer(call: (method: Method, input: unknown) => Promise<unknown>, conversationId: number | null): Promise<string[]> {
  const inputs: unknown[] = [{}];
  if (conversationId !== null) inputs.push({ id: conversationId }, { conversationId });
  const answers: string[] = [];
  for (const method of QUERIES) for (const input of inputs) answers.push(`${method} ${JSON.stringify(await call(method, input))}`);
  return answers;
}

function dataFiles(dir: string): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, file);
    if (/\.(log|txt|json|ndjson)$/.test(file) && statSync(path).isFile()) texts.push(`${file}: ${readFileSync(path, 'utf8')}`);
  }
  return texts;
}

function expectNowhere(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text, text.slice(0, 120)).not.toContain(secret);
}

describe('a planted bot token', () => {
  let h: TelegramHarness;
  afterEach(async () => h?.close());

  it('never leaves its store through unreachable, 401, 409, 429 and 5xx', async () => {
    h = await startTelegramHarness({ telegram: { requestTimeoutMs: 500, backoffMs: { initial: 30, max: 120 } } });
    const seenStates = () => new Set(h.statuses().map((s) => s.state));
    await until('connected', () => seenStates().has('connected'), 5_000);
    const user = testUser({ firstName: 'Kadek' });
    const first = h.emulator.userSendsText(user, 'Mohon data jumlah penduduk Kecamatan Gerokgak 2024');
    const stored = await until(
      'stored',
      () =>
        h.core.services.db.prepare('SELECT conversation_id AS c FROM messages WHERE external_id = ?').get(`${user.id}:${first.message_id}`) as
          { c: number } | undefined,
    );

    const token = h.emulator.token;
    // Each fault's description carries the URL with the token, as a misbehaving proxy would echo it.
    const leaky = (method: string) => `Request to ${h.emulator.apiRoot}/bot${token}/${method} failed`;
    h.emulator.setUnreachable(true);
    await until('offline', () => seenStates().has('offline'), 5_000);
    h.emulator.setUnreachable(false);
    h.emulator.failNext('getUpdates', { status: 401, description: `Unauthorized: ${leaky('getUpdates')}`, times: 2 });
    await until('auth_failed', () => seenStates().has('auth_failed'), 5_000);
    h.emulator.failNext('getUpdates', { status: 409, description: `Conflict: terminated by other getUpdates request; ${leaky('getUpdates')}`, times: 2 });
    h.emulator.failNext('getUpdates', { status: 429, description: `Too Many Requests: ${leaky('getUpdates')}`, retryAfter: 1, times: 1 });
    h.emulator.failNext('sendMessage', { status: 500, description: `Internal Server Error ${leaky('sendMessage')}`, times: 3 });
    await h.must('messages.send', { conversationId: stored.c, text: 'Data tersedia di publikasi Kecamatan Gerokgak Dalam Angka 2025.' });
    await new Promise((r) => setTimeout(r, 2_500));
    // A refused token waits minutes before the next try (the production schedule), so the faults
    // armed after it may stay unserved; each that was served said its piece in the statuses.
    expect([...seenStates()]).toEqual(expect.arrayContaining(['connected', 'offline', 'auth_failed']));

    const secret = token.split(':')[1]!;
    const answers = await everyAnswer(
      (method, input) =>
        h.must(method, input as never).then(
          (value) => value,
          (error: Error) => error.message,
        ),
      stored.c,
    );
    expect(answers.length).toBeGreaterThan(QUERIES.length);
    expectNowhere([...answers, JSON.stringify(h.events), ...logged, ...dataFiles(h.dir)], [secret, h.emulator.apiRoot]);

    // The admin's "Detail" names the library's failure (searched above with every other answer)...
    const technical = (await h.must('channels.technicalDetail', {})).telegram;
    expect(technical?.text).toMatch(/GrammyError|HttpError/);
    // ...and an officer never gets it: refused, and in no answer they can read.
    await h.must('officers.create', { username: 'kadek', displayName: 'Kadek Petugas', role: 'officer', password: 'sandi-kadek-kuat-1' });
    const officer = memorySession();
    expect(await h.core.dispatch('auth.login', { username: 'kadek', password: 'sandi-kadek-kuat-1' }, officer)).toMatchObject({ ok: true });
    expect(await h.core.dispatch('channels.technicalDetail', {}, officer)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const officerAnswers = await everyAnswer((method, input) => h.core.dispatch(method, input as never, officer), stored.c);
    for (const answer of officerAnswers) expect(answer, answer.slice(0, 120)).not.toMatch(/GrammyError|HttpError|FetchError/);
    expectNowhere(officerAnswers, [technical!.text]);
  });
});

const available = requireMailPeers('secrets-planted');

describe.skipIf(!available)('a planted mail password', () => {
  let peers: MailPeers;
  let core: TestCore | undefined;
  beforeAll(async () => {
    peers = await startMailPeers();
  });
  afterAll(async () => peers?.stop());
  afterEach(async () => {
    await core?.dispose();
    core = undefined;
  });

  it('never leaves its store through refused logins, an unreachable SMTP server and a TLS handshake that fails', async () => {
    const PLANTED = 'Sandi-Kantor-Tertanam-7731!';
    // The password Dovecot does not know: IMAP and SMTP both refuse it.
    const env = await startEmailEnv(peers, { account: { password: PLANTED } });
    core = env.core;
    await until('IMAP login refused', () => env.statuses.some((s) => s.state === 'auth_failed'), 15_000);

    // The same password tried through the live test: refused logins, SMTP away, TLS against a plain port.
    const tries = [
      accountInput(peers, { password: PLANTED }),
      accountInput(peers, { password: PLANTED, smtpPort: 1 }),
      accountInput(peers, { password: PLANTED, imapTls: 'tls', smtpTls: 'tls' }),
    ];
    const tested: string[] = [];
    for (const input of tries) tested.push(JSON.stringify(await core.call('email.testConnection', input)));
    expect(tested.join(' ')).toMatch(/"ok":false/);

    // A reply that cannot go out: SMTP unreachable, with the planted password saved.
    await core.must('email.saveAccount', accountInput(peers, { password: PLANTED, smtpPort: 1 }));
    const { conversationId } = ingest(core.services, {
      channel: 'email',
      externalId: '<CAF=lovina-2025@mail.gmail.com>',
      sourceId: 'gede.arimbawa@gmail.com',
      receivedAt: Date.now(),
      subject: 'Permohonan data wisatawan Lovina',
      text: 'Selamat siang, mohon data jumlah wisatawan mancanegara ke Lovina tahun 2025 untuk penelitian.',
      requester: { name: 'Gede Arimbawa', email: 'gede.arimbawa@gmail.com' },
      thread: { mode: 'explicit' },
    });
    await core.must('messages.send', { conversationId, text: 'Baik Pak Gede, data kami kirim besok pagi.' });
    await new Promise((r) => setTimeout(r, 1_500));

    const answers = await everyAnswer((method, input) => core!.call(method as never, input as never), conversationId);
    // The admin's "Detail" has the refused login or the unreachable server, in the library's terms, without the password.
    expect((await core.must('channels.technicalDetail', {})).email?.text).toBeTruthy();
    expectNowhere(
      [...answers, ...tested, JSON.stringify(env.events), ...logged, ...dataFiles(core.dir)],
      [PLANTED, peers.users.find((u) => u.user === OFFICE)!.password],
    );
    await env.channels.stop();
  });
});

describe('a planted BPS WebAPI key', () => {
  let bps: BpsEmulator;
  let core: TestCore | undefined;
  afterEach(async () => {
    await core?.dispose();
    await bps?.close();
  });

  it('never leaves its store through an unreachable server, a refused key, 429, 5xx and a slow server', async () => {
    bps = await startBpsEmulator({ key: 'f3a9c1e7b2d84a6f9e0c5b7a1d3e8f24' });
    core = await startCoreWithAdmin({ bpsData: { apiRoot: bps.apiRoot, requestTimeoutMs: 300, minIntervalMs: 10, retryDelaysMs: [10, 20] } });
    await core.must('bpsData.saveKey', { key: bps.key });
    const { conversationId } = ingest(core.services, {
      channel: 'email',
      externalId: '<CAF=ipm-2026@mail.gmail.com>',
      sourceId: 'putu.eka@gmail.com',
      receivedAt: Date.now(),
      subject: 'Data IPM',
      text: 'Mohon data IPM Kabupaten Buleleng 2020-2024.',
      requester: { name: 'Putu Eka', email: 'putu.eka@gmail.com' },
      thread: { mode: 'explicit' },
    });

    const tried: string[] = [];
    const search = async (keyword: string) => tried.push(JSON.stringify(await core!.call('bpsData.search', { keyword, kind: 'table' })));
    bps.setUnreachable(true);
    await search('penduduk');
    tried.push(JSON.stringify(await core.call('bpsData.test', {})));
    bps.setUnreachable(false);
    bps.failNext(500, { times: 9 });
    await search('ipm');
    bps.failNext(429, { times: 9 });
    await search('kemiskinan');
    bps.failNext(401, { times: 3 });
    await search('wisatawan');
    tried.push(JSON.stringify(await core.call('bpsData.test', {})));
    bps.setSlow(600);
    await search('padi');
    tried.push(JSON.stringify(await core.call('bpsData.test', {})));
    bps.setSlow(0);
    // The same key typed again, refused by a server that has another: refused in our words.
    tried.push(JSON.stringify(await core.call('bpsData.saveKey', { key: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' })));
    expect(tried.join(' ')).toMatch(/bps\.unreachable/);
    expect(tried.join(' ')).toMatch(/bps\.server_error/);
    expect(tried.join(' ')).toMatch(/bps\.key_rejected/);
    expect(tried.join(' ')).toMatch(/bps\.timeout/);

    const answers = await everyAnswer((method, input) => core!.call(method as never, input as never), conversationId);
    expectNowhere([...answers, ...tried, ...logged, ...dataFiles(core.dir)], [bps.key, 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5', bps.apiRoot]);
    // The key is stored, as ciphertext only.
    const raw = core.services.db.prepare("SELECT ciphertext FROM secrets WHERE key = 'bps.webapi.key'").get() as { ciphertext: Buffer };
    expect(raw.ciphertext.includes(Buffer.from(bps.key))).toBe(false);
    expect(core.services.secrets.get('bps.webapi.key')).toBe(bps.key);
  });
});
