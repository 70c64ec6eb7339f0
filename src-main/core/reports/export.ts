import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFile, ReportFormat, ReportPeriod, ReportPeriodInput } from '../../../src-preload/contract';
import type { ServiceCalendar } from '../calendar';
import type { Db } from '../store/db';
import { collectReport, type ReportData } from './model';
import { periodKey } from './period';

export const REPORT_MIME: Readonly<Record<ReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** "laporan-pst-5108-2026-W48.xlsx". */
export const reportFileName = (period: ReportPeriod, format: ReportFormat): string => `laporan-pst-5108-${periodKey(period)}.${format}`;

/**
 * exceljs and pdfmake weigh tens of MB each; they load on the first export, not with the console
 * (the core's resident memory is a benchmark target).
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
