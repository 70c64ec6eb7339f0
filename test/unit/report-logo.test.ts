import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceCalendar } from '../../src-main/core/calendar/cache';
import ExcelJS from 'exceljs';
import { buildReportModel, collectReport } from '../../src-main/core/reports/model';
import { renderXlsx } from '../../src-main/core/reports/xlsx';
import { renderPdf } from '../../src-main/core/reports/pdf';
import { memorySession, startCoreWithAdmin, tempDataDir, type TestCore } from '../helpers/core';
import { commandOnPath, requirePeer } from '../helpers/peers-required';
import { FIXTURE_NOW, FIXTURE_WEEK } from '../helpers/report-fixture';

// The console's own icon: a real PNG as an image editor wrote it.
const ICON = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'icon.png'));
const hasPoppler = requirePeer('report logo', 'poppler (pdfimages)', commandOnPath('pdfimages') !== null, 'apt-get install poppler-utils');

let core: TestCore;
afterEach(() => core?.dispose());

/** How many images the PDF carries, as poppler lists them (an alpha channel's soft mask is not another image). */
function imagesIn(pdf: Buffer): number {
  const dir = tempDataDir('pst-logo-');
  try {
    const file = join(dir.dir, 'report.pdf');
    writeFileSync(file, pdf);
    const listing = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2); // two header lines
    return listing.filter((line) => line.trim().split(/\s+/)[2] === 'image').length;
  } finally {
    dir.cleanup();
  }
}

describe('the letterhead logo', () => {
  it('takes a PNG or JPEG by its bytes, refuses anything else or anything too big, and is for the admin to set', async () => {
    core = await startCoreWithAdmin({ now: () => FIXTURE_NOW });
    expect(await core.must('reports.getLogo', {})).toEqual({ dataUrl: null });
    const set = await core.must('reports.setLogo', { contentBase64: ICON.toString('base64') });
    expect(set.dataUrl).toBe(`data:image/png;base64,${ICON.toString('base64')}`);
    // A JPEG's first bytes are enough to tell it.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);
    expect((await core.must('reports.setLogo', { contentBase64: jpeg.toString('base64') })).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    // A PDF named logo.png, a GIF: not images a letterhead prints.
    for (const bytes of [Buffer.from('%PDF-1.4\n%%EOF\n'), Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')])
      expect(await core.call('reports.setLogo', { contentBase64: bytes.toString('base64') })).toMatchObject({
        ok: false,
        error: { kind: 'invalid_input', code: 'reports.logo_not_image' },
      });
    const big = Buffer.concat([ICON.subarray(0, 8), Buffer.alloc(200 * 1024 + 1 - 8)]);
    expect(await core.call('reports.setLogo', { contentBase64: big.toString('base64') })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', code: 'reports.logo_too_large' },
    });
    // What was refused changed nothing.
    expect((await core.must('reports.getLogo', {})).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    // The audit row says what changed, without the picture itself.
    const [last] = await core.must('audit.list', { limit: 1 });
    expect(last).toMatchObject({ action: 'reports.setLogo', entityId: 'reportLogo' });
    expect(JSON.stringify(last)).not.toContain(jpeg.toString('base64'));
    // An officer cannot change it.
    await core.must('officers.create', { username: 'made', displayName: 'Made', role: 'officer', password: 'sandi-made-12345' });
    const made = memorySession();
    await core.must('auth.login', { username: 'made', password: 'sandi-made-12345' }, made);
    expect(await core.call('reports.setLogo', { contentBase64: null }, made)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await core.must('reports.setLogo', { contentBase64: null })).dataUrl).toBeNull();
  });

  it.runIf(hasPoppler)('prints on the PDF letterhead when set, and not otherwise', async () => {
    core = await startCoreWithAdmin({ now: () => FIXTURE_NOW });
    const pdf = () =>
      renderPdf(buildReportModel(core.services.db, serviceCalendar(core.services.db), { kind: 'week', week: FIXTURE_WEEK }, { now: FIXTURE_NOW }));
    expect(imagesIn(await pdf())).toBe(0);
    await core.must('reports.setLogo', { contentBase64: ICON.toString('base64') });
    expect(imagesIn(await pdf())).toBe(1);
  });

  it('sits on the xlsx Ringkasan too, beside the letterhead, the very bytes uploaded', async () => {
    core = await startCoreWithAdmin({ now: () => FIXTURE_NOW });
    const xlsx = async () =>
      renderXlsx(collectReport(core.services.db, serviceCalendar(core.services.db), { kind: 'week', week: FIXTURE_WEEK }, { now: FIXTURE_NOW }));
    const read = async (bytes: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      return book;
    };
    expect((await read(await xlsx())).getWorksheet('Ringkasan')!.getImages()).toEqual([]);
    await core.must('reports.setLogo', { contentBase64: ICON.toString('base64') });
    const book = await read(await xlsx());
    const [image] = book.getWorksheet('Ringkasan')!.getImages();
    expect(image).toBeDefined();
    // Right of the office's name (column F, the first row), not over it.
    expect(image!.range.tl.nativeCol).toBe(5);
    expect(image!.range.tl.nativeRow).toBe(0);
    const stored = book.getImage(Number(image!.imageId));
    expect(stored.extension).toBe('png');
    expect(Buffer.from(stored.buffer as unknown as Uint8Array).equals(ICON)).toBe(true);
  });
});
