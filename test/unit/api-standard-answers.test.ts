import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

/**
 * The library of standard answers as officers use it: a seeded answer filled in for one requester,
 * the blanks only the officer knows left for them, the guide PDF brought along, every use counted;
 * a retired answer no longer given out; only supervisors change the library.
 */
let core: TestCore;
afterEach(() => core.dispose());

const KOMANG = { username: 'komang', displayName: 'Komang Wirawan', role: 'officer' as const, password: 'sandi-komang-kuat' };
// The first bytes of a real PDF and enough of a body to have a size.
const GUIDE_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);

async function setUp() {
  const now = Date.UTC(2026, 11, 1, 3); // Tuesday 11:00 WITA
  core = await startCoreWithAdmin({ now: () => now });
  await core.must('officers.create', KOMANG);
  const komang = memorySession();
  await core.must('auth.login', { username: KOMANG.username, password: KOMANG.password }, komang);
  const { conversationId } = ingest(core.services, {
    channel: 'email',
    externalId: '<CAJx8k2V=abc@mail.gmail.com>',
    sourceId: 'ayu.lestari@undiksha.ac.id',
    receivedAt: now,
    subject: 'Permohonan data IPM 2025',
    text: 'Selamat siang, saya mahasiswa Undiksha, mohon data IPM Kabupaten Buleleng tahun 2025 untuk skripsi.',
    requester: { name: 'Ayu Lestari', email: 'ayu.lestari@undiksha.ac.id' },
    thread: { mode: 'explicit' },
  });
  const ticket = (await core.must('conversations.get', { id: conversationId })).ticket;
  const library = await core.must('templates.list', {});
  const byShortcut = (s: string) => library.find((t) => t.shortcut === s)!;
  return { komang, conversationId, ticket, byShortcut };
}

describe('standard answers', () => {
  it('fills in the requester, leaves the officer’s blanks, brings the guide and counts the use', async () => {
    const { komang, conversationId, ticket, byShortcut } = await setUp();
    const notReleased = byShortcut('belumrilis');
    const rendered = await core.must('templates.render', { id: notReleased.id, conversationId }, komang);
    expect(rendered.text).toMatch(/^Yth\. Ayu Lestari,/);
    expect(rendered.fillIns).toEqual(['nama data', 'perkiraan tanggal rilis', 'data terakhir yang tersedia']);
    expect(rendered.files).toEqual([]);

    // The supervisor (here the admin) attaches the guide to "Cara mengakses data BPS".
    const guide = byShortcut('caraakses');
    const withFile = await core.must('templates.addFile', {
      templateId: guide.id,
      fileName: 'Cara Mengakses Data BPS.pdf',
      mimeType: 'application/pdf',
      contentBase64: GUIDE_PDF.toString('base64'),
    });
    expect(withFile.files).toEqual([{ id: expect.any(Number), fileName: 'Cara Mengakses Data BPS.pdf', mimeType: 'application/pdf', size: GUIDE_PDF.length }]);
    const access = await core.must('templates.render', { id: guide.id, conversationId }, komang);
    expect(access.text).toContain(`nomor tiket ${ticket}`);
    expect(access.fillIns).toEqual([]);
    expect(access.files).toEqual([
      { fileName: 'Cara Mengakses Data BPS.pdf', mimeType: 'application/pdf', size: GUIDE_PDF.length, contentBase64: GUIDE_PDF.toString('base64') },
    ]);

    const after = await core.must('templates.list', {});
    expect(after.find((t) => t.id === notReleased.id)).toMatchObject({ useCount: 1, lastUsedAt: expect.any(Number) });
    expect(after.find((t) => t.id === guide.id)).toMatchObject({ useCount: 1 });
    expect(after.find((t) => t.shortcut === 'silastik')).toMatchObject({ useCount: 0, lastUsedAt: null });
  });

  it('a retired answer is kept but not given out; officers cannot change the library; oversized files change nothing', async () => {
    const { komang, conversationId, byShortcut } = await setUp();
    const romantik = byShortcut('romantik');
    expect(await core.call('templates.retire', { id: romantik.id, retired: true }, komang)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.must('templates.retire', { id: romantik.id, retired: true })).toMatchObject({ retired: true });
    expect(await core.call('templates.render', { id: romantik.id, conversationId }, komang)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'templates.retired' },
    });
    expect(await core.must('templates.retire', { id: romantik.id, retired: false })).toMatchObject({ retired: false });

    const ack = (await core.must('templates.list', {})).find((t) => t.systemKey === 'ack')!;
    expect(await core.call('templates.retire', { id: ack.id, retired: true })).toMatchObject({ ok: false, error: { code: 'templates.system_not_retirable' } });

    const guide = byShortcut('caraakses');
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x41).toString('base64');
    const refused = await core.call('templates.addFile', { templateId: guide.id, fileName: 'besar.pdf', mimeType: 'application/pdf', contentBase64: big });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const file = {
      templateId: guide.id,
      fileName: 'tabel.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: 'UEsDBA==',
    };
    expect(await core.call('templates.addFile', file, komang)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    for (let i = 0; i < 5; i++) await core.must('templates.addFile', file);
    expect(await core.call('templates.addFile', file)).toMatchObject({ ok: false, error: { code: 'templates.too_many_files' } });
    expect(core.services.db.prepare('SELECT count(*) FROM template_files').pluck().get()).toBe(5);
  });
});
