/**
 * Report benchmark: a year of consultations (default 50,000) → the report model, the xlsx (one row
 * per consultation: the whole year) and the pdf; target ≤ 3 s in total (wall time).
 *
 *   npx tsx test/bench/reports.bench.ts [--conversations 50000] [--keep]
 *
 * Each stage is printed beside a bare baseline measured in the same run, on the same data:
 * - model: the consultations query alone (the core's SQL text, rows read and dropped);
 * - xlsx: Node's zlib deflating the workbook's own uncompressed parts at the same level, in one call
 *   (the floor of any writer that must produce those bytes);
 * - pdf: a one-line page through the same pdfmake engine and fonts (the engine's fixed cost).
 * Wall and CPU time are both given: on a shared machine other work stretches the wall time, and
 * the CPU time counts zlib's thread pool too.
 *
 * Also exports `reportsBench` for test/bench/registry.ts. It runs in the harness process on its own
 * database (populated with SQL by reports-data.ts), because the report reads stored outcomes only.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DEFAULT_SEED_END } from '../../src-main/core/seed';
import { openDatabase } from '../../src-main/core/store/db';
import { CONSULTATIONS_SQL } from '../../src-main/core/reports/collect';
import { collectReport } from '../../src-main/core/reports/model';
import { resolvePeriod } from '../../src-main/core/reports/period';
import { renderBarePdf, renderPdf } from '../../src-main/core/reports/pdf';
import { renderXlsx } from '../../src-main/core/reports/xlsx';
import { tempDataDir } from '../helpers/core';
import type { Benchmark, BenchLine } from './lib/types';
import { populateReportData } from './reports-data';

const TARGET_MS = 3000;

interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

async function timed<T>(run: () => T | Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The uncompressed parts of a zip (deflate or stored), read back from its central directory. */
function zipParts(zip: Buffer): Buffer[] {
  const end = zip.length - 22;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + packed);
    parts.push(method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function runReportsBench(conversations: number, keep = false, log: (m: string) => void = console.error): Promise<BenchLine[]> {
  const temp = tempDataDir('pst-bench-reports-');
  const db = openDatabase(join(temp.dir, 'pst-console.sqlite3'));
  try {
    const t0 = performance.now();
    const { calendar } = populateReportData(db, { conversations, end: DEFAULT_SEED_END });
    log(`reports: ${conversations} consultations written in ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not measured)`);
    // The year the data set covers: 1 Nov 2025 – 31 Oct 2026 WITA.
    const period = { kind: 'range', from: '2025-11-01', to: '2026-10-31' } as const;
    const load = loadavg()[0]!.toFixed(1);

    const model = await timed(() => collectReport(db, calendar, period, { now: DEFAULT_SEED_END }));
    const xlsx = await timed(() => renderXlsx(model.value));
    const pdf = await timed(() => renderPdf(model.value.model));

    // Bare baselines, same run, same data.
    const resolved = resolvePeriod(period);
    const bareModel = await timed(() => {
      let n = 0;
      for (const row of db.prepare(CONSULTATIONS_SQL).raw().iterate({ from: resolved.from, to: resolved.to })) if (row) n++;
      return n;
    });
    const parts = zipParts(xlsx.value);
    const xmlBytes = parts.reduce((sum, p) => sum + p.length, 0);
    const bareXlsx = await timed(() => deflateRawSync(Buffer.concat(parts), { level: 1 }));
    const barePdf = await timed(() => renderBarePdf('Laporan Pelayanan Konsultasi Statistik Online'));

    // A week of the same data: what the supervisor exports every Monday.
    const week = await timed(async () => {
      const data = collectReport(db, calendar, { kind: 'week', week: '2026-W43' }, { now: DEFAULT_SEED_END });
      await Promise.all([renderXlsx(data), renderPdf(data.model)]);
      return data;
    });
    if (keep) {
      writeFileSync(join(temp.dir, 'year.xlsx'), xlsx.value);
      writeFileSync(join(temp.dir, 'year.pdf'), pdf.value);
      log(`reports: kept ${temp.dir}`);
    }
    const totalWall = model.wallMs + xlsx.wallMs + pdf.wallMs;
    const totalCpu = model.cpuMs + xlsx.cpuMs + pdf.cpuMs;
    const rows = model.value.consultations.length;
    const line = (name: string, stage: Timed<unknown>, bare: Timed<unknown>, note: string): BenchLine => ({
      name,
      value: stage.wallMs,
      unit: 'ms',
      baseline: bare.wallMs,
      ratio: stage.wallMs / bare.wallMs,
      note: `${note}; CPU ${seconds(stage.cpuMs)} (bare ${seconds(bare.cpuMs)})`,
    });
    return [
      line('report model (year)', model, bareModel, `${rows} consultations, ${model.value.ratings.length} ratings; bare: the consultations query alone`),
      line(
        'report xlsx (year)',
        xlsx,
        bareXlsx,
        `${(xlsx.value.length / 1e6).toFixed(1)} MB (${(xmlBytes / 1e6).toFixed(0)} MB of XML), ${rows} rows in Konsultasi; bare: zlib level 1 over the same XML`,
      ),
      line('report pdf (year)', pdf, barePdf, `${(pdf.value.length / 1e3).toFixed(0)} kB; bare: a one-line page, same engine and fonts`),
      {
        name: 'report total (year)',
        value: totalWall,
        unit: 'ms',
        baseline: bareModel.wallMs + bareXlsx.wallMs + barePdf.wallMs,
        ratio: totalWall / (bareModel.wallMs + bareXlsx.wallMs + barePdf.wallMs),
        target: `≤ ${TARGET_MS} ms`,
        pass: totalWall <= TARGET_MS,
        note: `CPU ${seconds(totalCpu)}; load average ${load} at the start`,
      },
      {
        name: 'report week (model+xlsx+pdf)',
        value: week.wallMs,
        unit: 'ms',
        note: `${week.value.consultations.length} consultations; CPU ${seconds(week.cpuMs)}`,
      },
    ];
  } finally {
    db.close();
    if (!keep) temp.cleanup();
  }
}

export const reportsBench: Benchmark = {
  id: 'reports',
  title: 'Reports: a year of consultations → model, xlsx (one row each), pdf (target ≤ 3 s)',
  run: (ctx) => runReportsBench(Math.min(ctx.options.conversations, 50_000), ctx.options.keep, ctx.log),
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => process.argv.indexOf(name);
  const n = arg('--conversations') > 0 ? Number(process.argv[arg('--conversations') + 1]) : 50_000;
  const { renderTable } = await import('./lib/table');
  console.log(renderTable(await runReportsBench(n, arg('--keep') > 0)));
}
