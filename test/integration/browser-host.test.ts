import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src-main/server/host';
import { ADMIN, startTestCore, type TestCore } from '../helpers/core';
import { ApiClient } from '../helpers/host';
import { ingest } from '../../src-main/core/inbound/ingest';

let core: TestCore;
let host: BrowserHost;
let api: ApiClient;

beforeEach(async () => {
  core = startTestCore();
  const rendererDir = join(core.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PST Console</title>');
  host = await startBrowserHost({ core, rendererDir });
  api = new ApiClient(host.origin, host.token);
});
afterEach(async () => {
  await host.close();
  await core.dispose();
});

const count = (table: string) => (core.services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('browser host: the token', () => {
  it('refuses every request without the per-start token with 401 and does nothing', async () => {
    for (const path of ['/', '/index.html', '/api/events']) {
      expect((await fetch(host.origin + path)).status, path).toBe(401);
    }
    const res = await fetch(`${host.origin}/api/auth.setupAdmin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(401);
    const wrong = await fetch(`${host.origin}/api/auth.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `pst_host_${new URL(host.origin).port}=guess` },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    expect(count('officers')).toBe(0);
  });

  it('trades ?token= in the first URL for an HttpOnly cookie and a clean address', async () => {
    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^pst_host_\d+=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const page = await fetch(host.origin + '/', { headers: { Cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('PST Console');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('accepts the token as a Bearer header for non-browser clients', async () => {
    const res = await fetch(`${host.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ ok: true, value: { name: 'PST Console', host: 'browser', dataDir: core.dir } });
  });

  it('listens on 127.0.0.1 only and rejects other Host names (DNS rebinding) and foreign origins', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // fetch() will not send a forged Host header; node:http will, as a rebinding page's browser would.
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/app.info',
          method: 'POST',
          headers: { Host: `evil.example:${host.port}`, Cookie: api.cookieHeader(), 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(rebinding).toBe(403);
    const crossSite = await api.call('app.info', {}, { headers: { Origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);
  });
});

describe('browser host: the API', () => {
  it('runs first run → logged in → logout over HTTP with the session in an HttpOnly cookie', async () => {
    expect((await api.call('auth.status')).body).toEqual({ ok: true, value: { needsSetup: true, officer: null } });
    const setup = await api.call('auth.setupAdmin', ADMIN);
    expect(setup.body).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    // No hash and no password field (the flag mustChangePassword is not password material).
    expect(JSON.stringify(setup.body)).not.toMatch(/scrypt|"password(_?hash)?"/i);
    expect(api.cookieHeader()).toMatch(/pst_session_\d+=/);
    expect((await api.call('auth.status')).body.value).toMatchObject({ needsSetup: false, officer: { username: 'admin' } });
    expect((await api.call('inbox.list', {})).body).toMatchObject({ ok: true, value: { items: [], total: 0 } });
    await api.call('auth.logout');
    expect((await api.call('inbox.list', {})).body).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('answers malformed bodies with invalid_input and writes nothing', async () => {
    const before = count('audit_log');
    expect((await api.call('auth.setupAdmin', undefined, { rawBody: '{"username": ' })).body).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect((await api.call('auth.setupAdmin', { ...ADMIN, password: 'short' })).body).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', issues: [{ path: 'password' }] },
    });
    expect((await api.call('auth.setupAdmin', { ...ADMIN, extra: true })).body.error.kind).toBe('invalid_input');
    const wrongType = await fetch(`${host.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Cookie: api.cookieHeader() },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    expect((await api.call('no.such.method')).body).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect((await api.call('__proto__')).body).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(count('officers')).toBe(0);
    expect(count('audit_log')).toBe(before);
  });

  it('pushes events to the SSE stream as they happen', async () => {
    expect((await api.call('auth.setupAdmin', ADMIN)).body).toMatchObject({ ok: true });
    const res = await fetch(`${host.origin}/api/events`, { headers: { Cookie: api.cookieHeader() } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    ingest(core.services, {
      channel: 'email',
      externalId: '<m1@x>',
      sourceId: 'ayu@example.id',
      receivedAt: Date.now(),
      text: 'Mohon data IPM',
      thread: { mode: 'explicit' },
    });
    let received = '';
    while (!received.includes('message.changed')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toMatch(/event: inbox.changed\ndata: \{"conversationIds":\[1\]\}/);
    await reader.cancel();
  });

  it('a stream opened after a colleague opened a consultation starts with who has what open', async () => {
    expect((await api.call('auth.setupAdmin', ADMIN)).body).toMatchObject({ ok: true });
    ingest(core.services, {
      channel: 'email',
      externalId: '<m2@x>',
      sourceId: 'ayu@example.id',
      receivedAt: Date.now(),
      text: 'Mohon data kemiskinan',
      thread: { mode: 'explicit' },
    });
    expect((await api.call('presence.set', { conversationId: 1, typing: false })).body).toMatchObject({ ok: true });
    const res = await fetch(`${host.origin}/api/events`, { headers: { Cookie: api.cookieHeader() } });
    const reader = res.body!.getReader();
    let received = '';
    while (!received.includes('event: presence.changed')) received += new TextDecoder().decode((await reader.read()).value);
    while (!received.endsWith('\n\n')) received += new TextDecoder().decode((await reader.read()).value);
    const data = /event: presence.changed\ndata: (.*)\n\n/.exec(received)?.[1];
    expect(JSON.parse(data ?? '{}')).toMatchObject({ presence: [{ conversationId: 1, typing: false, name: ADMIN.displayName }] });
    await reader.cancel();
  });
});

describe('browser host: secrets at rest', () => {
  it('keeps the key file readable by its owner only and stores no secret in clear', () => {
    const keyFile = join(core.dir, 'secret.key');
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const planted = 'bot-token-123456:PLANTED-SECRET-VALUE';
    core.services.secrets.set('telegram.token', planted);
    expect(core.services.secrets.get('telegram.token')).toBe(planted);
    core.services.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = ['pst-console.sqlite3', 'pst-console.sqlite3-wal'].map((f) => join(core.dir, f));
    for (const f of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(f);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from('PLANTED-SECRET-VALUE')), f).toBe(false);
    }
  });

  it('streams events only to a signed-in officer, from this origin, and ends the stream at logout', async () => {
    // The host token alone (no officer session) is not enough to listen.
    const anonymous = await fetch(`${host.origin}/api/events`, { headers: { Cookie: api.cookieHeader() } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    expect((await api.call('auth.setupAdmin', ADMIN)).body).toMatchObject({ ok: true });
    const foreign = await fetch(`${host.origin}/api/events`, { headers: { Cookie: api.cookieHeader(), Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);

    const res = await fetch(`${host.origin}/api/events`, { headers: { Cookie: api.cookieHeader() } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    expect((await api.call('auth.logout')).body).toMatchObject({ ok: true });
    // The server ends the stream: the next read is the end, not a frame.
    const next = await Promise.race([reader.read(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000))]);
    expect(next).toMatchObject({ done: true });
  });
});

describe('browser host: oversized requests', () => {
  // Sends `total` bytes in 1 MiB chunks (chunked, or with the length said up front) and returns the status and body.
  const post = (total: number, sayLength: boolean) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${host.origin}/api/auth.login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: api.cookieHeader(), ...(sayLength ? { 'Content-Length': String(total) } : {}) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });

  it('answers 413 with the error as data, whether the size is said up front or only found while reading', async () => {
    for (const sayLength of [false, true]) {
      const { status, body } = await post(50 * 1024 * 1024, sayLength);
      expect(status, `length said: ${sayLength}`).toBe(413);
      expect(JSON.parse(body)).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringContaining('terlalu besar') } });
    }
    // Nothing happened, and the host still answers.
    expect(count('audit_log')).toBe(0);
    expect((await api.call('auth.status')).status).toBe(200);
  });
});
