import parseInWorker, { type ParseTask } from '../../src-main/core/channels/email/parse-worker';

/** The real parse worker, except that a group holding a mail with "CRASH-THE-WORKER" kills its thread (as an out-of-memory would). */
export default function crashingParseWorker(task: ParseTask) {
  if (task.mails.some((m) => Buffer.from(m.raw).includes('CRASH-THE-WORKER'))) process.exit(70);
  return parseInWorker(task);
}
