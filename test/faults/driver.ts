/**
 * The fault-injection driver: peers started once, requesters writing all the time, and the
 * console (child.ts) killed with SIGKILL at random moments and started again, cycle after cycle.
 * PRAGMA integrity_check after every kill; at the end a last child runs until everything settled,
 * and verify() compares the store with what the peers hold. See README.md.
 */
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src-main/core/app';
import { seededRandom } from '../helpers/seeded-random';
import { tempDataDir } from '../helpers/temp';
import { MAIL_PEERS_SKIP_REASON, mailPeersAvailable, startMailPeers, type MailPeers } from '../peers/mail';
import { startBotApiEmulator, type BotApiEmulator } from '../peers/telegram';
import { bundleChild, type ChildBundle } from './bundle';
import { RunningChild } from './child-process';
import { CITIZENS, InboundFeeder, OFFICE } from './feeder';
import { readPeers } from './peer-view';
import { ENV, markerOf, type SetupInput } from './protocol';
import { readFacts, settledState, snapshot } from './store-view';
import { verify, type FaultCounts } from './verify';

export interface FaultRunOptions {
  cycles: number;
  /**
   * A kill lands this long (uniform; default 50–1500 ms) after the child said "ready" (channels
   * and outbox running), or in `fromOpenShare` of the cycles (default 0.2) after it opened the
   * store, so some kills hit start-up: crash recovery, reconnects, the first sync batch. Counted
   * from "ready" and not from the spawn: on a loaded machine start-up alone can take seconds, and
   * kills would then never reach the steady work.
   */
  killAfterMs?: { min: number; max: number };
  fromOpenShare?: number;
  /** Mean gap between two inbound messages (default 200 ms). */
  feedEveryMs?: number;
  /** Gap between two officer replies the driver asks for (default 250 ms). */
  replyEveryMs?: number;
  /**
   * Back-pressure: while more than this many outbox items wait (default 40), nobody writes and
   * the officer asks for no replies, so a slow machine drains instead of piling up a backlog the
   * last start could not send in time. Cycles still kill it while it sends.
   */
  maxBacklog?: number;
  /** Bound on the last child reaching quiescence (default 90 s). */
  settleTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface KillStats {
  /** Kills that came before the child reported its channels running (start-up, recovery, first sync). */
  beforeReady: number;
  /** Kills with an outbox item in 'sending' (a hand-over in flight). */
  duringSend: number;
  /** Cycles in which new inbound messages were stored (ingest ran). */
  withIngest: number;
  /** Cycles in which the outbox finished at least one item. */
  withSends: number;
  /** Cycles run with requesters and officer paused (back-pressure). */
  paused: number;
}

export interface FaultReport extends FaultCounts {
  cycles: number;
  kills: KillStats;
  elapsedMs: number;
  settleMs: number;
  summary: string;
  ok: boolean;
}

const MAIL_USERS = [{ user: OFFICE, password: 'rahasia-pst-123' }, ...CITIZENS.map((user, i) => ({ user, password: `rahasia-warga-${i + 1}` }))];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runFaultInjection(options: FaultRunOptions): Promise<FaultReport> {
  if (!mailPeersAvailable()) throw new Error(MAIL_PEERS_SKIP_REASON);
  const log = options.log ?? (() => undefined);
  const killAfter = options.killAfterMs ?? { min: 50, max: 1500 };
  // Kill timings and each child's own choices derive from the printed seed (PST_TEST_SEED).
  const random = seededRandom('fault-driver');
  const started = Date.now();
  const [bundle, mail, telegram] = await Promise.all([bundleChild(), startMailPeers({ users: MAIL_USERS }), startBotApiEmulator()]);
  const temp = tempDataDir('pst-faults-');
  const dbFile = join(temp.dir, DATABASE_FILE);
  const env = { [ENV.dataDir]: temp.dir, [ENV.apiRoot]: telegram.apiRoot };
  const feeder = new InboundFeeder(mail, telegram, options.feedEveryMs ?? 200);
  let child: RunningChild | null = null;
  try {
    await setUp(bundle, env, mail, telegram);
    const requests = new ReplyRequests(options.replyEveryMs ?? 250);
    const kills: KillStats = { beforeReady: 0, duringSend: 0, withIngest: 0, withSends: 0, paused: 0 };
    let integrityFailures = 0;
    let previous = snapshot(dbFile);
    feeder.start();
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      child = RunningChild.start(bundle, { ...env, PST_TEST_SEED: String(random.int(0, 0xffffffff)) });
      requests.attach(child);
      const from = random() < (options.fromOpenShare ?? 0.2) ? 'open' : 'ready';
      if (!(await child.waitFor(from, 30_000)))
        throw new Error(`cycle ${cycle}: no "${from}" from the child (${child.exitDescription}): ${child.stderr.join('')}`);
      await sleep(random.int(killAfter.min, killAfter.max));
      if (!child.has('ready')) kills.beforeReady++;
      await child.kill();
      requests.detach(child);
      const now = snapshot(dbFile);
      if (now.integrity !== 'ok') {
        integrityFailures++;
        log(`cycle ${cycle}: integrity_check: ${now.integrity}`);
      }
      if ((now.outbox.sending ?? 0) > 0) kills.duringSend++;
      if (now.incomingEmail + now.incomingTelegram > previous.incomingEmail + previous.incomingTelegram) kills.withIngest++;
      if ((now.outbox.sent ?? 0) + (now.outbox.failed ?? 0) > (previous.outbox.sent ?? 0) + (previous.outbox.failed ?? 0)) kills.withSends++;
      previous = now;
      const backlog = (now.outbox.pending ?? 0) + (now.outbox.sending ?? 0);
      feeder.paused = requests.paused = backlog > (options.maxBacklog ?? 40);
      if (feeder.paused) kills.paused++;
      if (cycle % 10 === 0 || cycle === options.cycles) {
        log(
          `cycle ${cycle}/${options.cycles}: stored in ${now.incomingEmail}/${feeder.mailIds.length} mail, ${now.incomingTelegram}/${feeder.telegramIds.length} telegram; outbox ${JSON.stringify(now.outbox)}; replies accepted ${requests.accepted.size}/${requests.requested}; ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }
    }
    await feeder.stop();

    // The last start: no more kills; let it drain everything, then one more kill and check.
    const settleStart = Date.now();
    child = RunningChild.start(bundle, env);
    await settle(dbFile, feeder, telegram, options.settleTimeoutMs ?? 90_000, child);
    await child.kill();
    const settleMs = Date.now() - settleStart;
    const last = snapshot(dbFile);
    if (last.integrity !== 'ok') integrityFailures++;

    const counts = verify(readFacts(dbFile), await readPeers(mail, OFFICE, telegram, feeder.telegramUsers), {
      fedMailIds: feeder.mailIds,
      fedTelegramIds: feeder.telegramIds,
      repliesRequested: requests.requested,
      repliesAccepted: requests.accepted,
      integrityFailures,
    });
    if (feeder.deliveryErrors) counts.notes.push(`${feeder.deliveryErrors} LMTP deliveries failed (not counted as held)`);
    const elapsedMs = Date.now() - started;
    const report: FaultReport = { ...counts, cycles: options.cycles, kills, elapsedMs, settleMs, summary: '', ok: counts.problems.length === 0 };
    report.summary = summarize(report);
    return report;
  } finally {
    await feeder.stop();
    await child?.kill();
    await telegram.close();
    await mail.close();
    temp.cleanup();
  }
}

async function setUp(bundle: ChildBundle, env: Record<string, string>, mail: MailPeers, telegram: BotApiEmulator): Promise<void> {
  const input: SetupInput = {
    account: {
      enabled: true,
      imapHost: mail.host,
      imapPort: mail.ports.imap,
      imapTls: 'starttls',
      smtpHost: mail.host,
      smtpPort: mail.ports.smtp,
      smtpTls: 'starttls',
      user: OFFICE,
      fromAddress: '',
      senderName: 'PST BPS Buleleng',
      syncSince: null,
      tlsCaPem: mail.ca,
      password: MAIL_USERS[0]!.password,
    },
    telegramToken: telegram.token,
  };
  const setup = RunningChild.start(bundle, { ...env, [ENV.setup]: JSON.stringify(input) });
  const done = await setup.waitFor('setup', 60_000);
  await setup.kill();
  if (!done) throw new Error(`setup failed (${setup.exitDescription}): ${setup.stderr.join('')}`);
}

/** Waits until every inbound message is stored, Telegram has the offset confirmed, and the outbox is empty. */
async function settle(dbFile: string, feeder: InboundFeeder, telegram: BotApiEmulator, timeoutMs: number, child: RunningChild): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let calm = 0;
  let state = settledState(dbFile);
  for (;;) {
    state = settledState(dbFile);
    const done =
      state.incomingEmail >= feeder.mailIds.length &&
      state.incomingTelegram >= feeder.telegramIds.length &&
      state.pendingOutbox === 0 &&
      telegram.pendingUpdateCount() === 0;
    // Twice in a row: an ingest that enqueues an acknowledgement commits both at once, but be sure.
    calm = done ? calm + 1 : 0;
    if (calm >= 2) return;
    if (!child.alive) throw new Error(`the last child died (${child.exitDescription}): ${child.stderr.join('')}`);
    if (Date.now() > deadline)
      throw new Error(
        `did not settle in ${timeoutMs} ms: ${JSON.stringify(state)}, mail fed ${feeder.mailIds.length}, telegram fed ${feeder.telegramIds.length}, updates pending ${telegram.pendingUpdateCount()}`,
      );
    await sleep(250);
  }
}

/** The officer's replies: one request every few hundred ms to whichever child is alive. */
class ReplyRequests {
  requested = 0;
  paused = false;
  readonly accepted = new Map<string, number>();
  private child: RunningChild | null = null;
  private timer: NodeJS.Timeout | null = null;
  private seen = 0;

  constructor(private readonly everyMs: number) {}

  attach(child: RunningChild): void {
    this.child = child;
    this.seen = 0;
    this.timer = setInterval(() => this.ask(), this.everyMs);
  }

  detach(child: RunningChild): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.collect(child);
    this.child = null;
  }

  private ask(): void {
    const child = this.child;
    if (!child?.alive) return;
    this.collect(child);
    // Only once the console runs: requests queued before would all arrive at once.
    if (!child.has('ready') || this.paused) return;
    this.requested++;
    child.send(`reply ${markerOf(this.requested)}`);
  }

  private collect(child: RunningChild): void {
    for (; this.seen < child.lines.length; this.seen++) {
      const line = child.lines[this.seen]!;
      if (line.kind === 'enqueued') this.accepted.set(line.marker, line.messageId);
    }
  }
}

function summarize(r: FaultReport): string {
  const e = r.inboundEmail;
  const t = r.inboundTelegram;
  const p = r.replies;
  const o = r.outgoing;
  return [
    `faults: ${r.ok ? 'OK' : 'FAILED'} — ${r.cycles} kill/restart cycles in ${(r.elapsedMs / 1000).toFixed(1)} s (last start settled in ${(r.settleMs / 1000).toFixed(1)} s)`,
    `  kills: ${r.kills.beforeReady} before ready, ${r.kills.duringSend} with a send in flight; ${r.kills.withIngest} cycles ingested, ${r.kills.withSends} cycles sent; ${r.kills.paused} cycles with writers paused (outbox backlog)`,
    `  inbound email:    held ${e.held}, stored ${e.stored}, missing ${e.missing}, duplicated ${e.duplicated}, extra ${e.extra}`,
    `  inbound telegram: held ${t.held}, stored ${t.stored}, missing ${t.missing}, duplicated ${t.duplicated}, extra ${t.extra}`,
    `  outgoing email:    ${o.email.atPeer} at the SMTP peer, duplicated ${o.email.duplicated}, unrecorded ${o.email.unrecorded}, lost ${o.email.lost}, failed-unknown ${o.email.failedUnknown} (${o.email.failedUnknownDelivered} reached the peer once); Sent folder ${o.email.inSentFolder}, twice ${o.email.sentFolderDuplicated}, missing ${o.email.missingFromSentFolder}`,
    `  outgoing telegram: ${o.telegram.atPeer} at the emulator, duplicated ${o.telegram.duplicated}, lost ${o.telegram.lost}, failed-unknown ${o.telegram.failedUnknown} (${o.telegram.failedUnknownDelivered} reached the emulator once)`,
    `  replies: requested ${p.requested}, accepted ${p.accepted} (+${p.committedUnacknowledged} committed unacknowledged), delivered ${p.delivered}, failed-unknown ${p.failedUnknownDelivered + p.failedUnknownNotDelivered} (${p.failedUnknownDelivered} of them reached the peer once), failed-other ${p.failedOther}, lost ${p.lost}, duplicated ${p.duplicated}`,
    `  integrity_check failures: ${r.integrityFailures}`,
    ...r.problems.map((x) => `  PROBLEM: ${x}`),
    ...r.notes.map((x) => `  note: ${x}`),
  ].join('\n');
}
