import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCli } from '../../src-main/cli/report';
import { minimumSample } from '../../src-main/core/reports/ikm-year';
import { commandOnPath, requirePeer } from '../helpers/peers-required';
import { memorySession, startCoreWithAdmin, tempDataDir, type TestCore } from '../helpers/core';
import { FIXTURE_NOW, insertReportFixture } from '../helpers/report-fixture';

const hasPoppler = requirePeer('reports-ikm-year pdf', 'poppler', commandOnPath('pdftotext') !== null, 'Debian package poppler-utils');

describe('the minimum sample of PermenPANRB 14/2017 (Krejcie and Morgan)', () => {
  it('reads the table, rounding the population up to the next row', () => {
    expect([0, 4, 9, 10, 100, 101, 110, 1000, 50_000, 200_000].map(minimumSample)).toEqual([0, 4, 9, 10, 80, 86, 86, 278, 381, 384]);
  });
});

/**
 * The report fixture's year 2026 (as of 26 August 2026 10.00 WITA): two survey answers, both in
 * the week of 17 August (hand-computed in reports-model.test.ts: IKM 3.5, converted 87.50, B).
 * Closed in 2026: consultations of Ni Kadek Ayu (two), I Wayan Sudarma, Putu Lama (two) and Made
 * Arsana: 4 people, a population under 10, so all 4 should have answered; 2 did.
 */
describe('the yearly IKM report', () => {
  let core: TestCore;
  const supervisor = memorySession();
  let out: ReturnType<typeof tempDataDir>;

  beforeAll(async () => {
    core = await startCoreWithAdmin({ now: () => FIXTURE_NOW });
    const sari = (await core.must('officers.create', { username: 'sari', displayName: 'Ni Made Sari', role: 'officer', password: 'petugas-pst-1' })).id;
    await core.must('officers.create', { username: 'kasie', displayName: 'Kasie IPDS', role: 'supervisor', password: 'supervisor-pst' });
    await core.must('auth.login', { username: 'kasie', password: 'supervisor-pst' }, supervisor);
    insertReportFixture(core.services.db, { sari, budi: sari });
    out = tempDataDir('pst-ikm-out-');
  });
  afterAll(async () => {
    await core.dispose();
    out.cleanup();
  });

  it('computes the index, the sample against the table and the respondents by occupation', async () => {
    const m = await core.must('reports.buildIkm', { year: 2026 }, supervisor);
    expect(m).toMatchObject({
      year: 2026,
      respondents: 2,
      population: 4,
      minimumSample: 4,
      sampleEnough: false,
      ikm: 3.5,
      converted: 87.5,
      grade: 'B',
      label: 'Baik',
    });
    expect(m.running).toBe(true);
    expect(m.unsur.map((u) => u.nrr)).toEqual([3.5, 3.5, 3, 4, 3.5, 3.5, 4, 3, 3.5]);
    expect(m.byOccupation.map((c) => [c.label, c.count])).toEqual([
      ['Pelajar/Mahasiswa', 1],
      ['Peneliti/Dosen', 1],
    ]);
    const refused = await core.call('reports.buildIkm', { year: 1999 }, supervisor);
    expect(refused.ok ? null : refused.error.kind).toBe('invalid_input');
  });

  it('CLI --year 2026 --kind ikm writes the xlsx and the PDF the office can publish', async () => {
    const lines: string[] = [];
    const code = await runReportCli(
      ['--data-dir', core.dir, '--year', '2026', '--kind', 'ikm', '--out', out.dir],
      (l) => lines.push(l),
      () => {},
      FIXTURE_NOW,
    );
    expect(code).toBe(0);
    expect(lines).toEqual([join(out.dir, 'ikm-pst-5108-2026.xlsx'), join(out.dir, 'ikm-pst-5108-2026.pdf')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(lines[0]!);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['IKM', 'Responden']);
    const respondents = workbook.getWorksheet('Responden')!;
    expect(respondents.rowCount).toBe(3);
    expect((respondents.getRow(2).values as unknown[]).slice(1)).toEqual([
      'KONS-5108-20260814-0001',
      new Date(Date.UTC(2026, 7, 20, 12, 0)),
      'Pelajar/Mahasiswa',
      4,
      4,
      3,
      4,
      4,
      4,
      4,
      3,
      4,
    ]);
    if (hasPoppler) {
      const text = execFileSync('pdftotext', ['-layout', lines[1]!, '-']).toString();
      expect(text).toContain('LAPORAN SURVEI KEPUASAN MASYARAKAT (SKM)');
      expect(text).toContain('Tahun 2026, sampai dengan Rabu 26 Agustus 2026 pukul 10.00 WITA');
      expect(text).toContain('87,50');
      expect(text).toContain('Perhatian: responden (2) kurang dari sampel minimum (4)');
      expect(text).toMatch(/Mengetahui,\s+Singaraja, 26 Agustus 2026/);
    }
  });

  it('CLI refuses an IKM report without a year, and a year without the IKM kind', async () => {
    for (const args of [
      ['--kind', 'ikm'],
      ['--year', '2026'],
      ['--kind', 'ikm', '--year', '26'],
      ['--kind', 'ikm', '--year', '2026', '--week', '2026-W34'],
      ['--kind', 'tahunan'],
    ]) {
      const err: string[] = [];
      expect(
        await runReportCli(
          ['--data-dir', core.dir, ...args],
          () => {},
          (l) => err.push(l),
          FIXTURE_NOW,
        ),
        args.join(' '),
      ).toBe(2);
      expect(err[0], args.join(' ')).toMatch(/ \/ /);
    }
  });
});
