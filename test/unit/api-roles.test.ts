import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combineHandlers, query } from '../../src-main/core/api/define';
import { handlers } from '../../src-main/core/api';
import { empty } from '../../src-main/core/api/schemas';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

let core: TestCore;
beforeEach(async () => {
  core = await startCoreWithAdmin();
});
afterEach(() => core.dispose());

const auditCount = () => (core.services.db.prepare('SELECT count(*) AS n FROM audit_log').get() as any).n;

async function loginAs(role: 'officer' | 'supervisor', username: string) {
  await core.must('officers.create', { username, displayName: username, role, password: `sandi-${username}-123` });
  const s = memorySession();
  await core.must('auth.login', { username, password: `sandi-${username}-123` }, s);
  return s;
}

describe('handlers', () => {
  it('fail at start-up when a method is defined twice', () => {
    const dup = { 'app.info': query<'app.info'>({ access: 'public', input: empty, run: () => ({}) as never }) };
    expect(() => combineHandlers(handlers, dup)).toThrow(/Duplicate handler for contract method "app.info"/);
  });

  it('check roles: an officer cannot reach supervisor or admin methods', async () => {
    const officer = await loginAs('officer', 'nyoman');
    const supervisor = await loginAs('supervisor', 'ketut');
    expect(await core.call('officers.list', {}, officer)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('officers.list', {}, supervisor)).toMatchObject({ ok: true });
    expect(await core.call('officers.create', { username: 'x1', displayName: 'X', role: 'admin', password: 'sandi-x1-12345' }, supervisor)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await core.call('settings.update', { officeName: 'X' }, officer)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('audit.list', {}, supervisor)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('inbox.list', {}, officer)).toMatchObject({ ok: true });
  });

  it('audit every mutation with who, what, when and which entity, in the same transaction', async () => {
    const before = auditCount();
    const created = await core.must('officers.create', { username: 'wayan', displayName: 'Wayan', role: 'officer', password: 'sandi-wayan-123' });
    await core.must('officers.update', { id: created.id, signature: 'Salam, Wayan', password: 'sandi-baru-wayan' });
    await core.must('settings.update', { officeName: 'PST BPS Buleleng' });
    const entries = await core.must('audit.list', { limit: 3 });
    expect(auditCount()).toBe(before + 3);
    expect(entries.map((e) => [e.action, e.entityType, e.officerName])).toEqual([
      ['settings.update', 'settings', 'Admin PST'],
      ['officers.update', 'officer', 'Admin PST'],
      ['officers.create', 'officer', 'Admin PST'],
    ]);
    expect(entries[1]!.detail).toContain('"passwordChanged":true');
    expect(entries[1]!.detail).not.toContain('sandi-baru-wayan');
  });

  it('reject bad input with invalid_input, naming the field, and write nothing', async () => {
    const before = auditCount();
    const bad = [
      ['officers.create', { username: 'a b', displayName: 'X', role: 'officer', password: 'sandi-12345678' }, 'username'],
      ['officers.create', { username: 'ab1', displayName: 'X', role: 'root', password: 'sandi-12345678' }, 'role'],
      ['officers.update', { id: -1 }, 'id'],
      ['inbox.list', { limit: 100_000 }, 'limit'],
      ['inbox.list', { filter: { status: ['lost'] } }, 'filter.status.0'],
      ['messages.list', { conversationId: '1' }, 'conversationId'],
      ['settings.update', { language: 'fr' }, 'language'],
    ] as const;
    for (const [method, input, path] of bad) {
      const result = await core.call(method as any, input as any);
      expect(result, method).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
      expect(!result.ok && result.error.issues?.map((i) => i.path), method).toContain(path);
    }
    expect(await core.call('app.info', null as any)).toMatchObject({ ok: true });
    expect(await core.call('app.info', [] as any)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(auditCount()).toBe(before);
  });

  it('keep at least one active admin', async () => {
    const me = (await core.must('auth.status', {})).officer!;
    expect(await core.call('officers.update', { id: me.id, role: 'officer' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('officers.update', { id: me.id, disabled: true })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('officers.update', { id: 999, displayName: 'X' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('turn internal failures into the internal kind without leaking details', async () => {
    core.services.db.exec('DROP TABLE settings');
    const result = await core.call('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/no such table/);
  });
});
