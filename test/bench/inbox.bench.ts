import type { ConversationStatus, Input } from '../../src-preload/contract';
import { Rng } from '../../src-main/core/seed';
import { openDatabase } from '../../src-main/core/store/db';
import type { CapturedStatement } from './lib/capture';
import type { Benchmark } from './lib/types';
import { percentile } from './lib/stats';
import { describeStatements, timeCoreCalls, timeReplay, type CoreTimed } from './lib/timing';

interface PageRequest {
  status: ConversationStatus;
  offset: number;
}

const PAGE = 50;

/** What officers open: mostly the first page of a working status, now and then deeper pages or closed lists. */
function plan(seed: number, iterations: number, mix: Record<string, number>): PageRequest[] {
  const rng = new Rng(seed ^ 0x1b0c);
  const out: PageRequest[] = [];
  for (let i = 0; i < iterations; i++) {
    const status = rng.weighted<ConversationStatus>([
      ['new', 20],
      ['awaiting_requirements', 15],
      ['in_progress', 25],
      ['waiting_requester', 15],
      ['resolved', 10],
      ['rated', 15],
    ]);
    const pages = Math.max(1, Math.ceil((mix[status] ?? 0) / PAGE));
    const page = rng.weighted([
      [0, 60],
      [rng.int(1, 4), 25],
      [rng.int(5, 40), 10],
      [rng.int(0, pages - 1), 5],
    ] as const);
    out.push({ status, offset: Math.min(page, pages - 1) * PAGE });
  }
  return out;
}

export const inboxBench: Benchmark = {
  id: 'inbox',
  title: "Inbox page: core.call('inbox.list') as an officer against the bare SQL (one status, by due, 50 rows)",

  async run(ctx) {
    await ctx.populated();
    const requests = plan(ctx.options.seed, ctx.options.iterations, ctx.shared.get('statuses') as Record<string, number>);
    ctx.log(`inbox: ${requests.length} pages through the core, then bare`);
    const core = await (await ctx.core()).call<CoreTimed>('inbox.core', requests);
    const dbFile = await ctx.coreDbFile();
    const bare = await (await ctx.bare()).call<number[]>('inbox.bare', { dbFile, calls: core.statements });
    const p95 = percentile(core.samples, 95);
    const bareP95 = percentile(bare, 95);
    const p50 = percentile(core.samples, 50);
    const bareP50 = percentile(bare, 50);
    const deep = requests.map((r, i) => [r.offset, core.samples[i] ?? 0] as const).filter(([o]) => o >= 500);

    // The console's first screen: the work queue (open consultations, new first, then by due) and its chips.
    ctx.log('inbox: the work queue and its counts through the core, then bare');
    const rounds = Math.max(20, Math.min(200, ctx.options.iterations));
    const queue = await (await ctx.core()).call<CoreTimed>('queue.core', rounds);
    const counts = await (await ctx.core()).call<CoreTimed>('counts.core', rounds);
    const listTimes = queue.samples;
    const countTimes = counts.samples;
    const listBare = await (await ctx.bare()).call<number[]>('inbox.bare', { dbFile, calls: queue.statements });
    const countBare = await (await ctx.bare()).call<number[]>('inbox.bare', { dbFile, calls: counts.statements });
    const queueLines = [
      {
        name: 'work queue page p95',
        value: percentile(listTimes, 95),
        unit: 'ms',
        baseline: percentile(listBare, 95),
        ratio: percentile(listTimes, 95) / percentile(listBare, 95),
        target: 'p95 ≤ 15 ms',
        pass: percentile(listTimes, 95) <= 15,
        note: `${rounds} first pages of "Perlu ditangani" (100 rows, new first, then due); bare = the same SQL replayed: ${describeStatements(queue.statements)}`,
      },
      {
        name: 'work queue counts p95',
        value: percentile(countTimes, 95),
        unit: 'ms',
        baseline: percentile(countBare, 95),
        ratio: percentile(countTimes, 95) / percentile(countBare, 95),
        target: 'p95 ≤ 15 ms',
        pass: percentile(countTimes, 95) <= 15,
        note: 'inbox.counts: all eight chips in one pass over the open consultations',
      },
    ];
    return [
      {
        name: 'inbox page p95',
        value: p95,
        unit: 'ms',
        baseline: bareP95,
        ratio: p95 / bareP95,
        target: 'p95 ≤ 15 ms and ≤ 1.5× bare',
        pass: p95 <= 15 && p95 / bareP95 <= 1.5,
        note: `${requests.length} pages; bare = the core's own SQL replayed: ${describeStatements(core.statements)}`,
      },
      { name: 'inbox page p50', value: p50, unit: 'ms', baseline: bareP50, ratio: p50 / bareP50 },
      {
        name: 'inbox page max',
        value: Math.max(...core.samples),
        unit: 'ms',
        baseline: Math.max(...bare),
        note: deep.length
          ? `${deep.length} pages at offset ≥ 500: p95 ${percentile(
              deep.map(([, ms]) => ms),
              95,
            ).toFixed(1)} ms`
          : undefined,
      },
      ...queueLines,
    ];
  },

  coreTasks: {
    // The queue's first page and its counts, as the console asks on opening.
    'queue.core': (args, state) =>
      timeCoreCalls(
        state,
        'inbox.list',
        Array.from({ length: args as number }, (): Input<'inbox.list'> => ({ filter: { queue: 'todo' }, sort: 'queue', offset: 0, limit: 100 })),
      ),
    'counts.core': (args, state) =>
      timeCoreCalls(
        state,
        'inbox.counts',
        Array.from({ length: args as number }, (): Input<'inbox.counts'> => ({})),
      ),
    'inbox.core': (args, state) =>
      timeCoreCalls(
        state,
        'inbox.list',
        (args as PageRequest[]).map((r): Input<'inbox.list'> => ({ filter: { status: [r.status] }, sort: 'due', offset: r.offset, limit: PAGE })),
      ),
  },

  bareTasks: {
    'inbox.bare': (args) => {
      const { dbFile, calls } = args as { dbFile: string; calls: CapturedStatement[][] };
      const db = openDatabase(dbFile, { migrate: false });
      try {
        return timeReplay(db, calls);
      } finally {
        db.close();
      }
    },
  },
};
