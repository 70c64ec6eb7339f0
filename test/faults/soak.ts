/**
 * npm run soak [-- --cycles N]: the fault-injection harness at length (default 200 kill/restart
 * cycles). Prints progress, then the counts; exits 1 on any loss, duplicate or integrity failure.
 */
import { parseArgs } from 'node:util';
import { runFaultInjection } from './driver';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '200' }, quiet: { type: 'boolean', default: false } } });
const cycles = Number(values.cycles);
if (!Number.isInteger(cycles) || cycles < 1) throw new Error(`--cycles must be a positive integer, got ${values.cycles}`);

const report = await runFaultInjection({ cycles, log: values.quiet ? undefined : (line) => console.log(line) });
console.log(report.summary);
process.exit(report.ok ? 0 : 1);
