import { existsSync } from 'node:fs';
import { Piscina } from 'piscina';
import type { ParseTask } from './parse-worker';
import { parseMailSafe, unparsedMail, type ImapPosition, type ParseContext, type ParsedInbound } from './parse';

/** Where the host's built parse worker is (and, in tests run from source, how to load TypeScript). */
export interface ParseWorkerEntry {
  filename: string;
  execArgv?: string[];
}

/** Turns fetched mail into ParsedInbound: in a worker thread when the host has one, else on this thread. */
export interface MailParser {
  readonly mode: 'worker' | 'thread';
  parse(raw: Buffer, position: ImapPosition): Promise<ParsedInbound>;
  close(): Promise<void>;
}

export const inThreadParser = (context: ParseContext): MailParser => ({
  mode: 'thread',
  parse: (raw, position) => parseMailSafe(raw, position, context),
  close: () => Promise.resolve(),
});

/** A mail of a few bytes: the worker must parse it before it is trusted with real mail. */
const PROBE = Buffer.from('From: probe@pst.invalid\r\nSubject: probe\r\nMessage-ID: <probe@pst.invalid>\r\n\r\nprobe\r\n');
/** A worker not answering its probe by then is taken as unable to start. */
const PROBE_TIMEOUT_MS = 15_000;
/** The worker leaves after this long without mail (IDLE brings a mail now and then; ~40 MB is not kept for that). */
const WORKER_IDLE_MS = 60_000;

/**
 * The parser a mailbox sync uses. With a worker entry, one worker thread parses (the PCs have few
 * cores; the main thread fetches and stores meanwhile) and it is tried on a probe mail first: a
 * worker that cannot start (a missing file in a broken install) leaves parsing on this thread,
 * reported through onUnavailable, rather than storing every mail as unreadable.
 */
export async function startMailParser(
  context: ParseContext,
  entry: ParseWorkerEntry | undefined,
  onUnavailable: (error: unknown) => void,
): Promise<MailParser> {
  if (!entry) return inThreadParser(context);
  if (!existsSync(entry.filename)) {
    onUnavailable(new Error(`parse worker missing: ${entry.filename}`));
    return inThreadParser(context);
  }
  const pool = new Piscina<ParseTask, ParsedInbound>({
    filename: entry.filename,
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: WORKER_IDLE_MS,
    concurrentTasksPerWorker: 1_000,
    // mailparser is stream-based: a worker that blocks in Atomics.wait between tasks stalls its own parses.
    atomics: 'disabled',
  });
  const officeAddresses = [...(context.officeAddresses ?? [])];
  const run = async (raw: Buffer, position: ImapPosition) => {
    // A copy of just this mail's bytes, moved (not copied again) to the worker: a Buffer is often a
    // view into a larger pooled block, and cloning a view clones the whole block.
    const bytes = new Uint8Array(raw);
    return revive(await pool.run({ raw: bytes, position, officeAddresses }, { transferList: [bytes.buffer] }));
  };
  // A worker that fails to load reports it on the pool, not on the task: without a listener the
  // process would treat it as an uncaught error.
  pool.on('error', () => undefined);
  try {
    await withTimeout(run(PROBE, { mailbox: 'probe', uidValidity: '0', uid: 0, internalDate: null }), PROBE_TIMEOUT_MS);
  } catch (error) {
    await pool.destroy().catch(() => undefined);
    onUnavailable(error);
    return inThreadParser(context);
  }
  // parseMailSafe never throws, so a rejection means the worker died (memory, a crash in a native
  // part), taking every mail it held with it. Each of those is parsed again alone, one after
  // another, in the new worker the pool starts: the mails that were merely in flight come through,
  // and only the one the worker dies on again is kept as raw text.
  let alone: Promise<unknown> = Promise.resolve();
  const retryAlone = (raw: Buffer, position: ImapPosition): Promise<ParsedInbound> => {
    const retry = alone.then(() => run(raw, position).catch((error: unknown) => unparsedMail(raw, position, error)));
    alone = retry;
    return retry;
  };
  return {
    mode: 'worker',
    parse: (raw, position) => run(raw, position).catch(() => retryAlone(raw, position)),
    close: () => pool.destroy(),
  };
}

/** Buffers cross a thread as plain Uint8Arrays: the store hashes and writes attachment Buffers. */
function revive(parsed: ParsedInbound): ParsedInbound {
  for (const file of parsed.message.attachments ?? []) {
    const bytes = file.content as Uint8Array;
    if (!Buffer.isBuffer(bytes)) file.content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return parsed;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`parse worker did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
