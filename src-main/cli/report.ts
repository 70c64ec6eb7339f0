/**
 * Scheduled report export, without the console running or beside it:
 *
 *   npm run report -- --data-dir DIR --week 2026-W48 --format xlsx,pdf --out DIR
 *   npm run report -- --month 2026-11
 *   npm run report -- --from 2026-11-01 --to 2026-11-15
 *   npm run report -- --year 2026 --kind ikm        (the yearly IKM/SKM report)
 *
 * No period = last ISO week (WITA). Reads the database read-only (WAL: the console may be writing
 * at the same time). Exit 0 with the written paths on stdout; 2 on a bad argument; 1 when the
 * report cannot be made (no database, an older schema). Messages: Indonesian, then English.
 */
import { wordCoreMessage } from '../../src-common/messages';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ReportFormat, ReportPeriodInput } from '../../src-preload/contract';
import { AppError } from '../core/errors';
import { defaultDataDir } from '../core/paths';
import { lastWeek, resolvePeriod } from '../core/reports/period';

/** The console's database file (src-main/core/app.ts DATABASE_FILE; a test keeps them equal). Not
 * imported from app.ts, which loads every connector: a bad argument should fail in a blink. */
export const CLI_DATABASE_FILE = 'pst-console.sqlite3';

/** The schema the report reads (sla_pauses, rating_requests: migration 0002). */
const NEEDED_SCHEMA = 2;

const USAGE = `Pemakaian / usage:
  npm run report -- [--data-dir DIR] [--week YYYY-Www | --month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD]
                    [--format xlsx,pdf] [--out DIR]
  npm run report -- --year YYYY --kind ikm [--format xlsx,pdf] [--out DIR]
  --kind      service (laporan pelayanan, bawaan / default) atau ikm (laporan SKM tahunan / yearly IKM report)
  Tanpa periode: minggu lalu (WITA) / no period: last ISO week (WITA).
  --data-dir  folder data konsol / the console's data folder (default: ${defaultDataDir()})
  --out       folder keluaran / output folder (default: <data-dir>/reports)`;

export class UsageError extends Error {}

export interface CliOptions {
  dataDir: string;
  period: ReportPeriodInput | null;
  /** Set for --kind ikm: the calendar year of the IKM report. */
  ikmYear: number | null;
  formats: ReportFormat[];
  outDir: string;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        week: { type: 'string' },
        month: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        year: { type: 'string' },
        kind: { type: 'string', default: 'service' },
        format: { type: 'string', default: 'xlsx,pdf' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`Argumen tidak dikenal atau tidak lengkap / unknown or incomplete argument: ${(error as Error).message}`);
  }
  const v = parsed.values;
  if (v.help) throw new UsageError('');
  if (v.kind !== 'service' && v.kind !== 'ikm') throw new UsageError(`--kind harus service atau ikm (diberikan "${v.kind}") / --kind must be service or ikm`);
  let ikmYear: number | null = null;
  if (v.kind === 'ikm') {
    if (v.week !== undefined || v.month !== undefined || v.from !== undefined || v.to !== undefined)
      throw new UsageError('Laporan IKM memakai --year saja / the IKM report takes --year only');
    if (v.year === undefined || !/^\d{4}$/.test(v.year) || Number(v.year) < 2000 || Number(v.year) > 2100)
      throw new UsageError(`--year harus tahun empat angka, mis. 2026 (diberikan "${v.year ?? ''}") / --year must be a year such as 2026`);
    ikmYear = Number(v.year);
  } else if (v.year !== undefined) throw new UsageError('--year hanya untuk --kind ikm / --year goes with --kind ikm');
  const kinds = [v.week !== undefined, v.month !== undefined, v.from !== undefined || v.to !== undefined].filter(Boolean).length;
  if (kinds > 1) throw new UsageError('Pilih satu periode: --week, --month, atau --from/--to / choose one period: --week, --month or --from/--to');
  if ((v.from === undefined) !== (v.to === undefined)) throw new UsageError('--from dan --to harus diisi bersama / --from and --to go together');
  const period: ReportPeriodInput | null =
    v.week !== undefined
      ? { kind: 'week', week: v.week }
      : v.month !== undefined
        ? { kind: 'month', month: v.month }
        : v.from !== undefined
          ? { kind: 'range', from: v.from, to: v.to! }
          : null;
  if (period) {
    try {
      resolvePeriod(period);
    } catch (error) {
      // A terminal has no language switch: the core's reason in both languages, Indonesian first.
      const reason =
        error instanceof AppError && error.coreMessage
          ? `${wordCoreMessage('id', error.coreMessage)} / ${wordCoreMessage('en', error.coreMessage)}`
          : (error as Error).message;
      throw new UsageError(`Periode tidak valid / invalid period: ${reason}`);
    }
  }
  const formats = v.format
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const bad = formats.filter((f) => f !== 'xlsx' && f !== 'pdf');
  if (formats.length === 0 || bad.length > 0)
    throw new UsageError(`Format harus xlsx dan/atau pdf (diberikan "${v.format}") / --format must be xlsx and/or pdf`);
  const dataDir = resolve(v['data-dir'] ?? defaultDataDir());
  return { dataDir, period, ikmYear, formats: formats as ReportFormat[], outDir: resolve(v.out ?? join(dataDir, 'reports')) };
}

export async function runReportCli(argv: string[], out: (line: string) => void, err: (line: string) => void, now = Date.now()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) err(error.message);
    err(USAGE);
    return error.message ? 2 : 0;
  }
  const file = join(options.dataDir, CLI_DATABASE_FILE);
  if (!existsSync(file)) {
    err(`Basis data tidak ditemukan: ${file} / database not found (check --data-dir)`);
    return 1;
  }
  // Loaded only now: the core and pdfmake take a while to load, and a usage error needs neither.
  const [{ openDatabase }, { calendarQueries }, { exportReport, exportIkmYear }] = await Promise.all([
    import('../core/store/db'),
    import('../core/calendar'),
    import('../core/reports/export'),
  ]);
  let db;
  try {
    db = openDatabase(file, { readonly: true, migrate: false });
  } catch (error) {
    err(`Basis data tidak dapat dibuka / cannot open the database: ${(error as Error).message}`);
    return 1;
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < NEEDED_SCHEMA) {
      err(
        `Skema basis data ${version} terlalu lama; jalankan konsol sekali untuk memperbaruinya / schema ${version} is too old: start the console once to upgrade it`,
      );
      return 1;
    }
    const calendar = calendarQueries(db).buildCalendar();
    const common = { formats: options.formats, outDir: options.outDir, includeContent: false, now };
    const result =
      options.ikmYear !== null
        ? await exportIkmYear(db, calendar, { ...common, year: options.ikmYear })
        : await exportReport(db, calendar, { ...common, period: options.period ?? lastWeek(now, calendar.timeZone) });
    err(`Laporan ${result.period.label} / report written:`);
    for (const f of result.files) out(f.path);
    return 0;
  } catch (error) {
    err(`Laporan gagal dibuat / the report failed: ${error instanceof AppError ? error.message : (error as Error).stack}`);
    return 1;
  } finally {
    db.close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  runReportCli(
    process.argv.slice(2),
    (l) => console.log(l),
    (l) => console.error(l),
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
