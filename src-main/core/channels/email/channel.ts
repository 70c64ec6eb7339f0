import type { ChannelStatusView, CoreMessage } from '../../../../src-preload/contract';
import type { CoreServices } from '../../services';
import type { ChannelConnector, OutgoingItem, RunningChannel } from '../../domain/connector';
import { readEmailAccount, readEmailSettings, type EmailAccount } from './config';
import type { EmailSender, SmtpProblem } from './send';
import type { MailboxSync, SyncOptions, SyncStatus } from './sync';

type ImapStatus = SyncStatus | { state: 'disabled'; detail: CoreMessage[]; nextRetryAt: null };

/** Tuning for tests and the benchmark; production uses the defaults. */
export type EmailChannelOptions = Partial<Omit<SyncOptions, 'onStatus'>> & {
  /** Waits after the SMTP server could not be reached (SMTP_OFFLINE_RETRY_MS by default). */
  smtpOfflineRetryMs?: readonly number[];
};

/** The email connector the outbox sends through: one account, one sender. */
export class EmailConnector implements ChannelConnector {
  readonly channel = 'email' as const;
  constructor(readonly sender: EmailSender) {}
  send(item: OutgoingItem) {
    return this.sender.send(item);
  }
  reconcile(item: OutgoingItem) {
    return this.sender.reconcile(item);
  }
}

/**
 * Runs the email channel from the stored account: registers the connector with the outbox,
 * keeps the INBOX in sync, publishes 'channel.status', and starts over when the settings change.
 */
export class EmailChannel implements RunningChannel {
  readonly channel = 'email' as const;
  private sync: MailboxSync | null = null;
  private sender: EmailSender | null = null;
  private current: ChannelStatusView | null = null;
  private reloading: Promise<void> = Promise.resolve();
  private account = '';
  private imap: ImapStatus | null = null;
  private smtp: SmtpProblem | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly core: CoreServices,
    private readonly options: EmailChannelOptions = {},
  ) {
    // While SMTP is failing, the outbox reschedules mail: the status follows its next retry time.
    this.unsubscribe = core.events.subscribe((name) => {
      if (name === 'message.changed' && this.smtp) this.refresh();
    });
  }

  status(): ChannelStatusView | null {
    return this.current;
  }

  private publish(account: string, imap: ImapStatus): void {
    this.account = account;
    this.imap = imap;
    this.refresh();
  }

  private smtpChanged(problem: SmtpProblem | null): void {
    this.smtp = problem;
    this.refresh();
  }

  /** Mail waiting for SMTP: how many, and when the outbox tries the first of them next. */
  private waitingMail(): { count: number; nextAt: number | null } {
    const row = this.core.db
      .prepare("SELECT count(*) AS count, min(next_attempt_at) AS nextAt FROM outbox WHERE channel = 'email' AND state = 'pending'")
      .get() as { count: number; nextAt: number | null };
    return row;
  }

  /** One status from both halves: IMAP's state, unless it is fine and SMTP is not. */
  private merged(imap: ImapStatus): { state: ChannelStatusView['state']; detail: CoreMessage[]; nextRetryAt: number | null } {
    const smtp = this.smtp;
    if (!smtp || imap.state === 'disabled') return imap;
    const waiting = this.waitingMail();
    const smtpDetail: CoreMessage[] = [...smtp.detail, { code: 'channel.email.waiting', params: { count: waiting.count } }];
    const imapFailing = imap.state === 'auth_failed' || imap.state === 'offline';
    const retries = [imap.nextRetryAt, waiting.nextAt].filter((t): t is number => t !== null);
    return {
      state: imapFailing || imap.state === 'syncing' ? imap.state : smtp.kind === 'auth' ? 'auth_failed' : 'offline',
      detail: [...imap.detail, ...smtpDetail],
      nextRetryAt: retries.length > 0 ? Math.min(...retries) : null,
    };
  }

  private refresh(): void {
    if (!this.imap) return;
    const status = this.merged(this.imap);
    const before = this.current;
    if (
      before &&
      before.account === this.account &&
      before.state === status.state &&
      JSON.stringify(before.detail) === JSON.stringify(status.detail) &&
      before.nextRetryAt === status.nextRetryAt
    )
      return;
    this.current = { channel: 'email', account: this.account, ...status, updatedAt: Date.now() };
    this.core.events.emit('channel.status', {
      channel: 'email',
      account: this.account,
      state: status.state,
      detail: status.detail,
      nextRetryAt: status.nextRetryAt,
    });
  }

  /** Starts with the stored account; a no-op (status disabled) when none is set up or it is switched off. */
  start(): Promise<void> {
    return this.reload();
  }

  /** Stops and starts again with the stored settings (after email.saveAccount). Calls are serialized. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.restart());
    return this.reloading;
  }

  private async restart(): Promise<void> {
    await this.halt();
    const account = readEmailAccount(this.core);
    if (!account || !account.enabled) {
      this.core.connectors.delete('email');
      const user = readEmailSettings(this.core)?.user ?? '';
      this.publish(user, { state: 'disabled', detail: [{ code: account ? 'channel.email.switched_off' : 'channel.email.not_configured' }], nextRetryAt: null });
      return;
    }
    await this.run(account);
  }

  private async run(account: EmailAccount): Promise<void> {
    // imapflow, the MIME parser and nodemailer (tens of MB resident) load only once an account is in use.
    const [{ EmailSender }, { MailboxSync }] = await Promise.all([import('./send'), import('./sync')]);
    const sender = new EmailSender(this.core, account, {
      authRetryMs: this.options.authRetryMs,
      offlineRetryMs: this.options.smtpOfflineRetryMs,
      onSmtpProblem: (problem) => this.smtpChanged(problem),
    });
    this.sender = sender;
    this.smtp = null;
    this.core.connectors.set('email', new EmailConnector(sender));
    this.sync = new MailboxSync(this.core, account, {
      ...this.options,
      onStatus: (status) => {
        this.publish(account.user, status);
        if (status.state === 'connected') void sender.appendMissing().catch(() => undefined);
      },
    });
    this.sync.start();
  }

  /** Reconnect now (after an authentication failure, or instead of waiting for the backoff): IMAP and the waiting mail. */
  reconnect(): void {
    this.sync?.reconnectNow();
    if (this.sender && this.smtp) {
      this.sender.resetBackoff();
      const now = this.core.now();
      this.core.db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE channel = 'email' AND state = 'pending' AND next_attempt_at > ?").run(now, now);
      this.core.kickOutbox();
    }
  }

  private async halt(): Promise<void> {
    const sync = this.sync;
    this.sync = null;
    this.sender = null;
    this.smtp = null;
    await sync?.stop();
  }

  async stop(): Promise<void> {
    await this.reloading;
    await this.halt();
    this.unsubscribe();
    this.core.connectors.delete('email');
  }
}

/** The running email channel of a core (the API handlers reach it through this). */
export function emailChannelOf(core: CoreServices): EmailChannel | undefined {
  const running = core.channels.get('email');
  return running instanceof EmailChannel ? running : undefined;
}
