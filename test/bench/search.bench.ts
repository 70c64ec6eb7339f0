import { Rng } from '../../src-main/core/seed';
import { openDatabase } from '../../src-main/core/store/db';
import type { CapturedStatement } from './lib/capture';
import type { Benchmark } from './lib/types';
import { percentile } from './lib/stats';
import { describeStatements, timeCoreCalls, timeReplay, type CoreTimed } from './lib/timing';

/** What officers type into the search box: 1–3 words, table names, places, people, institutions. */
export const SEARCH_QUERIES = [
  'penduduk',
  'pdrb buleleng',
  'tingkat pengangguran',
  'kunjungan wisatawan lovina',
  'inflasi singaraja',
  'ipm',
  'kemiskinan 2023',
  'padi',
  'skripsi',
  'undiksha',
  'excel',
  'sensus pertanian',
  'garis kemiskinan',
  'hotel',
  'kopi',
  'terima kasih',
  'tourist arrivals',
  'data',
  'proyeksi penduduk',
  'ternak sapi',
  'upah buruh',
  'kecamatan sukasada',
  'adhb',
  'harga beras',
  'made wirawan',
  'stikes',
  'rpjmd',
  'lovina',
] as const;

const LIMIT = 50;

function plan(seed: number, iterations: number): string[] {
  const rng = new Rng(seed ^ 0x5ea7c4);
  return Array.from({ length: iterations }, () => rng.pick(SEARCH_QUERIES));
}

export const searchBench: Benchmark = {
  id: 'search',
  title: "Full-text search: core.call('search.messages') against the bare FTS5 SQL (50 newest hits)",

  async run(ctx) {
    await ctx.populated();
    const queries = plan(ctx.options.seed, Math.max(SEARCH_QUERIES.length, Math.round(ctx.options.iterations / 2)));
    ctx.log(`search: ${queries.length} queries through the core, then bare`);
    const core = await (await ctx.core()).call<CoreTimed>('search.core', queries);
    const bare = await (await ctx.bare()).call<number[]>('search.bare', { dbFile: await ctx.coreDbFile(), calls: core.statements });
    const p95 = percentile(core.samples, 95);
    const bareP95 = percentile(bare, 95);
    // The slowest words tell where an index would help (prefix expansion of common words).
    const byQuery = new Map<string, number[]>();
    queries.forEach((q, i) => byQuery.set(q, [...(byQuery.get(q) ?? []), core.samples[i] ?? 0]));
    const slowest = [...byQuery]
      .map(([q, s]) => [q, percentile(s, 50)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    return [
      {
        name: 'search p95',
        value: p95,
        unit: 'ms',
        baseline: bareP95,
        ratio: p95 / bareP95,
        target: 'p95 ≤ 50 ms',
        pass: p95 <= 50,
        note: `${queries.length} queries; slowest (p50): ${slowest.map(([q, ms]) => `"${q}" ${ms.toFixed(0)} ms`).join(', ')}; bare = the core's SQL replayed: ${describeStatements(core.statements)}`,
      },
      {
        name: 'search p50',
        value: percentile(core.samples, 50),
        unit: 'ms',
        baseline: percentile(bare, 50),
        ratio: percentile(core.samples, 50) / percentile(bare, 50),
      },
    ];
  },

  coreTasks: {
    'search.core': (args, state) =>
      timeCoreCalls(
        state,
        'search.messages',
        (args as string[]).map((query) => ({ query, limit: LIMIT })),
        10,
      ),
  },

  bareTasks: {
    'search.bare': (args) => {
      const { dbFile, calls } = args as { dbFile: string; calls: CapturedStatement[][] };
      const db = openDatabase(dbFile, { migrate: false });
      try {
        return timeReplay(db, calls, 10);
      } finally {
        db.close();
      }
    },
  },
};
