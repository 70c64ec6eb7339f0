import { DEFAULT_SEED_END, generateSeed, type SeedMessage } from '../../../src-main/core/seed';
import type { BenchOptions } from './options';
import type { BenchContext } from './types';
import { WorkerHandle } from './worker-handle';

export interface CoreInfo {
  dir: string;
  dbFile: string;
}

/** The instant the seeded data set ends; statuses are planned as of then. */
export const SEED_NOW = DEFAULT_SEED_END;

/**
 * Generates the data set in the harness and hands it to a worker batch by batch, keeping one
 * call in flight so generating the next batch overlaps the worker's work on this one.
 */
export async function streamSeed<W>(options: BenchOptions, worker: WorkerHandle, task: string, wire: (batch: SeedMessage[]) => W): Promise<void> {
  let inFlight: Promise<unknown> | null = null;
  let sent = 0;
  let reported = 0;
  const started = performance.now();
  for (const batch of generateSeed({ seed: options.seed, conversations: options.conversations, messages: options.messages, batchSize: options.batchSize })) {
    const payload = wire(batch);
    sent += batch.length;
    // A long load says how far it got, so a slow machine is told from a stuck run.
    if (sent - reported >= options.messages / 10) {
      reported = sent;
      process.stderr.write(`    ${task}: ${Math.round((sent / options.messages) * 100)} % after ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
    if (inFlight) await inFlight;
    inFlight = worker.call(task, payload);
  }
  if (inFlight) await inFlight;
}

export function createContext(options: BenchOptions): BenchContext & { dispose(): Promise<void> } {
  let core: Promise<WorkerHandle> | null = null;
  let info: Promise<CoreInfo> | null = null;
  let bare: Promise<WorkerHandle> | null = null;
  const shared = new Map<string, unknown>();
  const log = (message: string) => process.stderr.write(`  · ${message}\n`);

  const ctx = {
    options,
    shared,
    log,
    core: () => {
      core ??= (async () => {
        const worker = await WorkerHandle.start('core');
        info = worker.call<CoreInfo>('core.open', { keep: options.keep });
        const { dir } = await info;
        shared.set('rss.idle', await worker.maxRss());
        log(`core worker: data dir ${dir}`);
        return worker;
      })();
      return core;
    },
    coreDbFile: async () => {
      await ctx.core();
      return (await (info as Promise<CoreInfo>)).dbFile;
    },
    bare: () => (bare ??= WorkerHandle.start('bare')),
    /** Loads the data set through ingest (if no benchmark did yet), then the status pass. */
    populated: async () => {
      const worker = await ctx.core();
      if (!shared.get('loaded')) {
        log(`loading ${options.conversations} conversations / ${options.messages} messages through ingestBatch (setup)`);
        await streamSeed(options, worker, 'core.ingest', (batch) => batch.map((m) => m.inbound));
        shared.set('loaded', true);
      }
      if (!shared.get('statuses')) {
        const dbFile = await ctx.coreDbFile();
        const mix = await (await ctx.bare()).call<Record<string, number>>('bare.setupStatuses', { dbFile, now: SEED_NOW, seed: options.seed });
        log(
          `status mix: ${Object.entries(mix)
            .map(([s, n]) => `${s} ${n}`)
            .join(', ')}`,
        );
        shared.set('statuses', mix);
      }
      if (!shared.get('indexed')) {
        const ms = await (await ctx.bare()).call<number>('bare.indexSearch', { dbFile: await ctx.coreDbFile() });
        log(`word index of the loaded messages built in ${(ms / 1000).toFixed(1)} s (setup)`);
        shared.set('indexed', true);
      }
    },
    dispose: async () => {
      await Promise.all([core, bare].map(async (w) => (await w)?.stop()));
    },
  };
  return ctx;
}
