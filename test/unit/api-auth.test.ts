import { afterEach, describe, expect, it } from 'vitest';
import { wordCoreMessage } from '../../src-common/messages';
import { LOGIN_THROTTLE_DEFAULTS } from '../../src-main/core/security/login-throttle';

const LOCK_AFTER = LOGIN_THROTTLE_DEFAULTS.lockAfter;
import { ADMIN, memorySession, startCoreWithAdmin, startTestCore, type TestCore } from '../helpers/core';

let core: TestCore;
afterEach(() => core.dispose());

const audit = () =>
  core.services.db
    .prepare('SELECT officer_id AS officerId, action, entity_type AS entityType, entity_id AS entityId, detail FROM audit_log ORDER BY id')
    .all() as any[];

describe('first run and login', () => {
  it('asks for the admin account first; there is no default password', async () => {
    core = startTestCore();
    expect(await core.must('auth.status', {})).toEqual({ needsSetup: true, officer: null });
    expect(await core.call('auth.login', { username: 'admin', password: 'admin' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const admin = await core.must('auth.setupAdmin', ADMIN);
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', disabled: false });
    expect(await core.must('auth.status', {})).toMatchObject({ needsSetup: false, officer: { id: admin.id } });
    const hash = (core.services.db.prepare('SELECT password_hash FROM officers').get() as any).password_hash;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain(ADMIN.password);
    expect(audit()).toEqual([{ officerId: admin.id, action: 'auth.setupAdmin', entityType: 'officer', entityId: String(admin.id), detail: null }]);
  });

  it('refuses a second first-run setup with conflict', async () => {
    core = await startCoreWithAdmin();
    expect(await core.call('auth.setupAdmin', { ...ADMIN, username: 'intruder' }, memorySession())).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((core.services.db.prepare('SELECT count(*) AS n FROM officers').get() as any).n).toBe(1);
  });

  it('logs in and out; a wrong password is refused with one message for every cause', async () => {
    core = await startCoreWithAdmin();
    const s = memorySession();
    const wrongPassword = await core.call('auth.login', { username: 'admin', password: 'salah-salah-salah' }, s);
    const unknownUser = await core.call('auth.login', { username: 'nobody', password: 'salah-salah-salah' }, s);
    expect(wrongPassword).toEqual(unknownUser);
    expect(wrongPassword).toMatchObject({ ok: false, error: { kind: 'forbidden', message: 'Nama pengguna atau kata sandi salah' } });
    expect(await core.call('auth.login', { username: 'ADMIN', password: ADMIN.password }, s)).toMatchObject({ ok: true });
    expect(s.token).toBeTruthy();
    expect(await core.must('auth.status', {}, s)).toMatchObject({ officer: { username: 'admin' } });
    await core.must('auth.logout', {}, s);
    expect(s.token).toBeNull();
    expect(await core.call('inbox.list', {}, s)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Silakan masuk terlebih dahulu', code: 'auth.sign_in_first' },
    });
  });

  it(`locks an account after ${LOCK_AFTER} wrong passwords in a row, even against the right one`, async () => {
    core = await startCoreWithAdmin();
    const s = memorySession();
    for (let i = 0; i < LOCK_AFTER; i++) await core.call('auth.login', { username: 'admin', password: `tebakan-${i}-xxxx` }, s);
    const locked = await core.call('auth.login', { username: 'admin', password: ADMIN.password }, s);
    expect(locked).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(!locked.ok && locked.error.message).toMatch(/Terlalu banyak percobaan/);
    // The renderer words the same refusal in the officer's language from its code and values.
    const { code, params } = !locked.ok ? locked.error : {};
    expect(code).toBe('auth.locked_out');
    expect(wordCoreMessage('en', { code: code!, params: params! })).toMatch(/^Too many failed attempts; try again in \d+ min$/);
    expect(s.token).toBeNull();
  }, 20_000);

  it('unlocks after the lock time has passed', async () => {
    let now = Date.UTC(2026, 10, 23, 2);
    core = await startCoreWithAdmin({ now: () => now });
    for (let i = 0; i < LOCK_AFTER; i++) await core.call('auth.login', { username: 'admin', password: `tebakan-${i}-xxxx` }, memorySession());
    now += 31_000;
    expect(await core.call('auth.login', { username: 'admin', password: ADMIN.password }, memorySession())).toMatchObject({ ok: true });
  }, 20_000);

  it('a disabled officer cannot log in, and their open sessions end', async () => {
    core = await startCoreWithAdmin();
    const officer = await core.must('officers.create', { username: 'kadek', displayName: 'Kadek Sari', role: 'officer', password: 'kata-sandi-kadek' });
    const kadek = memorySession();
    await core.must('auth.login', { username: 'kadek', password: 'kata-sandi-kadek' }, kadek);
    await core.must('officers.update', { id: officer.id, disabled: true });
    expect(await core.call('inbox.list', {}, kadek)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('auth.login', { username: 'kadek', password: 'kata-sandi-kadek' }, memorySession())).toMatchObject({
      ok: false,
      error: { message: 'Akun ini dinonaktifkan; hubungi admin' },
    });
  });

  it('sessions expire after the idle time', async () => {
    let now = Date.UTC(2026, 10, 23, 2);
    core = await startCoreWithAdmin({ now: () => now });
    expect(await core.call('inbox.list', {})).toMatchObject({ ok: true });
    now += 13 * 3_600_000;
    expect(await core.call('inbox.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    core = await startCoreWithAdmin();
    const other = memorySession();
    await core.must('auth.login', { username: 'admin', password: ADMIN.password }, other);
    expect(await core.call('auth.changePassword', { currentPassword: 'wrong-wrong', newPassword: 'kata-sandi-baru-123' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    await core.must('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'kata-sandi-baru-123' });
    expect(await core.call('inbox.list', {}, other)).toMatchObject({ ok: false });
    expect(await core.call('inbox.list', {})).toMatchObject({ ok: true });
    expect(await core.call('auth.login', { username: 'admin', password: ADMIN.password }, memorySession())).toMatchObject({ ok: false });
  });

  it('lets an officer edit their own name and signature, nothing else', async () => {
    core = await startCoreWithAdmin();
    await core.must('officers.create', { username: 'made', displayName: 'Made', role: 'officer', password: 'sandi-made-12345' });
    const made = memorySession();
    await core.must('auth.login', { username: 'made', password: 'sandi-made-12345' }, made);
    const updated = await core.must('auth.updateProfile', { displayName: 'I Made Sukarta', signature: 'Salam,\nI Made Sukarta\nPST BPS Buleleng' }, made);
    expect(updated).toMatchObject({ username: 'made', displayName: 'I Made Sukarta', role: 'officer' });
    expect(await core.call('auth.updateProfile', { role: 'admin' } as any, made)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });
});
