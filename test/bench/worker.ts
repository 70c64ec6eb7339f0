/**
 * Entry of a benchmark worker process: `core` runs the real core, `bare` the raw baselines. It
 * answers task calls from the harness (test/bench/lib/worker-handle.ts) one at a time.
 */
import { benchmarks } from './registry';
import { bareFixtureTasks, coreFixtureTasks } from './lib/fixture-tasks';
import type { WorkerState, WorkerTask } from './lib/types';

const role = process.argv[2] === 'bare' ? 'bare' : 'core';
const state: WorkerState = { role };
const closers: (() => void)[] = [];
state.onClose = (fn: () => void) => closers.push(fn);

const tasks: Record<string, WorkerTask> = {
  // maxRSS is in kilobytes on Linux and Windows.
  'worker.maxRss': () => process.resourceUsage().maxRSS * 1024,
  'worker.close': () => {
    for (const fn of closers.splice(0).reverse()) fn();
    return null;
  },
  ...(role === 'core' ? coreFixtureTasks : bareFixtureTasks),
};
for (const bench of benchmarks) {
  for (const [name, task] of Object.entries((role === 'core' ? bench.coreTasks : bench.bareTasks) ?? {})) {
    if (name in tasks) throw new Error(`duplicate worker task ${name}`);
    tasks[name] = task;
  }
}

// Calls are handled strictly one after another, as a real core handles one call at a time per caller.
let queue = Promise.resolve();
process.on('message', (raw) => {
  const { id, task, args } = raw as { id: number; task: string; args: unknown };
  queue = queue.then(async () => {
    try {
      const fn = tasks[task];
      if (!fn) throw new Error(`unknown task ${task}`);
      process.send?.({ id, ok: true, value: await fn(args, state) });
    } catch (error) {
      process.send?.({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
});
process.on('disconnect', () => process.exit(0));
