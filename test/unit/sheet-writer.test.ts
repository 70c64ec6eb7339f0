import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, excelSerial, Style, WorkbookWriter } from '../../src-main/core/reports/sheet-writer';
import { commandOnPath } from '../helpers/peers-required';

describe('the report workbook writer', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes a workbook exceljs reads back: texts as typed, gaps left empty, dates, styles, filter and frozen header', async () => {
    const book = new WorkbookWriter({ creator: 'PST Console', title: 'Uji <&>', createdWallClockMs: Date.UTC(2026, 11, 4, 14, 0) });
    const { sheet, styles, inline } = book.dataSheet('Data', [
      { header: 'Tiket', width: 20, unique: true },
      { header: 'Catatan', width: 30 },
      { header: 'Kosong', width: 8 },
      { header: 'Dibuat', width: 17, style: Style.DateTime },
      { header: 'Jam', width: 8, style: Style.Fixed2 },
    ]);
    // 14:00 WITA on 4 December 2026 as a wall clock; 0.001 s later must survive too.
    const at = Date.UTC(2026, 11, 4, 14, 0, 0, 1);
    sheet.row(['KONS <1> & "2"', '  spasi di tepi ', null, excelSerial(at), 1.5], styles, inline);
    sheet.row(['KONS-2', 'tanda\u0007kontrol\nbaris baru', 7, null, Number.NaN], styles, inline);
    sheet.row([null, 'Ya', null, null, 2], styles, inline);
    const summary = book.sheet('Ringkasan', { widths: [30] });
    summary.row(['Judul'], Style.Title);
    summary.gap();
    summary.row(['Ya', 3]);
    const bytes = await book.finish();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Data', 'Ringkasan']);
    const data = workbook.getWorksheet('Data')!;
    expect(data.autoFilter).toBe('A1:E4');
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getRow(1).getCell(1).font?.bold).toBe(true);
    const values = (n: number) => (data.getRow(n).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['KONS <1> & "2"', '  spasi di tepi ', undefined, new Date(at), 1.5]);
    // A character XML cannot carry is dropped; a line break stays.
    expect(values(3)).toEqual(['KONS-2', 'tandakontrol\nbaris baru', 7]);
    expect(values(4)).toEqual([undefined, 'Ya', undefined, undefined, 2]);
    expect(data.getRow(2).getCell(4).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(data.getRow(2).getCell(5).numFmt).toBe('0.00');
    const rows: unknown[][] = [];
    workbook.getWorksheet('Ringkasan')!.eachRow((r, n) => rows.push([n, ...(r.values as unknown[]).slice(1)]));
    expect(rows).toEqual([
      [1, 'Judul'],
      [3, 'Ya', 3],
    ]);

    if (commandOnPath('unzip') !== null) {
      const dir = mkdtempSync(join(tmpdir(), 'pst-sheet-'));
      try {
        writeFileSync(join(dir, 'b.xlsx'), bytes);
        // The archive's own checksums hold (each part deflated in pieces joined into one stream).
        expect(execFileSync('unzip', ['-t', join(dir, 'b.xlsx')]).toString()).toContain('No errors detected');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('joins pieces of a long part into one valid deflate stream', async () => {
    const book = new WorkbookWriter({ creator: 'PST Console', title: 't', createdWallClockMs: 0 });
    const { sheet, styles, inline } = book.dataSheet('Banyak', [
      { header: 'No', width: 8 },
      { header: 'Teks', width: 40, unique: true },
    ]);
    // About 3 MB of XML: several pieces of the deflate sink.
    for (let i = 1; i <= 40_000; i++) sheet.row([i, `baris ke-${i} ${'x'.repeat(i % 37)}`], styles, inline);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await book.finish()) as unknown as ArrayBuffer);
    const s = workbook.getWorksheet('Banyak')!;
    expect(s.rowCount).toBe(40_001);
    expect((s.getRow(40_001).values as unknown[]).slice(1)).toEqual([40_000, `baris ke-40000 ${'x'.repeat(40_000 % 37)}`]);
  });
});
