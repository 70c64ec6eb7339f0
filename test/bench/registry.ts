import { consoleBench } from './console.bench';
import { emailSyncBench } from './email-sync.bench';
import { inboxBench } from './inbox.bench';
import { ingestBench } from './ingest.bench';
import { lanBench } from './lan.bench';
import { memoryBench } from './memory.bench';
import { reportsBench } from './reports.bench';
import { searchBench } from './search.bench';
import { similarBench } from './similar.bench';
import { telegramBench } from './telegram.bench';
import type { Benchmark } from './lib/types';

/**
 * Every benchmark of `npm run bench`, in the order they run. To add one: write
 * test/bench/<name>.bench.ts exporting a Benchmark, and list it here (before `memoryBench`,
 * which reports the core's peak RSS over everything that ran before it).
 */
export const benchmarks: Benchmark[] = [
  ingestBench,
  inboxBench,
  searchBench,
  telegramBench,
  emailSyncBench,
  reportsBench,
  consoleBench,
  similarBench,
  lanBench,
  memoryBench,
];
