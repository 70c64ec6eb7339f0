import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../src-preload/contract';
import { CLI_DATABASE_FILE, runReportCli } from '../../src-main/cli/report';
import { DATABASE_FILE } from '../../src-main/core/app';
import { commandOnPath, requirePeer } from '../helpers/peers-required';
import { memorySession, startCoreWithAdmin, tempDataDir, type TestCore } from '../helpers/core';
import { FIXTURE_NOW, FIXTURE_WEEK, insertReportFixture, wita } from '../helpers/report-fixture';

const hasPoppler = requirePeer(
  'reports-export pdf',
  'poppler',
  commandOnPath('pdftotext') !== null && commandOnPath('pdfinfo') !== null,
  'Debian package poppler-utils',
);

describe('reports.build / reports.export through the contract', () => {
  let core: TestCore;
  const supervisor = memorySession();
  const officer = memorySession();
  let files: ReportFile[];

  beforeAll(async () => {
    core = await startCoreWithAdmin({ now: () => FIXTURE_NOW });
    const sari = (await core.must('officers.create', { username: 'sari', displayName: 'Ni Made Sari', role: 'officer', password: 'petugas-pst-1' })).id;
    const budi = (await core.must('officers.create', { username: 'budi', displayName: 'Budi Santosa', role: 'officer', password: 'petugas-pst-2' })).id;
    await core.must('officers.create', { username: 'kasie', displayName: 'Kasie IPDS', role: 'supervisor', password: 'supervisor-pst' });
    await core.must('auth.login', { username: 'kasie', password: 'supervisor-pst' }, supervisor);
    await core.must('auth.login', { username: 'sari', password: 'petugas-pst-1' }, officer);
    insertReportFixture(core.services.db, { sari, budi });
    // No period: last week as of 26 August 2026 = the fixture week.
    files = (await core.must('reports.export', { formats: ['xlsx', 'pdf'], download: true }, supervisor)).files;
  });
  afterAll(() => core.dispose());

  it('refuses officers and answers supervisors', async () => {
    for (const method of ['reports.build', 'reports.export'] as const) {
      const result = await core.call(method, { formats: ['pdf'] } as never, officer);
      expect(result.ok ? null : result.error.kind, method).toBe('forbidden');
    }
    const model = await core.must('reports.build', {}, supervisor);
    expect(model.period.firstDate).toBe('2026-08-17');
    expect(model.summary.newCount).toBe(5);
    const bad = await core.call('reports.build', { period: { kind: 'week', week: '2026-W99' } }, supervisor);
    expect(bad.ok ? null : bad.error.kind).toBe('invalid_input');
  });

  it('writes both files under <dataDir>/reports, returns their bytes, and audits the export', () => {
    expect(files.map((f) => f.fileName)).toEqual(['laporan-pst-5108-2026-W34.xlsx', 'laporan-pst-5108-2026-W34.pdf']);
    for (const f of files) {
      expect(f.path).toBe(join(core.dir, 'reports', f.fileName));
      expect(Buffer.from(f.contentBase64!, 'base64').equals(readFileSync(f.path))).toBe(true);
      expect(f.size).toBe(readFileSync(f.path).length);
    }
    const audit = core.services.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'reports.export'").all() as { entity_id: string }[];
    expect(audit).toEqual([{ entity_id: '2026-08-17_2026-08-23' }]);
  });

  it('xlsx: four sheets, one row per consultation, real dates and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files[0]!.path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Konsultasi', 'Penilaian', 'Pengaduan']);
    const sheet = workbook.getWorksheet('Konsultasi')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['Tiket', 'Saluran', 'Status saat ini', 'Dibuat', 'Nama']);
    expect(header).toContain('Waktu penyelesaian tanpa jeda (jam kerja)');
    expect(sheet.rowCount - 1).toBe(8); // the 8 consultations of the week
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: 8 }, (_, i) => sheet.getRow(i + 2));
    const c1 = rows.find((r) => r.getCell(1).value === 'KONS-5108-20260814-0001')!;
    // Dates are Date cells holding the WITA wall-clock time (14:00 WITA shows as 14:00).
    expect(c1.getCell(col('Dibuat')).value).toEqual(new Date(Date.UTC(2026, 7, 14, 14, 0)));
    expect(c1.getCell(col('Dibuat')).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(c1.getCell(col('Waktu penyelesaian tanpa jeda (jam kerja)')).value).toBe(18.5);
    expect(c1.getCell(col('Selesai ≤ 3 hari kerja')).value).toBe('Ya');
    expect(c1.getCell(col('Nilai terakhir (1–5)')).value).toBe(5);
    expect(c1.getCell(col('Penutupan (kali)')).value).toBe(1);
    const c2 = rows.find((r) => r.getCell(1).value === 'KONS-5108-20260818-0001')!;
    expect(c2.getCell(col('Jeda menunggu pengguna (jam kerja)')).value).toBe(7.5);
    expect(c2.getCell(col('Waktu penyelesaian tanpa jeda (jam kerja)')).value).toBe(19);
    for (const r of rows) {
      expect(r.getCell(col('Dibuat')).value).toBeInstanceOf(Date);
      expect(typeof r.getCell(col('Dibuka kembali (kali)')).value).toBe('number');
    }
    const ratings = workbook.getWorksheet('Penilaian')!;
    expect(ratings.rowCount - 1).toBe(3);
    expect(ratings.getRow(2).getCell(4).value).toEqual(new Date(Date.UTC(2026, 7, 20, 12, 0)));
    expect(typeof ratings.getRow(2).getCell(5).value).toBe('number');
    const complaints = workbook.getWorksheet('Pengaduan')!;
    expect(complaints.rowCount - 1).toBe(3);
    const summary = workbook.getWorksheet('Ringkasan')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Konsultasi baru')).toBe(5);
    expect(values.get('Terlambat (melewati batas waktu) di akhir periode')).toBe(2);
  });

  it.skipIf(!hasPoppler)('pdf: A4 pages with the header, the figures and the IKM', () => {
    const pdf = files[1]!.path;
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Pages:\s+3\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const pages = text.split('\f');
    expect(pages[0]).toContain('BADAN PUSAT STATISTIK KABUPATEN BULELENG');
    expect(pages[0]).toContain('LAPORAN PELAYANAN KONSULTASI STATISTIK ONLINE');
    expect(pages[0]).toContain('Minggu ke-34 2026 (17–23 Agustus 2026)');
    expect(pages[0]).toMatch(/75,0%/); // resolved within 3 working days
    expect(pages[1]).toContain('87,50'); // IKM konversi
    expect(pages[1]).toContain('Baik (76,61–88,30)');
    expect(pages[2]).toContain('KONS-5108-20260803-0002');
    expect(pages[2]).toContain('10 hk 5 j 30 m'); // 80.5 h late = 10 working days 5.5 h
    expect(text).toContain('Halaman 3 dari 3');
  });
});

describe('CLI: npm run report', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const cli = join(process.cwd(), 'src-main', 'cli', 'report.ts');
  let core: TestCore;
  let out: ReturnType<typeof tempDataDir>;

  beforeAll(async () => {
    core = await startCoreWithAdmin({ now: () => FIXTURE_NOW });
    const sari = (await core.must('officers.create', { username: 'sari', displayName: 'Ni Made Sari', role: 'officer', password: 'petugas-pst-1' })).id;
    insertReportFixture(core.services.db, { sari, budi: sari });
    out = tempDataDir('pst-report-out-');
  });
  afterAll(async () => {
    await core.dispose();
    out.cleanup();
  });

  it('writes both files while the console holds the database open', { timeout: 90_000 }, () => {
    const run = spawnSync(tsx, [cli, '--data-dir', core.dir, '--week', FIXTURE_WEEK, '--format', 'xlsx,pdf', '--out', out.dir], { encoding: 'utf8' });
    expect(run.stderr).toContain('Minggu ke-34 2026');
    expect(run.status).toBe(0);
    const paths = run.stdout.trim().split('\n');
    expect(paths).toEqual([join(out.dir, 'laporan-pst-5108-2026-W34.xlsx'), join(out.dir, 'laporan-pst-5108-2026-W34.pdf')]);
    for (const p of paths) expect(existsSync(p)).toBe(true);
    expect(readFileSync(paths[1]!).subarray(0, 5).toString()).toBe('%PDF-');
    // The console's own connection still writes fine afterwards.
    core.services.db.prepare('UPDATE conversations SET updated_at = ? WHERE id = 1').run(wita('2026-08-26 10:05'));
  });

  it('exits non-zero with a message in Indonesian and English on a bad argument', { timeout: 60_000 }, async () => {
    const run = spawnSync(tsx, [cli, '--data-dir', core.dir, '--week', '2026-W60'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Tahun 2026 hanya punya minggu 1–53 / ISO year 2026 has weeks 1–53');
    expect(run.stderr).toContain('Pemakaian / usage');
    expect(run.stdout).toBe('');
    // The other refusals, in process (the same function the command runs).
    for (const args of [['--month', '2026-11', '--week', '2026-W48'], ['--format', 'docx'], ['--bogus'], ['--from', '2026-11-01'], ['--month', 'November']]) {
      const err: string[] = [];
      const code = await runReportCli(
        ['--data-dir', core.dir, '--out', out.dir, ...args],
        () => {},
        (l) => err.push(l),
        FIXTURE_NOW,
      );
      expect(code, args.join(' ')).toBe(2);
      expect(err[0], args.join(' ')).toMatch(/ \/ /);
    }
    const err: string[] = [];
    expect(
      await runReportCli(
        ['--data-dir', join(out.dir, 'nope')],
        () => {},
        (l) => err.push(l),
        FIXTURE_NOW,
      ),
    ).toBe(1);
    expect(err[0]).toContain('Basis data tidak ditemukan');
    expect(CLI_DATABASE_FILE).toBe(DATABASE_FILE);
  });
});
