import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src-main/core/api/index';
import type { HandlerDef } from '../../src-main/core/api/define';
import { LOGIN_THROTTLE_DEFAULTS } from '../../src-main/core/security/login-throttle';
import type { Method } from '../../src-preload/contract';
import { ApiClient } from '../helpers/host';
import { DISABLED, OFFICER, startSeededHost, type SeededHost } from './fixtures/security-host';

/**
 * Roles over HTTP against the BUILT host: the handler table says who may call what, and the host
 * must enforce it for every method, whatever the input, before anything is validated or written.
 */

const table = handlers as Record<string, HandlerDef<Method>>;
const byAccess = (...levels: string[]) =>
  Object.keys(table)
    .filter((m) => levels.includes(table[m]!.access))
    .sort();

const LOCK_AFTER = LOGIN_THROTTLE_DEFAULTS.lockAfter;

let env: SeededHost;
beforeAll(async () => {
  env = await startSeededHost();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

/** Inputs from empty to plausible: the role check must come first for all of them. */
const anyInput = fc.oneof(
  fc.constant({}),
  fc.constant(null),
  fc.record({ id: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ conversationId: fc.integer({ min: 1, max: 5 }), text: fc.string() }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
);

async function expectAllForbidden(client: ApiClient, methods: string[]): Promise<void> {
  const before = env.digest();
  for (const method of methods) {
    await fc.assert(
      fc.asyncProperty(anyInput, async (input) => {
        const res = await client.call(method, input);
        expect(res.status).toBe(200);
        expect(res.body, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
        // The refusal tells nothing about the input (no issues list for an unauthorised caller).
        expect(res.body.error.issues).toBeUndefined();
      }),
      { numRuns: 4 },
    );
  }
  expect(env.digest(), 'a refused call wrote something').toEqual(before);
}

describe('roles: every method above the caller is refused', () => {
  it('the table has methods at every level (so the checks below are not empty)', () => {
    expect(byAccess('supervisor').length).toBeGreaterThan(3);
    expect(byAccess('admin').length).toBeGreaterThan(10);
    expect(byAccess('officer').length).toBeGreaterThan(20);
  });

  it('a plain officer gets forbidden from every supervisor and admin method, and nothing is written', async () => {
    expect((await env.officer.call('auth.status')).body.value.officer).toMatchObject({ username: OFFICER.username, role: 'officer' });
    await expectAllForbidden(env.officer, byAccess('supervisor', 'admin'));
  });

  it('a supervisor gets forbidden from every admin method', async () => {
    await expectAllForbidden(env.supervisor, byAccess('admin'));
  });

  it('a caller with the host token but no login gets forbidden from every non-public method', async () => {
    await expectAllForbidden(env.anonymous(), byAccess('officer', 'supervisor', 'admin'));
  }, 60_000);

  it('an officer cannot raise their own role through the methods they may call', async () => {
    const me = (await env.officer.call('auth.status')).body.value.officer as { id: number };
    expect((await env.officer.call('auth.updateProfile', { displayName: 'Saya', role: 'admin' })).body.error.kind).toBe('invalid_input');
    expect((await env.officer.call('officers.update', { id: me.id, role: 'admin' })).body.error.kind).toBe('forbidden');
    expect((await env.officer.call('auth.status')).body.value.officer.role).toBe('officer');
  });
});

describe('roles: disabled officers', () => {
  it('a disabled officer cannot log in, even with the right password, and gets no session', async () => {
    const client = env.anonymous();
    const res = await client.call('auth.login', { username: DISABLED.username, password: DISABLED.password });
    expect(res.body).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(res.body.error.message).toMatch(/dinonaktifkan/);
    expect(client.cookieHeader()).not.toMatch(/pst_session_\d+=/);
    expect((await client.call('inbox.list', {})).body.error.kind).toBe('forbidden');
  });

  it('disabling an officer ends the login they already have', async () => {
    const who = { username: 'sementara', displayName: 'Petugas Sementara', password: 'rahasia-sementara-1' };
    const created = await env.admin.call('officers.create', { ...who, role: 'officer' });
    const client = env.anonymous();
    expect((await client.call('auth.login', { username: who.username, password: who.password })).body.ok).toBe(true);
    expect((await client.call('inbox.list', {})).body.ok).toBe(true);
    expect((await env.admin.call('officers.update', { id: created.body.value.id, disabled: true })).body.ok).toBe(true);
    expect((await client.call('inbox.list', {})).body).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('roles: guessing passwords', () => {
  /** Another PC as the host sees it: its own loopback address. */
  const from = (address: string) => new ApiClient(env.host.origin, env.host.token, address);
  const create = async (who: { username: string; password: string }) =>
    expect((await env.admin.call('officers.create', { ...who, displayName: 'Petugas Uji', role: 'officer' })).body.ok).toBe(true);
  /** Wrong passwords for a name: each answer's code, message and how long it took. */
  const guess = async (client: ApiClient, username: string, times: number) => {
    const answers: { code: string; message: string; ms: number }[] = [];
    for (let i = 1; i <= times; i++) {
      const started = performance.now();
      const res = await client.call('auth.login', { username, password: `tebakan-ke-${i}` });
      answers.push({ code: res.body.error?.code, message: res.body.error?.message, ms: performance.now() - started });
    }
    return answers;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  it(`a real name and a made-up one answer alike: the same words, a lock after ${LOCK_AFTER} for both, the same time`, async () => {
    await create({ username: 'sasaran', password: 'rahasia-sasaran-12' });
    const real = await guess(from('127.0.0.2'), 'sasaran', LOCK_AFTER + 1);
    const madeUp = await guess(from('127.0.0.3'), 'tidak-ada-orangnya', LOCK_AFTER + 1);
    const words = (answers: typeof real) => answers.map((a) => `${a.code}: ${a.message.replace(/\d+ menit/, 'N menit')}`);
    expect(words(real)).toEqual(words(madeUp));
    // What a person trying would read: "wrong" five times, then "too many attempts".
    expect(words(real)).toEqual([
      ...Array<string>(LOCK_AFTER).fill('auth.wrong_credentials: Nama pengguna atau kata sandi salah'),
      'auth.locked_out: Terlalu banyak percobaan gagal; coba lagi dalam N menit',
    ]);
    // Both pay the password check and the pause on a wrong guess; neither is measurably faster.
    const failing = (answers: typeof real) => median(answers.slice(0, LOCK_AFTER).map((a) => a.ms));
    expect(Math.abs(failing(real) - failing(madeUp))).toBeLessThan(150);
  }, 60_000);

  it('a name locked from one PC still logs in from another; the admin can lift the lock', async () => {
    const who = { username: 'terkunci', password: 'rahasia-terkunci-1' };
    await create(who);
    const attacker = from('127.0.0.4');
    await guess(attacker, who.username, LOCK_AFTER);
    expect((await attacker.call('auth.login', who)).body.error.code).toBe('auth.locked_out');
    // The officer at their own desk is not locked out by someone else's guessing.
    const desk = from('127.0.0.5');
    expect((await desk.call('auth.login', who)).body.ok).toBe(true);
    expect((await desk.call('inbox.list', {})).body.ok).toBe(true);
    // An officer may not unlock; the admin may, for every PC, and it is audited.
    expect((await env.officer.call('auth.unlock', { username: who.username })).body.error.kind).toBe('forbidden');
    expect((await env.admin.call('auth.unlock', { username: who.username })).body).toEqual({ ok: true, value: { wasLocked: true } });
    expect((await attacker.call('auth.login', who)).body.ok).toBe(true);
    const audit = (await env.admin.call('audit.list', { limit: 5 })).body.value as { action: string; detail: string }[];
    expect(audit.find((a) => a.action === 'auth.unlock')?.detail).toContain(who.username);
  }, 60_000);

  it('one PC that tries many names is paused as a whole, and only that PC', async () => {
    const sprayer = from('127.0.0.6');
    const names = Array.from({ length: LOGIN_THROTTLE_DEFAULTS.callerLimit }, (_, i) => `coba-nama-${i}`);
    for (const name of names) await sprayer.call('auth.login', { username: name, password: 'tebakan-acak-1' });
    // Even the right password of a real officer is refused from that PC now...
    const paused = await sprayer.call('auth.login', { username: OFFICER.username, password: OFFICER.password });
    expect(paused.body.error).toMatchObject({ kind: 'forbidden', code: 'auth.caller_paused' });
    expect(paused.body.error.message).toMatch(/^Terlalu banyak percobaan gagal dari perangkat ini; coba lagi dalam \d+ menit$/);
    // ...while the same officer logs in from any other PC.
    expect((await from('127.0.0.7').call('auth.login', { username: OFFICER.username, password: OFFICER.password })).body.ok).toBe(true);
  }, 120_000);

  it('a successful login starts the count afresh', async () => {
    const who = { username: 'pelupa', password: 'rahasia-pelupa-123' };
    await create(who);
    const client = from('127.0.0.8');
    await guess(client, who.username, LOCK_AFTER - 1);
    expect((await client.call('auth.login', who)).body.ok).toBe(true);
    // Four more wrong ones are "wrong", not "locked": the earlier four no longer count.
    expect((await guess(client, who.username, LOCK_AFTER - 1)).map((a) => a.code)).toEqual(Array(LOCK_AFTER - 1).fill('auth.wrong_credentials'));
  }, 60_000);
});
