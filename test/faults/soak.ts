/**
 * npm run soak [-- --cycles N] [--seed N]: the fault-injection harness at length (default 200
 * kill/restart cycles). Prints the seed first (`--seed N`, or PST_TEST_SEED=N, replays the same
 * random choices), then progress, then the counts; exits 1 on any loss, duplicate or integrity failure.
 */
import { parseArgs } from 'node:util';
import { testSeed } from '../helpers/seeded-random';
import { runFaultInjection } from './driver';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '200' }, quiet: { type: 'boolean', default: false }, seed: { type: 'string' } } });
const cycles = Number(values.cycles);
if (!Number.isInteger(cycles) || cycles < 1) throw new Error(`--cycles must be a positive integer, got ${values.cycles}`);
if (values.seed !== undefined) process.env.PST_TEST_SEED = values.seed;
testSeed();

const report = await runFaultInjection({ cycles, log: values.quiet ? undefined : (line) => console.log(line) });
console.log(report.summary);
process.exit(report.ok ? 0 : 1);
