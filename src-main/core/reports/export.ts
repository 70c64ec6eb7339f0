import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFile, ReportFormat, ReportPeriod, ReportPeriodInput } from '../../../src-preload/contract';
import type { ServiceCalendar } from '../calendar';
import type { Db } from '../store/db';
import { collectIkmYear } from './ikm-year';
import { collectReport, type ReportData } from './model';
import { periodKey } from './period';

export const REPORT_MIME: Readonly<Record<ReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** "laporan-pst-5108-2026-W48.xlsx". */
export const reportFileName = (period: ReportPeriod, format: ReportFormat): string => `laporan-pst-5108-${periodKey(period)}.${format}`;

/**
 * pdfmake and its fonts weigh tens of MB; the renderers load on the first export, not with the
 * console (the core's resident memory is a benchmark target).
 */
export async function renderReport(data: ReportData, format: ReportFormat): Promise<Buffer> {
  if (format === 'xlsx') return (await import('./xlsx')).renderXlsx(data);
  return (await import('./pdf')).renderPdf(data.model);
}

export interface ExportRequest {
  period: ReportPeriodInput;
  formats: readonly ReportFormat[];
  /** Where to write: <dataDir>/reports for the console, the --out folder for the CLI. */
  outDir: string;
  /** Also return the bytes (base64) for a download in the renderer. */
  includeContent: boolean;
  now: number;
  /** The exporting officer's name (the maker's signature when none is set). */
  maker?: string;
}

/** Writes bytes under a temporary name, then renames: a reader never sees half a file. */
function writeAtomically(outDir: string, fileName: string, format: ReportFormat, bytes: Buffer, includeContent: boolean): ReportFile {
  const path = join(outDir, fileName);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
  return { format, fileName, mimeType: REPORT_MIME[format], size: bytes.length, path, contentBase64: includeContent ? bytes.toString('base64') : null };
}

/** The yearly IKM report: "ikm-pst-5108-2026.pdf" and ".xlsx". */
export async function exportIkmYear(
  db: Db,
  calendar: ServiceCalendar,
  request: Omit<ExportRequest, 'period'> & { year: number },
): Promise<{ period: ReportPeriod; files: ReportFile[] }> {
  const data = collectIkmYear(db, calendar, request.year, { now: request.now, maker: request.maker });
  mkdirSync(request.outDir, { recursive: true });
  const files: ReportFile[] = [];
  for (const format of new Set(request.formats)) {
    const bytes = format === 'xlsx' ? await (await import('./xlsx')).renderIkmXlsx(data) : await (await import('./pdf')).renderIkmPdf(data.model);
    files.push(writeAtomically(request.outDir, `ikm-pst-5108-${request.year}.${format}`, format, bytes, request.includeContent));
  }
  return { period: data.model.period, files };
}

/**
 * Builds the report once and writes each format. A file is written under a temporary name and
 * renamed, so a reader (or a scheduled copy) never sees half a report.
 */
export async function exportReport(db: Db, calendar: ServiceCalendar, request: ExportRequest): Promise<{ period: ReportPeriod; files: ReportFile[] }> {
  const data = collectReport(db, calendar, request.period, { now: request.now, maker: request.maker });
  mkdirSync(request.outDir, { recursive: true });
  const files: ReportFile[] = [];
  for (const format of new Set(request.formats)) {
    const bytes = await renderReport(data, format);
    const fileName = reportFileName(data.model.period, format);
    const path = join(request.outDir, fileName);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, path);
    files.push({
      format,
      fileName,
      mimeType: REPORT_MIME[format],
      size: bytes.length,
      path,
      contentBase64: request.includeContent ? bytes.toString('base64') : null,
    });
  }
  return { period: data.model.period, files };
}
