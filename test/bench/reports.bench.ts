/**
 * Weekly report benchmark: a year of consultations (default 50,000) → the report model,
 * the xlsx (one row per consultation: the whole year) and the pdf; target ≤ 3 s in total.
 *
 *   npx tsx test/bench/reports.bench.ts [--conversations 50000] [--keep]
 *
 * Also exports `reportsBench` for test/bench/registry.ts. It runs in the harness process on its own
 * database (populated with SQL by reports-data.ts), because the report reads stored outcomes only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED_END } from '../../src-main/core/seed';
import { openDatabase } from '../../src-main/core/store/db';
import { collectReport } from '../../src-main/core/reports/model';
import { renderPdf } from '../../src-main/core/reports/pdf';
import { renderXlsx } from '../../src-main/core/reports/xlsx';
import { tempDataDir } from '../helpers/core';
import type { Benchmark, BenchLine } from './lib/types';
import { populateReportData } from './reports-data';

const TARGET_MS = 3000;

export async function runReportsBench(conversations: number, keep = false, log: (m: string) => void = console.error): Promise<BenchLine[]> {
  const temp = tempDataDir('pst-bench-reports-');
  const db = openDatabase(join(temp.dir, 'pst-console.sqlite3'));
  try {
    const t0 = performance.now();
    const { calendar } = populateReportData(db, { conversations, end: DEFAULT_SEED_END });
    log(`reports: ${conversations} consultations written in ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not measured)`);
    // The year the data set covers: 1 Nov 2025 – 31 Oct 2026 WITA.
    const period = { kind: 'range', from: '2025-11-01', to: '2026-10-31' } as const;
    const fresh = calendar; // the calendar of the console is cached per database; a warm one is the realistic case
    const tModel = performance.now();
    const data = collectReport(db, fresh, period, { now: DEFAULT_SEED_END });
    const modelMs = performance.now() - tModel;
    const tXlsx = performance.now();
    const xlsx = await renderXlsx(data);
    const xlsxMs = performance.now() - tXlsx;
    const tPdf = performance.now();
    const pdf = await renderPdf(data.model);
    const pdfMs = performance.now() - tPdf;
    // A week of the same data: what the supervisor exports every Monday.
    const tWeek = performance.now();
    const week = collectReport(db, fresh, { kind: 'week', week: '2026-W43' }, { now: DEFAULT_SEED_END });
    await Promise.all([renderXlsx(week), renderPdf(week.model)]);
    const weekMs = performance.now() - tWeek;
    if (keep) {
      writeFileSync(join(temp.dir, 'year.xlsx'), xlsx);
      writeFileSync(join(temp.dir, 'year.pdf'), pdf);
      log(`reports: kept ${temp.dir}`);
    }
    const total = modelMs + xlsxMs + pdfMs;
    const rows = data.consultations.length;
    return [
      { name: 'report model (year)', value: modelMs, unit: 'ms', note: `${rows} consultations, ${data.ratings.length} ratings` },
      { name: 'report xlsx (year)', value: xlsxMs, unit: 'ms', note: `${(xlsx.length / 1e6).toFixed(1)} MB, ${rows} rows in Konsultasi` },
      { name: 'report pdf (year)', value: pdfMs, unit: 'ms', note: `${(pdf.length / 1e3).toFixed(0)} kB` },
      { name: 'report total (year)', value: total, unit: 'ms', target: `≤ ${TARGET_MS} ms`, pass: total <= TARGET_MS },
      { name: 'report week (model+xlsx+pdf)', value: weekMs, unit: 'ms', note: `${week.consultations.length} consultations` },
    ];
  } finally {
    db.close();
    if (!keep) temp.cleanup();
  }
}

export const reportsBench: Benchmark = {
  id: 'reports',
  title: 'Weekly report: a year of consultations → model, xlsx (one row each), pdf (target ≤ 3 s)',
  run: (ctx) => runReportsBench(Math.min(ctx.options.conversations, 50_000), ctx.options.keep, ctx.log),
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => process.argv.indexOf(name);
  const n = arg('--conversations') > 0 ? Number(process.argv[arg('--conversations') + 1]) : 50_000;
  const lines = await runReportsBench(n, arg('--keep') > 0);
  for (const l of lines) {
    const verdict = l.pass === undefined ? '' : l.pass ? '  PASS' : '  MISS';
    console.log(
      `${l.name.padEnd(32)} ${l.value.toFixed(0).padStart(7)} ${l.unit}${l.target ? `  (target ${l.target})` : ''}${verdict}${l.note ? `  ${l.note}` : ''}`,
    );
  }
}
