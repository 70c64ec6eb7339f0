import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

let core: TestCore;
afterEach(() => core.dispose());

const WAYAN = { username: 'wayan', displayName: 'Wayan Sudarma', role: 'officer' as const, password: 'sandi-wayan-awal' };

describe('officer management', () => {
  it('a reset gives a one-time password: the old one stops, the officer can do nothing but choose a new one', async () => {
    core = await startCoreWithAdmin();
    const wayan = await core.must('officers.create', WAYAN);
    const before = memorySession();
    await core.must('auth.login', { username: 'wayan', password: WAYAN.password }, before);
    const { temporaryPassword } = await core.must('officers.resetPassword', { id: wayan.id });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    // The session Wayan had ends; the old password no longer works.
    expect(await core.call('inbox.list', {}, before)).toMatchObject({ ok: false, error: { code: 'auth.sign_in_first' } });
    expect(await core.call('auth.login', { username: 'wayan', password: WAYAN.password }, memorySession())).toMatchObject({ ok: false });

    const s = memorySession();
    expect(await core.must('auth.login', { username: 'wayan', password: temporaryPassword }, s)).toMatchObject({ mustChangePassword: true });
    expect(await core.call('inbox.list', {}, s)).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'auth.must_change_password' } });
    expect(await core.must('auth.status', {}, s)).toMatchObject({ officer: { username: 'wayan', mustChangePassword: true } });
    await core.must('auth.changePassword', { currentPassword: temporaryPassword, newPassword: 'sandi-pilihan-wayan' }, s);
    expect(await core.call('inbox.list', {}, s)).toMatchObject({ ok: true });
    expect(await core.must('auth.status', {}, s)).toMatchObject({ officer: { mustChangePassword: false } });

    // The audit says a reset happened, never the password.
    const audit = core.services.db.prepare("SELECT detail FROM audit_log WHERE action = 'officers.resetPassword'").pluck().all() as string[];
    expect(audit).toEqual([JSON.stringify({ passwordReset: true })]);
    expect(JSON.stringify(core.services.db.prepare('SELECT * FROM audit_log').all())).not.toContain(temporaryPassword);
  }, 30_000);

  it("a disabled officer's open consultations are listed and handed over; finished ones stay theirs", async () => {
    core = await startCoreWithAdmin();
    const wayan = await core.must('officers.create', WAYAN);
    const kadek = await core.must('officers.create', { ...WAYAN, username: 'kadek', displayName: 'Kadek Ayu' });
    const mail = (n: number) =>
      ingest(core.services, {
        channel: 'email',
        externalId: `<m${n}@example.test>`,
        sourceId: `pemohon${n}@example.test`,
        displayName: `Pemohon ${n}`,
        receivedAt: Date.now(),
        subject: `Permintaan ${n}`,
        text: 'Mohon data penduduk',
        thread: { mode: 'explicit' },
      }).conversationId;
    const [open1, open2, done] = [mail(1), mail(2), mail(3)];
    for (const id of [open1, open2, done]) await core.must('conversations.assign', { id, officerId: wayan.id });
    await core.must('conversations.resolve', { id: done, summary: 'Data dikirim', topic: 'Kependudukan' });
    await core.must('officers.update', { id: wayan.id, disabled: true });

    const open = await core.must('officers.openConsultations', { id: wayan.id });
    expect(open.map((c) => c.id)).toEqual([open1, open2]);
    expect(open[0]).toMatchObject({ subject: 'Permintaan 1', requesterName: 'Pemohon 1' });

    expect(await core.must('officers.handOver', { fromId: wayan.id, toId: kadek.id })).toEqual({ moved: 2 });
    expect(await core.must('officers.openConsultations', { id: wayan.id })).toEqual([]);
    expect((await core.must('officers.openConsultations', { id: kadek.id })).map((c) => c.id)).toEqual([open1, open2]);
    expect((await core.must('conversations.get', { id: done })).assigneeId).toBe(wayan.id);
    // The timeline names who took it over and who decided.
    const lines = await core.must('messages.list', { conversationId: open1 });
    expect(lines.some((m) => m.text === 'Ditangani oleh Kadek Ayu (ditugaskan oleh Admin PST)')).toBe(true);
    // Handing to a disabled officer, or to the same one, is refused.
    expect(await core.call('officers.handOver', { fromId: kadek.id, toId: wayan.id })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await core.call('officers.handOver', { fromId: kadek.id, toId: kadek.id })).toMatchObject({ ok: false, error: { code: 'officers.hand_over_same' } });
  }, 30_000);
});
