import type { CoreMessage } from '../../../../src-preload/contract';
import { ImapFlow } from 'imapflow';
import type { CoreServices } from '../../services';
import { AUTH_RETRY_MS, authRetryDelay } from '../backoff';
import { officeAddresses, type EmailAccount } from './config';
import { describeConnectionError, imapClosed, imapOptions, isAuthFailure } from './connection';
import { recordTechnical } from '../technical';
import type { ParseContext, ParsedInbound } from './parse';
import { startMailParser, type MailParser, type ParseWorkerEntry } from './mail-parser';
import { newestFirstSet } from './newest-first';
import { AnsweredUids, fetchSources, streamSources, uidSets, type FetchedMail, type FetchRun } from './imap-fetch';
import { StorePipeline } from './pipeline';
import { cursorUpdate, readCursor, storeMails, type MailboxCursor } from './store';

export type SyncState = 'connected' | 'syncing' | 'idle' | 'auth_failed' | 'offline';

export interface SyncStatus {
  state: SyncState;
  detail: CoreMessage[];
  nextRetryAt: number | null;
}

export interface SyncOptions {
  mailbox?: string;
  /** Mails per ingest transaction (and per cursor step). */
  batchSize?: number;
  /** Reconnect backoff: first delay, doubling up to the maximum. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Waits after each rejected login, the last one repeating (default AUTH_RETRY_MS; tests: ms). */
  authRetryMs?: readonly number[];
  /** How long the connection sits quiet before imapflow enters IDLE. */
  idleDelayMs?: number;
  /** A sync pass even without an EXISTS push (safety net; servers without IDLE). */
  pollMs?: number;
  onStatus(status: SyncStatus): void;
  /** After each stored batch (tests and the benchmark count progress). */
  onBatch?(stored: number, done: number, total: number): void;
  /** The host's built parse worker; without it mail is parsed on the main thread. */
  parseWorker?: ParseWorkerEntry;
}

/** A sync with more mail than this stores the newest this many first (with their threads). */
const NEWEST_FIRST_COUNT = 100;

/** Parsed batches waiting to be stored: enough to keep the parser busy, few enough to bound memory. */
const MAX_BATCHES_IN_FLIGHT = 3;

/**
 * Keeps one mailbox in the store: a cursor per mailbox (UIDVALIDITY, last UID, HIGHESTMODSEQ),
 * a first sync of everything (or since a date) in batches with progress, then IDLE pushes
 * (polling where IDLE is missing), reconnecting with backoff. Each batch is stored with its
 * cursor in one transaction, so a crash or a dropped connection resumes where it stopped.
 */
export class MailboxSync {
  private readonly options: Required<Omit<SyncOptions, 'onBatch' | 'parseWorker'>> & Pick<SyncOptions, 'onBatch' | 'parseWorker'>;
  private parserStarted: Promise<MailParser> | null = null;
  private stopped = false;
  private client: ImapFlow | null = null;
  private wakeFlag = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private attempt = 0;
  /** Consecutive rejected logins: picks the next step of authRetryMs; a login that works resets it. */
  private authFailures = 0;
  /** The officer asked to reconnect (or stop): ends a backoff wait, which mail events must not. */
  private reconnectRequested = false;
  private readonly parseContext: ParseContext;

  constructor(
    private readonly core: CoreServices,
    private readonly account: EmailAccount,
    options: SyncOptions,
  ) {
    this.options = {
      mailbox: 'INBOX',
      batchSize: 200,
      retryBaseMs: 2_000,
      retryMaxMs: 5 * 60_000,
      authRetryMs: AUTH_RETRY_MS,
      idleDelayMs: 1_000,
      pollMs: 60_000,
      ...options,
    };
    this.parseContext = { officeAddresses: officeAddresses(account) };
  }

  private get accountKey(): string {
    return this.account.user.toLowerCase();
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    this.client?.close();
    await this.loop;
    await (await this.parserStarted)?.close();
  }

  /** Started with the first mail to parse: a console whose mailbox is quiet starts no worker. */
  private parser(): Promise<MailParser> {
    this.parserStarted ??= startMailParser(
      this.parseContext,
      this.options.parseWorker,
      (error) => recordTechnical(this.core, 'email', error, [this.account.password]),
      this.core.attachments.root,
    );
    return this.parserStarted;
  }

  /** Sync now (an EXISTS push, a reconnect request). */
  wake(): void {
    this.wakeFlag = true;
    this.wakeUp?.();
  }

  /**
   * Reconnect at once, also during an authentication-failure wait. The auth backoff step is kept:
   * only a login that works (or new settings, which start a new MailboxSync) resets it.
   */
  reconnectNow(): void {
    this.attempt = 0;
    this.reconnectRequested = true;
    this.client?.close();
    this.wake();
  }

  /** Waits out a backoff: only reconnectNow() or stop() end it early, never the old client's events. */
  private backoff(client: ImapFlow, ms: number): Promise<void> {
    client.removeAllListeners('exists');
    client.removeAllListeners('close');
    client.close();
    this.wakeFlag = this.reconnectRequested;
    this.reconnectRequested = false;
    return this.sleep(ms);
  }

  private sleep(ms: number | null): Promise<void> {
    if (this.wakeFlag || this.stopped) {
      this.wakeFlag = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.wakeUp = null;
        this.wakeFlag = false;
        resolve();
      };
      if (ms !== null) timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const client = new ImapFlow(imapOptions(this.account, { autoIdleDelay: this.options.idleDelayMs }));
      this.client = client;
      client.on('error', () => undefined); // surfaced through the failing command or 'close'
      client.on('exists', () => this.wake());
      client.on('close', () => this.wake());
      try {
        // A first sync (no cursor yet) will parse: the worker starts while the connection is made.
        if (!readCursor(this.core, this.accountKey, this.options.mailbox)) void this.parser();
        await client.connect();
        this.attempt = 0;
        this.authFailures = 0;
        this.reconnectRequested = false;
        this.options.onStatus({ state: 'connected', detail: [], nextRetryAt: null });
        await client.mailboxOpen(this.options.mailbox);
        const pollMs = client.capabilities.has('IDLE') ? this.options.pollMs : Math.min(this.options.pollMs, 30_000);
        while (!this.stopped) {
          await this.syncPass(client);
          if (!client.usable) throw imapClosed();
          this.options.onStatus({ state: 'idle', detail: [], nextRetryAt: null });
          await this.sleep(pollMs);
          if (!client.usable) throw imapClosed();
        }
      } catch (error) {
        if (this.stopped) break;
        recordTechnical(this.core, 'email', error, [this.account.password]);
        if (isAuthFailure(error)) {
          const delay = authRetryDelay(this.options.authRetryMs, this.authFailures);
          this.authFailures++;
          this.options.onStatus({ state: 'auth_failed', detail: [describeConnectionError(error)], nextRetryAt: Date.now() + delay });
          await this.backoff(client, delay);
          continue;
        }
        const delay = Math.round(Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** this.attempt) * (0.8 + Math.random() * 0.4));
        this.attempt++;
        this.options.onStatus({ state: 'offline', detail: [describeConnectionError(error)], nextRetryAt: Date.now() + delay });
        await this.backoff(client, delay);
      } finally {
        client.close();
        this.client = null;
      }
    }
  }

  /** Fetches every mail above the cursor and stores it batch by batch with the cursor. */
  private async syncPass(client: ImapFlow): Promise<void> {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error('Kotak surat tidak terbuka');
    const uidValidity = String(mailbox.uidValidity);
    const stored = readCursor(this.core, this.accountKey, this.options.mailbox);
    // A new UIDVALIDITY voids every UID we know: fetch all again; stable external ids drop the copies.
    const fresh = !stored || stored.uidValidity !== uidValidity;
    const cursor: MailboxCursor = fresh ? { uidValidity, lastUid: 0, highestModseq: null } : stored;
    // Mail above the cursor: the worker starts while the server searches (a quiet mailbox starts none).
    if ((mailbox.uidNext ?? 1) - 1 > cursor.lastUid && mailbox.exists > 0) void this.parser();

    let uids: number[];
    if (fresh && this.account.syncSince !== null) {
      uids = (await client.search({ since: new Date(this.account.syncSince) }, { uid: true })) || [];
    } else {
      uids = (await client.search({ uid: `${cursor.lastUid + 1}:*` }, { uid: true })) || [];
    }
    uids = uids.filter((uid) => uid > cursor.lastUid).sort((a, b) => a - b);
    const highestModseq = mailbox.highestModseq !== undefined ? String(mailbox.highestModseq) : null;
    if (uids.length === 0) {
      if (fresh || cursor.highestModseq !== highestModseq) {
        const top = Math.max(cursor.lastUid, (mailbox.uidNext ?? 1) - 1);
        storeMails(this.core, [], cursorUpdate(this.accountKey, this.options.mailbox, { uidValidity, lastUid: top, highestModseq }));
      }
      return;
    }

    const progress = { done: 0, total: uids.length };
    this.reportProgress(progress);
    const store = async (batch: StoreBatch) => {
      const parsed = await batch.parsed;
      if (parsed.length === 0) return;
      const lastUid = Math.max(cursor.lastUid, batch.answeredUpTo ?? 0);
      // Mail stored ahead of older mail leaves the cursor where it is (not even written: a first
      // sync's cursor must not exist before its first in-order batch, or a restart would take the
      // whole mailbox instead of the chosen period).
      const update =
        batch.answeredUpTo !== null
          ? cursorUpdate(this.accountKey, this.options.mailbox, { uidValidity: cursor.uidValidity, lastUid, highestModseq: cursor.highestModseq })
          : undefined;
      const result = storeMails(this.core, parsed, update);
      if (batch.answeredUpTo !== null) cursor.lastUid = lastUid;
      progress.done += parsed.length;
      this.options.onBatch?.(result.results.filter((r) => r.outcome === 'inserted').length, progress.done, progress.total);
      this.reportProgress(progress);
    };
    // Batches are stored strictly in the order pushed, one after another, while the next ones are
    // fetched and parsed: this thread fetches and stores, the parser (a worker) parses.
    const pipeline = new StorePipeline(store, MAX_BATCHES_IN_FLIGHT);
    let first: number[] = [];
    try {
      // The newest mail first, with what it needs to land where it belongs (its thread, its sender's
      // earlier mail): the officer can start on today's requests while years of mail follow.
      if (uids.length > NEWEST_FIRST_COUNT) {
        // Stored without moving the cursor past the older mail still to come; fetched again after
        // a crash, they are recognised by their external ids and not stored twice.
        const newest = uids.slice(-NEWEST_FIRST_COUNT);
        // Brought in while the server looks up the threads they answer.
        const newestRun = this.bring(client, newest, cursor);
        first = await newestFirstSet(client, uids, NEWEST_FIRST_COUNT);
        const taken = new Set(first);
        const newestSet = new Set(newest);
        await this.streamInto(
          pipeline,
          client,
          first.filter((uid) => !newestSet.has(uid)),
          cursor,
          false,
        );
        // After the older mail of their threads, so that a reply finds what it answers.
        if (!this.stopped) await pipeline.push({ parsed: newestRun, answeredUpTo: null });
        uids = uids.filter((uid) => !taken.has(uid));
      }
      // The rest in UID order, moving the cursor: its FETCH starts while the newest are still being stored.
      await this.streamInto(pipeline, client, uids, cursor, true);
    } finally {
      // Whatever was fetched is stored (or its error thrown) before the pass ends or the connection goes.
      await pipeline.drain();
    }
    if (this.stopped) return;
    cursor.lastUid = Math.max(cursor.lastUid, ...first);
    storeMails(this.core, [], cursorUpdate(this.accountKey, this.options.mailbox, { uidValidity, lastUid: cursor.lastUid, highestModseq }));
  }

  private reportProgress(progress: { done: number; total: number }): void {
    this.options.onStatus({ state: 'syncing', detail: [{ code: 'channel.email.syncing', params: { ...progress } }], nextRetryAt: null });
  }

  /**
   * Fetches the given mail (UIDs ascending) into the store pipeline in batches. One FETCH streams
   * the whole set (a command per batch cost a round trip and a command's work in the server each
   * time); each mail goes to the parser as it arrives. When batches wait to be stored, the stream
   * waits too (imapflow reads the next response only when asked). In order (`advance`), each batch
   * carries how far the cursor may move once it is stored; ahead of order, none.
   */
  private async streamInto(
    pipeline: StorePipeline<StoreBatch>,
    client: ImapFlow,
    uids: readonly number[],
    cursor: MailboxCursor,
    advance: boolean,
  ): Promise<void> {
    // The FETCH need not wait for a worker that is still starting: its first mails wait for it instead.
    let parser: MailParser | null = null;
    const parserReady = this.parser().then((ready) => (parser = ready));
    const parse = (mail: FetchedMail) => (parser ? parser.parse(mail.raw, mail.position) : parserReady.then((ready) => ready.parse(mail.raw, mail.position)));
    const answered = new AnsweredUids(uids);
    let batch: Promise<ParsedInbound>[] = [];
    const send = () => {
      const parsed = Promise.all(batch);
      // Its failure reaches the store step; a batch that never gets there (an earlier one failed) is dropped quietly.
      parsed.catch(() => undefined);
      batch = [];
      return pipeline.push({ parsed, answeredUpTo: advance ? answered.upTo : null });
    };
    for (const set of uidSets(uids)) {
      if (this.stopped) return;
      const run: FetchRun = { mailbox: this.options.mailbox, uidValidity: cursor.uidValidity, uids: set, afterUid: advance ? cursor.lastUid : 0 };
      for await (const mail of streamSources(client, run, (uid) => answered.saw(uid))) {
        batch.push(parse(mail));
        if (batch.length >= this.options.batchSize) await send();
        if (this.stopped) break;
      }
      // The server has answered the whole set: a UID it did not answer was expunged meanwhile.
      if (!this.stopped) answered.sawAllUpTo(set);
    }
    if (batch.length > 0) await send();
  }

  /** One run of mail (UIDs ascending), fetched here (also while the worker is still starting) and parsed by the parser. */
  private bring(client: ImapFlow, uids: readonly number[], cursor: MailboxCursor): Promise<ParsedInbound[]> {
    const runs = uidSets(uids).map((set) => fetchSources(client, { mailbox: this.options.mailbox, uidValidity: cursor.uidValidity, uids: set, afterUid: 0 }));
    const fetched = Promise.all([this.parser(), Promise.all(runs)]).then(([parser, sets]) =>
      Promise.all(sets.flat().map((mail) => parser.parse(mail.raw, mail.position))),
    );
    // Its failure reaches the store step; a run that never gets there (an earlier one failed) is dropped quietly.
    fetched.catch(() => undefined);
    return fetched;
  }
}

/** A batch on its way to the store, with how far the cursor may move once it is stored. */
interface StoreBatch {
  parsed: Promise<ParsedInbound[]>;
  /**
   * In order: every UID of the pass up to this one has been answered by the server (and is in this
   * batch or an earlier one). Null for mail stored ahead of the older mail still to come.
   */
  answeredUpTo: number | null;
}
