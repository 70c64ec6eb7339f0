import parseInWorker, { type ParseTask } from '../../src-main/core/channels/email/parse-worker';

/** The real parse worker, except that a mail containing "CRASH-THE-WORKER" kills its thread (as an out-of-memory would). */
export default function crashingParseWorker(task: ParseTask) {
  if (Buffer.from(task.raw).includes('CRASH-THE-WORKER')) process.exit(70);
  return parseInWorker(task);
}
