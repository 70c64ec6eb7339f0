import type { CoreMessage } from '../../../src-preload/contract';
import { invalidInput } from '../errors';
import { isIsoDate } from './iso-date';
import { kindFromName, type NonWorkingDay, type NonWorkingKind } from './non-working-days';

export interface SkippedCsvLine {
  line: number;
  summary: string;
  reason: CoreMessage;
}

export interface CsvDays {
  days: NonWorkingDay[];
  skipped: SkippedCsvLine[];
}

const MAX_CSV_CHARS = 200_000;

/**
 * A decree list as a spreadsheet saves it: one day a line, "tanggal, keterangan[, jenis]",
 * separated by commas, semicolons (Excel in Indonesian) or tabs, cells optionally in double
 * quotes. Dates as 2027-01-01, 01/01/2027 or 01-01-2027 (day first, as Indonesians write them).
 * A first line without a date is a header. The kind is read from the third cell ("nasional",
 * "cuti bersama", "lokal"), else from the name.
 */
export function parseCsvDays(text: string): CsvDays {
  if (text.length > MAX_CSV_CHARS) throw invalidInput({ code: 'calendar.csv_too_large' });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const days: NonWorkingDay[] = [];
  const skipped: SkippedCsvLine[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    if (!raw.trim()) return;
    const cells = splitLine(raw);
    const summary = cells.join(' | ');
    const date = readDate(cells[0] ?? '');
    if (!date) {
      if (index === 0) return; // a header
      skipped.push({ line: index + 1, summary, reason: { code: 'calendar.skip_bad_date' } });
      return;
    }
    const name = (cells[1] ?? '').trim();
    if (!name) return void skipped.push({ line: index + 1, summary, reason: { code: 'calendar.skip_no_summary' } });
    if (seen.has(date)) return void skipped.push({ line: index + 1, summary, reason: { code: 'calendar.skip_duplicate', params: { date } } });
    seen.add(date);
    days.push({ date, kind: readKind(cells[2]) ?? kindFromName(name), name: name.slice(0, 200) });
  });
  if (days.length === 0) throw invalidInput({ code: 'calendar.csv_empty' });
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, skipped };
}

function splitLine(line: string): string[] {
  const separator = line.includes(';') ? ';' : line.includes('\t') ? '\t' : ',';
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && !cell.trim()) quoted = true;
    else if (c === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function readDate(cell: string): string | undefined {
  const text = cell.trim();
  if (isIsoDate(text)) return text;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!dayFirst) return undefined;
  const iso = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

function readKind(cell: string | undefined): NonWorkingKind | undefined {
  const text = (cell ?? '').trim().toLowerCase();
  if (/cuti/.test(text)) return 'cuti_bersama';
  if (/lokal|local|kantor/.test(text)) return 'local';
  if (/nasional|national/.test(text)) return 'national';
  return undefined;
}
