import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src-preload/contract';
import { commandOnPath, requirePeer } from '../helpers/peers-required';
import { ADMIN, memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';
import { wita } from '../helpers/report-fixture';

/**
 * Figures as of the earlier of the period's end and the export, with a fixed clock: Friday
 * 4 December 2026, 14.00 WITA. Service hours Monday–Friday 08.00–15.30 (7.5 h a working day); no
 * holiday between 23 November and 11 December 2026.
 *
 * - B: complete Monday 30 Nov 09.00 → due Thursday 3 Dec 09.00 (3 × 7.5 h): late at the clock by
 *   Thursday 09.00–15.30 (6.5 h) + Friday 08.00–14.00 (6 h) = 12.5 h.
 * - A: complete Wednesday 2 Dec 10.00 → due Monday 7 Dec 10.00: not late on the 4th, though it is
 *   "before the end" of December.
 * - C: created and complete Thursday 26 Nov 10.00, closed Tuesday 1 Dec 11.00; due Tuesday 1 Dec
 *   10.00. Week 48 (23–29 Nov) ended with C open and not yet late; it was closed in week 49, one
 *   working hour late (Tuesday 10.00–11.00), so not within 3 working days.
 * - D: reopened once: closed 24 Nov (rated 2), reopened, closed again 1 Dec (rated 5).
 */

const NOW = wita('2026-12-04 14:00');
const H = 3_600_000;
const hasPoppler = requirePeer('reports-as-of pdf', 'poppler', commandOnPath('pdftotext') !== null, 'Debian package poppler-utils');

describe('reports as of the export moment (fixed clock: Friday 4 December 2026 14.00 WITA)', () => {
  let core: TestCore;
  let clock = NOW;
  const supervisor = memorySession();
  const build = (input: { period: { kind: 'week'; week: string } | { kind: 'month'; month: string } }) => core.must('reports.build', input, supervisor);

  beforeAll(async () => {
    core = await startCoreWithAdmin({ now: () => clock });
    const sari = (await core.must('officers.create', { username: 'sari', displayName: 'Ni Made Sari', role: 'officer', password: 'petugas-pst-1' })).id;
    await core.must('officers.create', { username: 'kasie', displayName: 'Kasie IPDS', role: 'supervisor', password: 'supervisor-pst' });
    await core.must('auth.login', { username: 'kasie', password: 'supervisor-pst' }, supervisor);
    const db = core.services.db;
    const person = db.prepare("INSERT INTO requesters (name, institution, occupation, created_at, updated_at) VALUES (?, ?, 'Lainnya', 0, 0)");
    const [ketut, luh, wayan] = [person.run('Ketut Darma', '-'), person.run('Luh Sari', 'Universitas Pendidikan Ganesha'), person.run('Wayan Budi', null)].map(
      (r) => Number(r.lastInsertRowid),
    ) as [number, number, number];
    const add = db.prepare(
      `INSERT INTO conversations (ticket, requester_id, channel, status, assignee_id, last_message_at, created_at, updated_at, first_response_at,
         requirements_complete_at, sla_target_days, sla_paused_since, resolved_at, reopened_count, topic)
       VALUES (@ticket, @requester, @channel, @status, @assignee, @created, @created, @created, @firstResponse, @complete, 3, @resolved, @resolved, @reopened, @topic)`,
    );
    const row = (c: {
      ticket: string;
      requester: number;
      channel: string;
      status: string;
      created: string;
      complete: string;
      resolved?: string;
      reopened?: number;
    }) =>
      Number(
        add.run({
          ticket: c.ticket,
          requester: c.requester,
          channel: c.channel,
          status: c.status,
          assignee: sari,
          created: wita(c.created),
          firstResponse: wita(c.complete) + 30 * 60_000,
          complete: wita(c.complete),
          resolved: c.resolved ? wita(c.resolved) : null,
          reopened: c.reopened ?? 0,
          topic: c.resolved ? 'Kependudukan' : null,
        }).lastInsertRowid,
      );
    row({
      ticket: 'KONS-5108-20261130-0001',
      requester: ketut,
      channel: 'telegram',
      status: 'in_progress',
      created: '2026-11-30 08:30',
      complete: '2026-11-30 09:00',
    });
    row({
      ticket: 'KONS-5108-20261202-0001',
      requester: luh,
      channel: 'email',
      status: 'in_progress',
      created: '2026-12-02 09:00',
      complete: '2026-12-02 10:00',
    });
    row({
      ticket: 'KONS-5108-20261126-0001',
      requester: wayan,
      channel: 'manual',
      status: 'resolved',
      created: '2026-11-26 10:00',
      complete: '2026-11-26 10:00',
      resolved: '2026-12-01 11:00',
    });
    const d = row({
      ticket: 'KONS-5108-20261123-0001',
      requester: luh,
      channel: 'telegram',
      status: 'rated',
      created: '2026-11-23 09:00',
      complete: '2026-11-23 09:00',
      resolved: '2026-12-01 09:00',
      reopened: 1,
    });
    // D's first closure (24 Nov 09.00, rated 2) and its pause while closed, then the second one.
    db.prepare('INSERT INTO sla_pauses (conversation_id, from_at, to_at) VALUES (?, ?, ?)').run(d, wita('2026-11-24 09:00'), wita('2026-11-30 09:00'));
    const request = db.prepare('INSERT INTO rating_requests (conversation_id, closure, channel, created_at, answered_at) VALUES (?, ?, ?, ?, ?)');
    const rating = db.prepare(
      "INSERT INTO ratings (conversation_id, closure, rating_request_id, score, feedback, source, created_at) VALUES (?, ?, ?, ?, ?, 'telegram', ?)",
    );
    for (const [closure, closed, rated, score, feedback] of [
      [0, '2026-11-24 09:00', '2026-11-24 10:00', 2, 'Data belum lengkap'],
      [1, '2026-12-01 09:00', '2026-12-01 10:00', 5, 'Sekarang lengkap'],
    ] as const) {
      const id = Number(request.run(d, closure, 'telegram', wita(closed), wita(rated)).lastInsertRowid);
      rating.run(d, closure, id, score, feedback, wita(rated));
    }
    const complaint = db.prepare(
      "INSERT INTO complaints (source, text, status, received_at, created_at) VALUES ('formulir_online', 'Tabel sulit dicari', 'open', ?, ?)",
    );
    complaint.run(wita('2026-12-03 09:00'), wita('2026-12-03 09:00'));
  });
  afterAll(() => core.dispose());

  it('the current month counts nothing after the clock: a deadline on the 7th is not late on the 4th', async () => {
    const m = await build({ period: { kind: 'month', month: '2026-12' } });
    expect(m.running).toBe(true);
    expect(m.asOf).toBe(NOW);
    expect(m.periodTitle).toBe('Desember 2026, sampai dengan Jumat 4 Desember 2026 pukul 14.00 WITA');
    // A is the only one created in December; C and D were closed on the 1st; A and B are open.
    expect(m.summary).toMatchObject({ newCount: 1, resolvedCount: 2, openAtEnd: 2, overdueAtEnd: 1 });
    expect(m.overdue.map((o) => [o.ticket, o.dueAt, o.workingMsLate / H])).toEqual([['KONS-5108-20261130-0001', wita('2026-12-03 09:00'), 12.5]]);
  });

  it('the current week says so in its title and counts the same way', async () => {
    const m = await build({ period: { kind: 'week', week: '2026-W49' } });
    expect(m.periodTitle).toBe('Minggu ke-49 2026 (30 November – 6 Desember 2026), sampai dengan Jumat 4 Desember 2026 pukul 14.00 WITA');
    expect(m.summary).toMatchObject({ newCount: 2, resolvedCount: 2, openAtEnd: 2, overdueAtEnd: 1, resolvedWithClock: 2 });
    // C: closed one working hour after its due instant. D: 7.5 h before its pause (23 Nov 09.00 to
    // 24 Nov 09.00) and 7.5 h after it (30 Nov 09.00 to 1 Dec 09.00) = 2 working days: within 3.
    expect(m.summary.resolvedWithinTarget).toBe(1);
  });

  it('a past week is seen as at its end: C open and not late, whatever happened later', async () => {
    const m = await build({ period: { kind: 'week', week: '2026-W48' } });
    expect(m.running).toBe(false);
    expect(m.asOf).toBe(wita('2026-11-30 00:00'));
    expect(m.periodTitle).toBe('Minggu ke-48 2026 (23–29 November 2026)');
    // C and D were created that week; D was closed on the 24th (and reopened only on the 30th).
    expect(m.summary).toMatchObject({ newCount: 2, resolvedCount: 1, openAtEnd: 1, overdueAtEnd: 0 });
    expect(m.ratings.count).toBe(1);
    expect(m.ratings.meanScore).toBe(2);
  });

  it('a second run of a past period gives the same figures, byte for byte', async () => {
    const first = await build({ period: { kind: 'week', week: '2026-W48' } });
    clock = wita('2026-12-20 09:00');
    try {
      await core.must('auth.login', { username: 'kasie', password: 'supervisor-pst' }, supervisor);
      const second = await build({ period: { kind: 'week', week: '2026-W48' } });
      const figures = (m: ReportModel) => JSON.stringify({ ...m, generatedAt: 0, identity: null });
      expect(second.generatedAt).not.toBe(first.generatedAt);
      expect(figures(second)).toBe(figures(first));
    } finally {
      // Sixteen days later every session has expired: sign in again at the test's clock.
      clock = NOW;
      await core.must('auth.login', { username: 'kasie', password: 'supervisor-pst' }, supervisor);
      await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    }
  });

  it('xlsx: a reopened consultation shows both closures and ratings; the console words; "-" is Perorangan', async () => {
    const [file] = (await core.must('reports.export', { period: { kind: 'week', week: '2026-W49' }, formats: ['xlsx'], download: true }, supervisor)).files;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file!.contentBase64!, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Konsultasi', 'Penilaian', 'Pengaduan']);
    const sheet = workbook.getWorksheet('Konsultasi')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const byTicket = new Map<string, ExcelJS.Row>();
    sheet.eachRow((r, n) => n > 1 && byTicket.set(String(r.getCell(1).value), r));
    const d = byTicket.get('KONS-5108-20261123-0001')!;
    expect(d.getCell(col('Penutupan (kali)')).value).toBe(2);
    expect(d.getCell(col('Nilai terakhir (1–5)')).value).toBe(5);
    expect(d.getCell(col('Nilai tiap penutupan')).value).toBe('2; 5');
    expect(d.getCell(col('Saran/komentar terakhir')).value).toBe('Sekarang lengkap');
    expect(byTicket.get('KONS-5108-20261130-0001')!.getCell(col('Instansi')).value).toBe('Perorangan');
    expect(byTicket.get('KONS-5108-20261126-0001')!.getCell(col('Instansi')).value).toBe('Perorangan');
    expect(byTicket.get('KONS-5108-20261126-0001')!.getCell(col('Saluran')).value).toBe('Langsung/telepon');
    // A date is a real date holding the WITA wall-clock time.
    expect(byTicket.get('KONS-5108-20261202-0001')!.getCell(col('Dibuat')).value).toEqual(new Date(Date.UTC(2026, 11, 2, 9, 0)));
    expect(sheet.autoFilter).toBe(`A1:${sheet.getRow(1).getCell(header.length).address.replace(/\d+$/, '')}${sheet.rowCount}`);
    const complaints = workbook.getWorksheet('Pengaduan')!;
    expect([complaints.getRow(2).getCell(2).value, complaints.getRow(2).getCell(3).value]).toEqual(['Formulir daring', 'Baru']);
    const summary: string[] = [];
    workbook.getWorksheet('Ringkasan')!.eachRow((r) => summary.push((r.values as unknown[]).filter(Boolean).join(' | ')));
    expect(summary[0]).toBe('BADAN PUSAT STATISTIK KABUPATEN BULELENG');
    expect(summary).toContain('Periode: Minggu ke-49 2026 (30 November – 6 Desember 2026), sampai dengan Jumat 4 Desember 2026 pukul 14.00 WITA');
    expect(summary.slice(-4)).toEqual([
      'Mengetahui, | Singaraja, 4 Desember 2026',
      'Kepala BPS Kabupaten Buleleng | Petugas PST',
      // No names set: the exporting supervisor is the maker; the head's line waits to be filled.
      '(nama belum diisi) | Kasie IPDS',
      'NIP.  | NIP. ',
    ]);
  });

  it('the office identity: supervisors read it, only the admin changes it, a NIP is digits', async () => {
    expect(await core.must('reports.getIdentity', {}, supervisor)).toMatchObject({ officeName: 'Badan Pusat Statistik Kabupaten Buleleng', headName: '' });
    const refused = await core.call('reports.updateIdentity', { headName: 'X' }, supervisor);
    expect(refused.ok ? null : refused.error.kind).toBe('forbidden');
    const bad = await core.call('reports.updateIdentity', { headNip: '1970-01-01' });
    expect(bad.ok ? null : bad.error.kind).toBe('invalid_input');
    const saved = await core.must('reports.updateIdentity', {
      headName: 'Ir. I Made Contoh, M.Si.',
      headNip: '19700101 199001 1 001',
      makerName: 'Ni Made Sari',
      address: 'Jl. Udayana No. 8, Singaraja',
    });
    expect(saved).toMatchObject({ headName: 'Ir. I Made Contoh, M.Si.', makerName: 'Ni Made Sari', city: 'Singaraja' });
    const audit = core.services.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'reports.updateIdentity'").all();
    expect(audit).toEqual([{ entity_id: 'reportIdentity' }]);
  });

  it.skipIf(!hasPoppler)('pdf: the letterhead on top, the running period in the title, the signatures at the end', async () => {
    const [file] = (await core.must('reports.export', { period: { kind: 'month', month: '2026-12' }, formats: ['pdf'], download: true }, supervisor)).files;
    const dir = mkdtempSync(join(tmpdir(), 'pst-as-of-'));
    try {
      const pdf = join(dir, 'r.pdf');
      writeFileSync(pdf, Buffer.from(file!.contentBase64!, 'base64'));
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'])
        .toString()
        .split('\f')
        .filter((p) => p.trim());
      const first = pages[0]!.split('\n').filter((l) => l.trim());
      expect(first[0]!.trim()).toBe('BADAN PUSAT STATISTIK KABUPATEN BULELENG');
      expect(first[2]!.trim()).toBe('Jl. Udayana No. 8, Singaraja · Telp. 0362-22145');
      expect(pages[0]).toContain('Periode: Desember 2026, sampai dengan Jumat 4 Desember 2026 pukul 14.00 WITA');
      const last = pages[pages.length - 1]!;
      expect(last).toMatch(/Mengetahui,\s+Singaraja, 4 Desember 2026/);
      expect(last).toMatch(/Kepala BPS Kabupaten Buleleng\s+Petugas PST/);
      expect(last).toMatch(/Ir\. I Made Contoh, M\.Si\.\s+Ni Made Sari/);
      expect(last).toContain('NIP. 19700101 199001 1 001');
      expect(last).toContain(`Halaman ${pages.length} dari ${pages.length}`);
      // The last page holds a section, not a tail: the comments table's heading is on it.
      expect(last).toContain('Saran dan komentar pengguna layanan');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
