import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src-main/core/api/index';
import type { HandlerDef } from '../../src-main/core/api/define';
import type { Method } from '../../src-preload/contract';
import { REPO_ROOT } from '../helpers/host';
import { startBotApiEmulator, type BotApiEmulator } from '../peers/telegram';
import { startSeededHost, type SeededHost } from './fixtures/security-host';

/**
 * The BUILT browser host as an attacker on the same machine sees it. What browser-host.test.ts
 * already proves (the token cookie dance, Host/Origin checks, the key file mode) is not repeated.
 */

const SECRET_PART = 'PLANTEDtelegramSECRET_9f3kQz81xw';
const PLANTED_TOKEN = `5108999999:${SECRET_PART}`;
const PLANTED_PASSWORD = 'PLANTED-surel-SANDI-7c1d0e';
const table = handlers as Record<string, HandlerDef<Method>>;

let bot: BotApiEmulator;
let env: SeededHost;
beforeAll(async () => {
  bot = await startBotApiEmulator({ bots: [{ token: PLANTED_TOKEN, username: 'pst_planted_bot', firstName: 'PST' }] });
  env = await startSeededHost({ PST_TELEGRAM_API_ROOT: bot.apiRoot });
}, 60_000);
afterAll(async () => {
  await env?.stop();
  await bot?.close();
});

/** One raw TCP connect: resolves true when something accepted it. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

/** Listening TCP sockets on `port` from /proc/net/tcp{,6}, as hex local addresses. */
function listenersOn(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A') // 0A = LISTEN
      .map((cols) => cols[1]!.split(':')[0]!);
  });
}

describe('host security: where it listens', () => {
  it('binds 127.0.0.1 only: other loopback addresses and IPv6 are refused', async () => {
    const port = Number(new URL(env.host.origin).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    // A server bound to 0.0.0.0 or :: would accept these too; they stay on this machine.
    expect(await accepts('127.0.0.2', port)).toBe(false);
    expect(await accepts('::1', port)).toBe(false);
    if (process.platform === 'linux') expect(listenersOn(port)).toEqual(['0100007F']);
  });
});

describe('host security: the token on every route', () => {
  const assets = () => readdirSync(join(REPO_ROOT, 'out', 'renderer', 'assets')).map((f) => `/assets/${f}`);

  it('answers 401 without the token for static files, the event stream, every API method and odd verbs/paths', async () => {
    const paths = ['/', '/index.html', ...assets(), '/favicon.ico', '/no-such-file', '/api/events', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json'];
    for (const path of paths)
      for (const method of ['GET', 'HEAD']) expect((await fetch(env.host.origin + path, { method })).status, `${method} ${path}`).toBe(401);
    for (const name of Object.keys(table)) {
      const res = await fetch(`${env.host.origin}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status, name).toBe(401);
    }
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS'])
      expect((await fetch(`${env.host.origin}/api/auth.status`, { method })).status, method).toBe(401);
  });

  it('does not take the token from the query string of an API call, a near-miss token, or an officer session alone', async () => {
    const post = (path: string, headers: Record<string, string>) =>
      fetch(env.host.origin + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
    expect((await post(`/api/app.info?token=${env.host.token}`, {})).status).toBe(401);
    expect((await post('/api/app.info', { Authorization: `Bearer ${env.host.token.slice(0, -1)}` })).status).toBe(401);
    expect((await post('/api/app.info', { Authorization: `bearer ${env.host.token}` })).status).toBe(401);
    expect((await post('/api/app.info', { Cookie: `pst_host_${new URL(env.host.origin).port}=${env.host.token}x` })).status).toBe(401);
    const sessionOnly = env.admin
      .cookieHeader()
      .split('; ')
      .filter((c) => !c.startsWith('pst_host_'));
    expect((await post('/api/app.info', { Cookie: sessionOnly.join('; ') })).status).toBe(401);
  });

  it('with the token, static paths cannot climb out of the renderer folder', async () => {
    const pkg = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
    for (const path of [
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/%2e%2e/%2e%2e/%2e%2e' + env.dbFile,
    ]) {
      const res = await fetch(env.host.origin + path, { headers: { Cookie: env.admin.cookieHeader() } });
      const body = await res.text();
      expect(body.includes('"name": "pst-console"') || body === pkg, path).toBe(false);
      expect(body.startsWith('SQLite format'), path).toBe(false);
    }
  });
});

describe('host security: Content-Security-Policy', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );

  it('is strict on the page, on API answers and on the 401 page alike', async () => {
    const responses = [
      await fetch(env.host.origin + '/', { headers: { Cookie: env.admin.cookieHeader() } }),
      await fetch(`${env.host.origin}/api/app.info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: env.admin.cookieHeader() },
        body: '{}',
      }),
      await fetch(env.host.origin + '/'),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy');
      expect(csp, res.url).toBeTruthy();
      const d = directives(csp!);
      expect(d.get('script-src')).toEqual(["'self'"]); // no unsafe-inline/eval, no remote script
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('connect-src')).toEqual(["'self'"]); // the page can talk to this host only
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the built page needs nothing the policy forbids: no inline script, no remote script', async () => {
    const html = await (await fetch(env.host.origin + '/', { headers: { Cookie: env.admin.cookieHeader() } })).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body!.trim(), 'inline script').toBe('');
      expect(attrs).toMatch(/src="(\.?\/)?assets\//);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  });
});

describe('host security: planted secrets never come back out', () => {
  const needles = [SECRET_PART, PLANTED_PASSWORD].flatMap((s) => [s, Buffer.from(s).toString('base64'), Buffer.from(s).toString('hex')]);
  const leaks = (text: string) => needles.filter((n) => text.includes(n));

  beforeAll(async () => {
    const saved = await env.admin.call('telegram.saveToken', { token: PLANTED_TOKEN });
    expect(saved.body).toMatchObject({ ok: true, value: { hasToken: true, botUsername: 'pst_planted_bot' } });
    const mail = await env.admin.call('email.saveAccount', {
      enabled: false,
      imapHost: '127.0.0.1',
      imapPort: 1,
      imapTls: 'tls',
      smtpHost: '127.0.0.1',
      smtpPort: 1,
      smtpTls: 'tls',
      user: 'pst@example.test',
      fromAddress: '',
      senderName: 'PST',
      syncSince: null,
      tlsCaPem: null,
      password: PLANTED_PASSWORD,
    });
    expect(mail.body.ok, JSON.stringify(mail.body)).toBe(true);
    // The answers to the saving calls themselves do not echo what was saved.
    expect(leaks(JSON.stringify([saved.body, mail.body]))).toEqual([]);
    // Make the bot's polling fail both ways so any error logging (with its URL) happens now.
    const failedPolls = () => bot.requestLog().filter((e) => e.token === PLANTED_TOKEN && e.method.toLowerCase() === 'getupdates' && e.status === 500).length;
    bot.failNext('getUpdates', { status: 500, description: 'Internal Server Error', times: 2 });
    await vi.waitFor(() => expect(failedPolls()).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 50 });
    const lostAt = Date.now();
    bot.setUnreachable(true);
    // The host met the network loss (its poll reset or its next request refused): its Telegram
    // status says offline as of now, set in the same catch that would log the error.
    await vi.waitFor(
      async () => {
        const status = (await env.admin.call('telegram.status', {})).body;
        expect(status).toMatchObject({ ok: true, value: { state: 'offline' } });
        expect(status.value.updatedAt).toBeGreaterThanOrEqual(lostAt);
      },
      { timeout: 20_000, interval: 50 },
    );
    bot.setUnreachable(false);
    // The host really used the planted token, and saw it fail (the faults above were consumed).
    expect(failedPolls()).toBe(2);
  }, 30_000);

  it('are not in clear (nor base64/hex) in the database, its WAL, or any file of the data dir', () => {
    const files = walk(env.host.dataDir);
    expect(files.map((f) => f.slice(env.host.dataDir.length + 1))).toEqual(expect.arrayContaining(['pst-console.sqlite3', 'pst-console.sqlite3-wal']));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
    }
  });

  it('are not in the host process output (stdout/stderr)', () => {
    expect(env.host.output.length).toBeGreaterThan(0);
    expect(leaks(env.host.output.join('\n'))).toEqual([]);
  });

  it('no read method answers with them, called as admin with real ids', async () => {
    const idFor: Record<string, number> = {
      id: env.ids.conversation,
      conversationId: env.ids.conversation,
      messageId: env.ids.message,
      requesterId: env.ids.requester,
      officerId: env.ids.officer,
    };
    let answered = 0;
    for (const [name, def] of Object.entries(table)) {
      if (def.kind !== 'query' || name === 'email.testConnection') continue; // testConnection dials out
      const candidates: unknown[] = [{}];
      const ids = Object.fromEntries(Object.keys(shapeOf(def)).flatMap((k) => (k in idFor ? [[k, idFor[k]]] : [])));
      if (Object.keys(ids).length > 0) candidates.push(ids);
      if (name === 'attachments.get') candidates.push({ id: env.ids.attachment });
      for (const input of candidates) {
        const res = await env.admin.call(name, input);
        if (res.body.ok) answered++;
        expect(leaks(JSON.stringify(res.body)), name).toEqual([]);
      }
    }
    expect(answered).toBeGreaterThan(20);
    const audit = await env.admin.call('audit.list', { limit: 500 });
    expect(JSON.stringify(audit.body)).toMatch(/telegram\.saveToken/);
    expect(JSON.stringify(audit.body)).toMatch(/email\.saveAccount/);
  });
});

function shapeOf(def: HandlerDef<Method>): Record<string, unknown> {
  return (def.input as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape ?? {};
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [resolve(dir, e.name)]));
}
