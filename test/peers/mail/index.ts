/**
 * Real mail peers for tests: a private Dovecot (IMAP, IMAPS, LMTP) plus an in-process SMTP
 * submission server that delivers into it. See README.md in this folder.
 */
import {
  accessSync,
  constants,
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  unlinkSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImapFlowOptions } from 'imapflow';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { dovecotIdentity, localPart, renderDovecotConf, renderPasswdFile, type MailAccount } from './dovecot-config';
import { DovecotProcess, findDovecotBinary, removeDirWhenProcessDies } from './dovecot-process';
import { resolveMailbox, withImap } from './imap-util';
import { deliverViaLmtp } from './lmtp';
import { ensureMaildir, maildirOf, writeMaildirMessages, type SeedMessage } from './maildir-seed';
import { freePorts } from './net-util';
import { SmtpPeer } from './smtp-peer';
import { createSelfSignedCert } from './tls-cert';
import { requirePeer } from '../../helpers/peers-required';

export type { MailAccount } from './dovecot-config';
export type { ReceivedMessage, SmtpRejection, SmtpPeer } from './smtp-peer';
export type { SeedMessage } from './maildir-seed';
export { messageIdOf } from './smtp-peer';

export const MAIL_HOST = '127.0.0.1';

/** Default accounts: the office mailbox the console syncs, and a citizen who writes to it. */
export const DEFAULT_MAIL_USERS: readonly MailAccount[] = [
  { user: 'pst@example.test', password: 'rahasia-pst-123' },
  { user: 'pemohon@example.test', password: 'rahasia-pemohon-123' },
];

export interface MailPeersOptions {
  /** Login names; Dovecot keys accounts by the local part, so local parts must be unique. */
  users?: readonly MailAccount[];
  /** SMTP SIZE limit in bytes (default 25 MiB); larger messages get 552. */
  smtpMaxMessageBytes?: number;
  /** Delay of a failed login's reply (default 0; Dovecot's own default is 2 s). */
  authFailureDelaySeconds?: number;
  /**
   * Parent of the temp dir. Default /dev/shm when writable: creating 10,000 Maildir files there
   * takes about 1 s instead of 5-16 s on this machine's disk. Everything is removed on close.
   */
  tmpRoot?: string;
  /** Bound on waiting for Dovecot's greeting (default 10 s). */
  startTimeoutMs?: number;
}

export interface MailPeers {
  /** Temp dir holding config, cert, log and Maildir homes. */
  readonly dir: string;
  readonly host: typeof MAIL_HOST;
  readonly ports: { imap: number; imaps: number; lmtp: number; readonly smtp: number };
  /** PEM of the self-signed certificate (its own CA) for `tls: { ca }`. */
  readonly ca: string;
  readonly users: readonly MailAccount[];
  readonly smtp: SmtpPeer;
  /** Milliseconds from spawn to the first IMAP greeting, for the record. */
  readonly startMs: number;
  /** imapflow options: plain port with STARTTLS required, or implicit TLS with `{ secure: true }`. */
  imapConfig(user: string, options?: { secure?: boolean }): ImapFlowOptions;
  /** nodemailer SMTP options: STARTTLS required, AUTH with the account's current password. */
  smtpConfig(user: string): SMTPTransportOptions;
  /**
   * Changes a password in the passwd-file; resolves once Dovecot and the SMTP peer will use it
   * (Dovecot stats the file at most once per second, so this waits up to about 1 s).
   */
  setPassword(user: string, newPassword: string): Promise<void>;
  /** Delivers a raw message over LMTP, as arriving mail. */
  deliver(user: string, raw: string | Buffer, options?: { from?: string }): Promise<void>;
  /** IMAP APPEND; `mailbox` is a path or a special-use flag such as `\Sent`. */
  append(
    user: string,
    mailbox: string,
    raw: string | Buffer,
    flags?: string[],
    internalDate?: Date,
  ): Promise<{ path: string; uid: number | undefined; uidValidity: bigint | undefined }>;
  /** Fast bulk seeding straight into Maildir files (see README: assert on the IMAP view). */
  seedMaildir(user: string, mailbox: string, messages: Iterable<SeedMessage>): number;
  /** Makes Dovecot issue a new UIDVALIDITY for the mailbox (kill, drop uidlist/indexes, restart). */
  resetUidValidity(user: string, mailbox?: string): Promise<{ previous: bigint; current: bigint }>;
  /** SIGKILL Dovecot (IMAP and LMTP go away; the SMTP peer then answers 451). */
  stop(): Promise<void>;
  /** Starts Dovecot again (killing it first if it runs): same ports, same mail. */
  restart(): Promise<void>;
  readonly dovecotRunning: boolean;
  /** Process group id of the running Dovecot (its wrapper), or null when stopped. */
  readonly dovecotPid: number | null;
  /** Last lines of Dovecot's log, for failure messages. */
  dovecotLog(lines?: number): string;
  /** Stops everything and removes the temp dir. */
  close(): Promise<void>;
}

/** Whether Dovecot is on PATH (the same check as `command -v dovecot` in scripts/ensure-apt.sh). */
export function mailPeersAvailable(): boolean {
  return findDovecotBinary() !== null;
}

export const MAIL_PEERS_SKIP_REASON = 'SKIPPED: dovecot is not installed (bash scripts/ensure-apt.sh dovecot dovecot-imapd dovecot-lmtpd openssl)';

/**
 * For `describe.skipIf(!requireMailPeers('email-sync'))`: true when Dovecot is there; otherwise
 * records the skip, or throws under PST_REQUIRE_PEERS=1 (test/helpers/peers-required.ts).
 */
export function requireMailPeers(suite: string): boolean {
  return requirePeer(suite, 'dovecot', mailPeersAvailable(), 'bash scripts/ensure-apt.sh dovecot dovecot-imapd dovecot-lmtpd openssl');
}

function defaultTmpRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** Temp dirs of peers not closed yet: removed on process exit (after the groups are killed). */
const openDirs = new Set<string>();
let dirCleanupInstalled = false;
function removeOnExit(dir: string): void {
  openDirs.add(dir);
  if (dirCleanupInstalled) return;
  dirCleanupInstalled = true;
  process.on('exit', () => {
    for (const d of openDirs) rmSync(d, { recursive: true, force: true });
  });
}

export async function startMailPeers(options: MailPeersOptions = {}): Promise<MailPeers> {
  const binary = findDovecotBinary();
  if (!binary) throw new Error(MAIL_PEERS_SKIP_REASON);
  const accounts = new Map<string, MailAccount>();
  for (const account of options.users ?? DEFAULT_MAIL_USERS) {
    const local = localPart(account.user);
    if (accounts.has(local)) throw new Error(`two users share the local part "${local}" (Dovecot drops the domain)`);
    accounts.set(local, { ...account });
  }
  const accountOf = (user: string): MailAccount => {
    const account = accounts.get(localPart(user));
    if (!account) throw new Error(`unknown mail user ${user}`);
    return account;
  };

  const identity = dovecotIdentity();
  const dir = mkdtempSync(join(options.tmpRoot ?? defaultTmpRoot(), 'pst-mail-'));
  removeOnExit(dir);
  const janitor = removeDirWhenProcessDies(dir);
  // Dovecot's unprivileged processes must reach the config, passwd-file and homes.
  if (identity.runsAsRoot) chmodSync(dir, 0o755);
  const owner = identity.runsAsRoot ? { uid: identity.mailUid, gid: identity.mailGid } : null;
  const homeOf = (local: string) => join(dir, 'home', local);
  const passwdPath = join(dir, 'passwd');
  let passwdStamp = 0;
  const writePasswd = () => {
    const tmp = `${passwdPath}.tmp`;
    writeFileSync(tmp, renderPasswdFile([...accounts.values()], homeOf, identity), { mode: 0o600 });
    if (owner) chownSync(tmp, owner.uid, owner.gid);
    // Dovecot re-reads the file when its mtime (whole seconds) or size changes: force a new mtime.
    passwdStamp = Math.max(Math.floor(Date.now() / 1000), passwdStamp + 1);
    utimesSync(tmp, passwdStamp, passwdStamp);
    renameSync(tmp, passwdPath);
  };

  let dovecot: DovecotProcess | null = null;
  let smtp: SmtpPeer | null = null;
  try {
    mkdirSync(join(dir, 'home'), { mode: 0o755 });
    for (const local of accounts.keys()) {
      mkdirSync(homeOf(local), { mode: 0o700 });
      if (owner) chownSync(homeOf(local), owner.uid, owner.gid);
      ensureMaildir(join(homeOf(local), 'Maildir'), true, owner);
    }
    writePasswd();
    const cert = createSelfSignedCert(dir);
    const configPath = join(dir, 'dovecot.conf');
    const logPath = join(dir, 'dovecot.log');
    const startTimeoutMs = options.startTimeoutMs ?? 10_000;
    // Probed ports can be taken by a parallel test file before Dovecot binds them: pick anew.
    let started: { server: DovecotProcess; ports: [number, number, number]; ms: number } | null = null;
    for (let attempt = 1; !started; attempt++) {
      const ports = (await freePorts(3)) as [number, number, number];
      const [imapPort, imapsPort, lmtpPort] = ports;
      writeFileSync(
        configPath,
        renderDovecotConf(
          {
            instanceName: `pst-mail-${process.pid}-${imapPort}`,
            baseDir: join(dir, 'run'),
            stateDir: join(dir, 'state'),
            logPath,
            certPath: cert.certPath,
            keyPath: cert.keyPath,
            passwdPath,
            imapPort,
            imapsPort,
            lmtpPort,
            authFailureDelaySeconds: options.authFailureDelaySeconds ?? 0,
          },
          identity,
        ),
      );
      const server = new DovecotProcess(binary, configPath, logPath, imapPort, join(dir, 'run'));
      dovecot = server;
      const t = performance.now();
      try {
        await server.start(startTimeoutMs);
        started = { server, ports, ms: performance.now() - t };
      } catch (error) {
        if (attempt >= 3 || !/Address already in use/i.test(String(error))) throw error;
      }
    }
    const { server } = started;
    const [imap, imaps, lmtp] = started.ports;
    const startMs = started.ms;

    const smtpPeer = new SmtpPeer({
      host: MAIL_HOST,
      key: cert.key,
      cert: cert.cert,
      lmtpPort: lmtp,
      checkPassword: (user, password) => accounts.get(localPart(user))?.password === password,
      isLocalRecipient: (address) => accounts.has(localPart(address)),
      maxMessageBytes: options.smtpMaxMessageBytes ?? 25 * 1024 * 1024,
    });
    smtp = smtpPeer;
    await smtpPeer.start();

    const imapConfig = (user: string, o: { secure?: boolean } = {}): ImapFlowOptions => ({
      host: MAIL_HOST,
      port: o.secure ? imaps : imap,
      secure: o.secure ?? false,
      doSTARTTLS: o.secure ? undefined : true,
      auth: { user, pass: accountOf(user).password },
      tls: { ca: cert.cert },
      logger: false,
    });
    const addressOf = (user: string) => (user.includes('@') ? user : `${user}@example.test`);

    const peers: MailPeers = {
      dir,
      host: MAIL_HOST,
      ports: {
        imap,
        imaps,
        lmtp,
        get smtp() {
          return smtpPeer.port;
        },
      },
      ca: cert.cert,
      get users() {
        return [...accounts.values()];
      },
      smtp: smtpPeer,
      startMs,
      imapConfig,
      smtpConfig: (user) => ({
        host: MAIL_HOST,
        port: smtpPeer.port,
        secure: false,
        requireTLS: true,
        auth: { user, pass: accountOf(user).password },
        tls: { ca: cert.cert },
      }),
      async setPassword(user, newPassword) {
        accountOf(user).password = newPassword;
        writePasswd();
        // passwd_file_sync() skips the stat when it already checked in the current second.
        const nextSecond = (Math.floor(Date.now() / 1000) + 1) * 1000;
        await new Promise((r) => setTimeout(r, nextSecond - Date.now() + 20));
      },
      deliver: (user, raw, o = {}) => deliverViaLmtp(lmtp, o.from ?? 'pengirim@example.test', [addressOf(user)], raw),
      append: (user, mailbox, raw, flags, internalDate) =>
        withImap(imapConfig(user), async (client) => {
          const path = await resolveMailbox(client, mailbox);
          const result = await client.append(path, raw, flags, internalDate);
          if (!result) throw new Error(`APPEND to ${path} failed`);
          return { path: result.destination, uid: result.uid, uidValidity: result.uidValidity };
        }),
      seedMaildir(user, mailbox, messages) {
        const target = maildirOf(join(homeOf(localPart(accountOf(user).user)), 'Maildir'), mailbox);
        ensureMaildir(target, mailbox.toUpperCase() === 'INBOX', owner);
        return writeMaildirMessages(target, messages, owner);
      },
      async resetUidValidity(user, mailbox = 'INBOX') {
        const uidValidityNow = () =>
          withImap(imapConfig(user), async (c) => {
            const status = await c.status(mailbox, { uidValidity: true });
            if (!status || status.uidValidity === undefined) throw new Error(`STATUS ${mailbox} gave no UIDVALIDITY`);
            return status.uidValidity;
          });
        const previous = await uidValidityNow();
        await server.kill();
        const root = join(homeOf(localPart(accountOf(user).user)), 'Maildir');
        const target = maildirOf(root, mailbox);
        // The uidlist holds UIDVALIDITY and UIDs; the indexes cache them. The messages stay.
        for (const [folder, pattern] of [
          [target, /^(dovecot-uidlist|dovecot\.index.*)$/],
          [root, /^dovecot\.list\.index.*$/],
        ] as const) {
          for (const name of readdirSync(folder)) if (pattern.test(name)) unlinkSync(join(folder, name));
        }
        await server.start(startTimeoutMs);
        const current = await uidValidityNow();
        if (current === previous) throw new Error(`UIDVALIDITY of ${mailbox} stayed ${previous}`);
        return { previous, current };
      },
      stop: () => server.kill(),
      async restart() {
        await server.kill();
        await server.start(startTimeoutMs);
      },
      get dovecotRunning() {
        return server.pid !== null;
      },
      get dovecotPid() {
        return server.pid;
      },
      dovecotLog: (lines) => server.logTail(lines),
      async close() {
        await smtpPeer.stop();
        await server.kill();
        rmSync(dir, { recursive: true, force: true });
        openDirs.delete(dir);
        janitor.cancel();
      },
    };
    return peers;
  } catch (error) {
    await smtp?.stop();
    await dovecot?.kill();
    rmSync(dir, { recursive: true, force: true });
    openDirs.delete(dir);
    janitor.cancel();
    throw error;
  }
}
