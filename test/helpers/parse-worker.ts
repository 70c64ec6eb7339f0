import { fileURLToPath } from 'node:url';
import type { ParseWorkerEntry } from '../../src-main/core/channels/email/mail-parser';

/**
 * The mail parse worker run from source, as tests and benchmarks run the core: the TypeScript
 * entry, loaded through tsx inside the worker thread (the built hosts use out/main/mail-parse-worker.js).
 */
export const parseWorkerFromSource = (): ParseWorkerEntry => ({
  filename: fileURLToPath(new URL('../../src-main/core/channels/email/parse-worker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
});
