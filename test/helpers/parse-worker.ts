import { fileURLToPath } from 'node:url';
import type { ParseWorkerEntry } from '../../src-main/core/channels/email/mail-parser';
import { bundleForNode } from './bundle';

/**
 * The mail parse worker run from source, as tests and benchmarks run the core: the TypeScript
 * entry, loaded through tsx inside the worker thread (the built hosts use out/main/mail-parse-worker.js).
 */
export const parseWorkerFromSource = (): ParseWorkerEntry => ({
  filename: fileURLToPath(new URL('../../src-main/core/channels/email/parse-worker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
});

/**
 * The mail parse worker as the console ships it: one esbuild bundle of our code with its
 * dependencies external (electron-vite builds out/main/mail-parse-worker.js the same way), on
 * plain Node. The benchmark measures this one: under tsx the worker would first start a loader
 * thread and compile TypeScript, which no installed console does.
 */
export async function parseWorkerBundled(): Promise<ParseWorkerEntry> {
  const outfile = fileURLToPath(new URL('../../node_modules/.cache/pst-bench/mail-parse-worker.mjs', import.meta.url));
  await bundleForNode(parseWorkerFromSource().filename, outfile);
  return { filename: outfile };
}
