/**
 * `npm run bench [-- --only ingest,inbox,search,memory --conversations N --messages M]`
 *
 * Runs the registered benchmarks against the real core in a child process and prints each figure
 * beside a bare baseline measured in the same run. Benchmarks inform; they are not tests: the exit
 * code is 0 even when a target is missed (a failure to run at all still exits non-zero).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { createContext } from './lib/context';
import { parseOptions } from './lib/options';
import { renderTable } from './lib/table';
import type { BenchLine } from './lib/types';
import { benchmarks } from './registry';

const options = parseOptions(process.argv.slice(2));
const selected = benchmarks.filter((b) => !options.only || options.only.includes(b.id));
const unknown = options.only?.filter((id) => !benchmarks.some((b) => b.id === id)) ?? [];
if (unknown.length > 0) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.id).join(', ')}`);

console.log(
  `PST Console benchmarks: ${options.conversations.toLocaleString('en-US')} conversations, ${options.messages.toLocaleString('en-US')} messages, seed ${options.seed}, batch ${options.batchSize}`,
);
// Other work on the machine slows every figure alike; the load average says how much there was.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${load()}\n`);

const ctx = createContext(options);
const rows: BenchLine[] = [];
const started = performance.now();
try {
  for (const bench of selected) {
    console.log(`▶ ${bench.title}`);
    const t0 = performance.now();
    const lines = await bench.run(ctx);
    rows.push(...lines);
    console.log(`${renderTable(lines)}\n  (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  }
} finally {
  await ctx.dispose();
}

const judged = rows.filter((r) => r.pass !== undefined);
const missed = judged.filter((r) => !r.pass);
console.log(`══ Summary (${((performance.now() - started) / 1000).toFixed(0)} s, load at end ${load()}) ══`);
console.log(renderTable(rows));
console.log(`\n${judged.length - missed.length}/${judged.length} targets met${missed.length ? `; missed: ${missed.map((r) => r.name).join(', ')}` : ''}`);
