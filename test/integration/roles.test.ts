import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_AFTER } from '../../src-main/core/api/auth';
import { handlers } from '../../src-main/core/api/index';
import type { HandlerDef } from '../../src-main/core/api/define';
import type { Method } from '../../src-preload/contract';
import type { ApiClient } from '../helpers/host';
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

let env: SeededHost;
let reader: Database.Database;
beforeAll(async () => {
  env = await startSeededHost();
  reader = new Database(env.dbFile, { readonly: true });
}, 60_000);
afterAll(async () => {
  reader?.close();
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
    expect(client.cookieHeader()).not.toMatch(/pst_session=/);
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
  const lockState = (username: string) =>
    reader.prepare('SELECT failed_logins AS failures, locked_until AS lockedUntil FROM officers WHERE username = ?').get(username) as {
      failures: number;
      lockedUntil: number | null;
    };

  it(`counts wrong passwords, locks the account after ${LOCK_AFTER}, and refuses even the right password while locked`, async () => {
    const who = { username: 'sasaran', displayName: 'Sasaran Tebakan', password: 'rahasia-sasaran-12' };
    expect((await env.admin.call('officers.create', { ...who, role: 'officer' })).body.ok).toBe(true);
    const attacker = env.anonymous();
    const messages = new Set<string>();
    for (let i = 1; i <= LOCK_AFTER; i++) {
      const res = await attacker.call('auth.login', { username: who.username, password: `tebakan-${i}` });
      expect(res.body).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      messages.add(res.body.error.message);
      expect(lockState(who.username).failures).toBe(i);
      expect(lockState(who.username).lockedUntil === null).toBe(i < LOCK_AFTER);
    }
    const { lockedUntil } = lockState(who.username);
    expect(lockedUntil).toBeGreaterThan(Date.now());

    const locked = await attacker.call('auth.login', { username: who.username, password: who.password });
    expect(locked.body).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(locked.body.error.message).toMatch(/Terlalu banyak percobaan gagal; coba lagi dalam \d+ menit/);
    expect(attacker.cookieHeader()).not.toMatch(/pst_session=/);
    // Attempts while locked neither unlock nor extend the lock silently.
    expect(lockState(who.username)).toEqual({ failures: LOCK_AFTER, lockedUntil });

    // A wrong password and an unknown name read the same: the answer does not reveal which names exist.
    const unknown = await attacker.call('auth.login', { username: 'tidak-ada-orangnya', password: 'apa-saja-123' });
    expect(messages).toEqual(new Set([unknown.body.error.message]));
  }, 60_000);

  it('a successful login resets the failure count', async () => {
    const who = { username: 'pelupa', displayName: 'Petugas Pelupa', password: 'rahasia-pelupa-123' };
    expect((await env.admin.call('officers.create', { ...who, role: 'officer' })).body.ok).toBe(true);
    const client = env.anonymous();
    for (let i = 0; i < 2; i++) await client.call('auth.login', { username: who.username, password: 'salah-lagi-123' });
    expect(lockState(who.username).failures).toBe(2);
    expect((await client.call('auth.login', { username: who.username, password: who.password })).body.ok).toBe(true);
    expect(lockState(who.username)).toEqual({ failures: 0, lockedUntil: null });
  });
});
