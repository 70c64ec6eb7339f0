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
/** Mails per worker task (see flush()). */
const GROUP_SIZE = 25;
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
  /** The attachment store's folder, where the worker writes the files it finds. */
  attachmentsDir?: string,
): Promise<MailParser> {
  if (!entry) return inThreadParser(context);
  if (!existsSync(entry.filename)) {
    onUnavailable(new Error(`parse worker missing: ${entry.filename}`));
    return inThreadParser(context);
  }
  const pool = new Piscina<ParseTask, ParsedInbound[]>({
    filename: entry.filename,
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: WORKER_IDLE_MS,
    // Every group is handed over at once and queued in the worker (parse-worker.ts parses them in
    // turn): a worker that had to ask the main thread for the next group would wait for each store.
    concurrentTasksPerWorker: 10_000,
    // Parsing awaits between steps: a worker that blocks in Atomics.wait between tasks stalls its own parses.
    atomics: 'disabled',
  });
  const officeAddresses = [...(context.officeAddresses ?? [])];
  const run = async (mails: readonly Queued[]): Promise<ParsedInbound[]> => {
    // A copy of just the mails' bytes, moved (not copied again) to the worker: a Buffer is often
    // a view into a larger pooled block, and cloning a view clones the whole block. One block for
    // the group, each mail a view into it: one ArrayBuffer to move, track and free, not 25.
    const block = new Uint8Array(mails.reduce((size, mail) => size + mail.raw.byteLength, 0));
    let at = 0;
    const moved = mails.map(({ raw, position }) => {
      block.set(raw, at);
      at += raw.byteLength;
      return { raw: block.subarray(at - raw.byteLength, at), position };
    });
    const parsed = await pool.run({ mails: moved, officeAddresses, ...(attachmentsDir ? { attachmentsDir } : {}) }, { transferList: [block.buffer] });
    return parsed.map(revive);
  };
  // A worker that fails to load reports it on the pool, not on the task: without a listener the
  // process would treat it as an uncaught error.
  pool.on('error', () => undefined);
  try {
    await withTimeout(run([{ raw: PROBE, position: { mailbox: 'probe', uidValidity: '0', uid: 0, internalDate: null } }]), PROBE_TIMEOUT_MS);
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
  const retryAlone = (mail: Queued): Promise<ParsedInbound> => {
    const retry = alone.then(() =>
      run([mail]).then(
        ([parsed]) => parsed ?? unparsedMail(mail.raw, mail.position, new Error('parse worker returned nothing')),
        (error: unknown) => unparsedMail(mail.raw, mail.position, error),
      ),
    );
    alone = retry;
    return retry;
  };
  // Mails are sent in groups: one task per mail costs the main thread a message and a wake-up per
  // mail, and that is the thread that fetches and stores.
  let group: (Queued & { done: (parsed: Promise<ParsedInbound>) => void })[] = [];
  const flush = () => {
    const sent = group;
    group = [];
    if (sent.length === 0) return;
    const parsed = run(sent);
    sent.forEach((mail, i) =>
      mail.done(
        parsed.then(
          (all) => all[i] ?? retryAlone(mail),
          () => retryAlone(mail),
        ),
      ),
    );
  };
  return {
    mode: 'worker',
    parse: (raw, position) =>
      new Promise<ParsedInbound>((done) => {
        // The first mail of a group schedules its sending: a group never waits past this turn of
        // the event loop for mail that may not come.
        if (group.length === 0) setImmediate(flush);
        group.push({ raw, position, done });
        if (group.length >= GROUP_SIZE) flush();
      }),
    close: () => pool.destroy(),
  };
}

interface Queued {
  raw: Buffer;
  position: ImapPosition;
}

/** Buffers cross a thread as plain Uint8Arrays: the store hashes and writes attachment Buffers. */
function revive(parsed: ParsedInbound): ParsedInbound {
  for (const file of parsed.message.attachments ?? []) {
    if (!('content' in file)) continue;
    const bytes: Uint8Array = file.content;
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
