import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import type { LanSessionView, LanView } from '../../src-preload/contract';
import { certificateFingerprint, fingerprintMatches, pemFingerprint } from '../../src-main/core/security/certificate-pin';
import { startLanHost, type LanHost } from '../../src-main/server/lan';
import { startBrowserHost, type BrowserHost } from '../../src-main/server/host';
import { startCoreWithAdmin, memorySession, type TestCore } from '../helpers/core';
import { freePortOn } from '../helpers/free-port';
import { LanClient, PinMismatch, pinnedSocket } from '../helpers/lan-client';

// The host PC serves the console on 127.0.0.2 to "the office network" 127.0.0.2/32; "PC 2"
// connects from 127.0.0.2 and "a stranger's laptop" from 127.0.0.3. Real HTTPS over loopback.
const HOST_IP = '127.0.0.2';
const PC2 = '127.0.0.2';
const STRANGER = '127.0.0.3';
const OFFICER = { username: 'petugas', displayName: 'Petugas Dua', password: 'rahasia-petugas-123' };

let core: TestCore;
let lan: LanHost;
let loopback: BrowserHost;
let port: number;
let pin: string;
let clockOffset = 0;

const settings = (enabled: boolean) => ({ enabled, bindAddresses: [HOST_IP], port, allowedSubnets: [`${HOST_IP}/32`], idleMinutes: 5 });

async function switchLan(enabled: boolean): Promise<LanView> {
  const view = await core.must('lan.set', settings(enabled));
  await lan.apply(); // waits for the listener the handler asked for
  return view;
}

async function loggedInPc2(): Promise<LanClient> {
  const client = new LanClient(HOST_IP, port, PC2, pin);
  const login = await client.call('auth.login', { username: OFFICER.username, password: OFFICER.password });
  expect(login.result?.ok).toBe(true);
  return client;
}

/** Whether a plain TCP+TLS attempt from `localAddress` gets a TLS session at all. */
const tlsFrom = (localAddress: string) =>
  pinnedSocket({ host: HOST_IP, port, localAddress, pin }).then(
    (s) => (s.destroy(), 'served'),
    (e: Error) => e,
  );

beforeAll(async () => {
  core = await startCoreWithAdmin({ now: () => Date.now() + clockOffset });
  await core.must('officers.create', { ...OFFICER, role: 'officer' });
  const rendererDir = join(core.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PST Console</title>');
  loopback = await startBrowserHost({ core, rendererDir });
  lan = startLanHost({ core, rendererDir });
  port = await freePortOn(HOST_IP);
  const view = await switchLan(true);
  pin = view.certificate!.fingerprint;
}, 60_000);

afterAll(async () => {
  await lan?.close();
  await loopback?.close();
  await core?.dispose();
});

describe('the console for other PCs (HTTPS on the office network)', () => {
  it('makes its own certificate for the chosen address and shows its fingerprint and the address to open', async () => {
    const view = await core.must('lan.get', {});
    expect(view.settings.enabled).toBe(true);
    expect(view.urls).toEqual([`https://${HOST_IP}:${port}`]);
    expect(view.problem).toBeNull();
    expect(view.certificate).toMatchObject({ source: 'self_signed', addresses: [HOST_IP] });
    expect(view.certificate!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // The private key is nowhere in what the API answers.
    expect(JSON.stringify(view)).not.toMatch(/PRIVATE KEY/);
    // The certificate PC 2 is shown over TLS is the one whose fingerprint the admin reads out.
    const socket = await pinnedSocket({ host: HOST_IP, port, localAddress: PC2, pin });
    expect(certificateFingerprint(socket.getPeerCertificate().raw)).toBe(pin);
    socket.destroy();
  });

  it('lets an officer on an allowed PC log in over HTTPS, with a Secure, HttpOnly, SameSite=Strict cookie', async () => {
    const client = new LanClient(HOST_IP, port, PC2, pin);
    const before = await client.call('inbox.list', {});
    expect(before.result?.error?.code).toBe('auth.sign_in_first');

    const login = await client.call('auth.login', { username: OFFICER.username, password: OFFICER.password });
    expect(login.status).toBe(200);
    expect(login.result?.ok).toBe(true);
    const cookie = client.lastSetCookies.find((line) => line.startsWith(`__Host-pst_lan_${port}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);

    const status = await client.call('auth.status', {});
    expect(status.result?.value).toMatchObject({ officer: { username: OFFICER.username } });
    // The admin sees where the session comes from, and the login's audit row says it too.
    const sessions = await core.must('lan.listSessions', {});
    expect(sessions.filter((s) => s.remoteAddress === PC2 && s.officerName === OFFICER.displayName)).toHaveLength(1);
    expect(sessions.some((s) => s.remoteAddress === null && s.current)).toBe(true);
    const audit = await core.must('audit.list', {});
    const loginRow = audit.find((row) => row.action === 'auth.login');
    expect(JSON.parse(loginRow!.detail!)).toEqual({ remoteAddress: PC2 });
  });

  it('refuses a PC outside the allowed subnets before anything is served', async () => {
    const refused = await tlsFrom(STRANGER);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as NodeJS.ErrnoException).code).toMatch(/ECONNRESET|EPIPE/);
    expect(await tlsFrom(PC2)).toBe('served');
  });

  it('refuses plain HTTP on the office-network port', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest(
        { host: HOST_IP, port, localAddress: PC2, method: 'POST', path: '/api/auth.status', headers: { 'Content-Type': 'application/json' } },
        (res) => resolve(`status ${res.statusCode}`),
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
      req.end('{}');
    });
    // No HTTP answer at all: the TLS listener drops what is not a TLS handshake.
    expect(outcome).toMatch(/^error /);
  });

  it('takes no token from the URL: the first page is served as it is and the API still wants a login', async () => {
    const client = new LanClient(HOST_IP, port, PC2, pin);
    const page = await client.raw('GET', `/?token=${loopback.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).toContain('PST Console');
    const bearer = await client.call('inbox.list', {}, { Authorization: `Bearer ${loopback.token}` });
    expect(bearer.result?.error?.code).toBe('auth.sign_in_first');
  });

  it('refuses a POST from another origin, a POST without an origin, and another Host name', async () => {
    const client = await loggedInPc2();
    const evil = await client.call('inbox.list', {}, { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const plainOrigin = await client.call('inbox.list', {}, { Origin: `http://${HOST_IP}:${port}` });
    expect(plainOrigin.status).toBe(403);
    const noOrigin = await client.raw('POST', '/api/inbox.list', { 'Content-Type': 'application/json' }, '{}');
    expect(noOrigin.status).toBe(403);
    // DNS rebinding: a name that resolves here is not one of the console's addresses.
    const rebound = await client.raw(
      'POST',
      '/api/inbox.list',
      { 'Content-Type': 'application/json', Origin: client.origin, Host: `pst.evil.example:${port}` },
      '{}',
    );
    expect(rebound.status).toBe(403);
    const ok = await client.call('inbox.list', {});
    expect(ok.result?.ok).toBe(true);
  });

  it('refuses a host whose certificate is not the pinned one', async () => {
    const other = await generate([{ name: 'commonName', value: 'PST Console' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: HOST_IP }] }],
    });
    const otherPin = pemFingerprint(other.cert);
    expect(otherPin).not.toBe(pin);
    const client = new LanClient(HOST_IP, port, PC2, otherPin);
    await expect(client.call('auth.login', { username: OFFICER.username, password: OFFICER.password })).rejects.toBeInstanceOf(PinMismatch);
    // The same check in its pure form, as the desktop app's client mode uses it.
    const socket = await pinnedSocket({ host: HOST_IP, port, localAddress: PC2, pin });
    const der = socket.getPeerCertificate().raw;
    socket.destroy();
    expect(fingerprintMatches(pin, der)).toBe(true);
    expect(fingerprintMatches(otherPin, der)).toBe(false);
    expect(fingerprintMatches(pin.toLowerCase().replaceAll(':', ''), der)).toBe(true);
  });

  it('rate-limits wrong passwords per address: PC 2 is locked out of the name, this PC is not', async () => {
    const client = new LanClient(HOST_IP, port, PC2, pin);
    const name = 'penyelia';
    await core.must('officers.create', { username: name, displayName: 'Penyelia', role: 'supervisor', password: 'rahasia-penyelia-123' });
    for (let i = 0; i < 5; i++) {
      const wrong = await client.call('auth.login', { username: name, password: `salah-${i}` });
      expect(wrong.result?.error?.code).toBe('auth.wrong_credentials');
    }
    const right = await client.call('auth.login', { username: name, password: 'rahasia-penyelia-123' });
    expect(right.result?.error?.code).toBe('auth.locked_out');
    // The host PC's own browser (another caller) logs in as usual.
    const here = await core.call('auth.login', { username: name, password: 'rahasia-penyelia-123' }, { ...memorySession(), caller: '127.0.0.1' });
    expect(here.ok).toBe(true);
  }, 30_000);

  it('ends a session from another PC after the idle time, while this PC keeps its 12 hours', async () => {
    const client = await loggedInPc2();
    expect((await client.call('inbox.list', {})).result?.ok).toBe(true);
    clockOffset += 4 * 60_000;
    expect((await client.call('inbox.list', {})).result?.ok).toBe(true); // used: the 5 minutes start again
    clockOffset += 6 * 60_000;
    const after = await client.call('inbox.list', {});
    expect(after.result?.error?.code).toBe('auth.sign_in_first');
    // The admin on the host PC, idle as long, is still signed in.
    expect((await core.call('lan.get', {})).ok).toBe(true);
  });

  it('lets the admin end one session: that PC is signed out at its next call and its event stream closes', async () => {
    const since = Date.now() + clockOffset;
    const client = await loggedInPc2();
    const stream = await client.events();
    expect(stream.status).toBe(200);
    clockOffset += 1000; // the second login is visibly later in the list
    const others = await loggedInPc2();
    const fromPc2 = (await core.must('lan.listSessions', {}))
      .filter((s: LanSessionView) => s.remoteAddress === PC2 && s.createdAt >= since)
      .sort((a, b) => a.createdAt - b.createdAt);
    expect(fromPc2).toHaveLength(2);
    const statusOf = async (c: LanClient) => (await c.call('auth.status', {})).result?.value as { officer: unknown };
    const target = fromPc2[0]!;
    expect(await core.must('lan.endSession', { id: target.id })).toEqual({ ended: true });
    await stream.ended;
    expect((await client.call('inbox.list', {})).result?.error?.code).toBe('auth.sign_in_first');
    expect((await statusOf(others)).officer).not.toBeNull();
    const again = await core.call('lan.endSession', { id: target.id });
    expect(again.ok).toBe(false);
  });

  it('switching the service off ends every session from other PCs and their event streams, and stops listening', async () => {
    const client = await loggedInPc2();
    const stream = await client.events();
    expect(stream.status).toBe(200);
    const view = await switchLan(false);
    expect(view.settings.enabled).toBe(false);
    await stream.ended;
    expect((await core.must('lan.listSessions', {})).filter((s) => s.remoteAddress !== null)).toEqual([]);
    const gone = await tlsFrom(PC2);
    expect((gone as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    // The host PC's own session is untouched.
    expect((await core.call('lan.get', {})).ok).toBe(true);

    // Switched on again: the same certificate (the pin PC 2 confirmed stays valid), but the old login is gone.
    const back = await switchLan(true);
    expect(back.certificate!.fingerprint).toBe(pin);
    expect((await client.call('inbox.list', {})).result?.error?.code).toBe('auth.sign_in_first');
  });

  it('only an admin may see or change it', async () => {
    const client = await loggedInPc2();
    for (const method of ['lan.get', 'lan.listSessions']) expect((await client.call(method, {})).result?.error?.code).toBe('auth.role_not_allowed');
    expect((await client.call('lan.set', settings(false))).result?.error?.code).toBe('auth.role_not_allowed');
  });
});
