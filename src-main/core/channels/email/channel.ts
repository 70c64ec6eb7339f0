import type { ChannelStatusView } from '../../../../src-preload/contract';
import type { CoreServices } from '../../services';
import type { ChannelConnector, OutgoingItem } from '../types';
import { readEmailAccount, readEmailSettings, type EmailAccount } from './config';
import type { EmailSender } from './send';
import type { MailboxSync, SyncOptions, SyncStatus } from './sync';

/** Tuning for tests and the benchmark; production uses the defaults. */
export type EmailChannelOptions = Partial<Omit<SyncOptions, 'onStatus'>>;

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
export class EmailChannel {
  private sync: MailboxSync | null = null;
  private current: ChannelStatusView | null = null;
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly core: CoreServices,
    private readonly options: EmailChannelOptions = {},
  ) {}

  status(): ChannelStatusView | null {
    return this.current;
  }

  private publish(account: string, status: SyncStatus | { state: 'disabled'; detail: string | null; nextRetryAt: null }): void {
    this.current = { channel: 'email', account, ...status, updatedAt: Date.now() };
    this.core.events.emit('channel.status', { channel: 'email', account, state: status.state, detail: status.detail, nextRetryAt: status.nextRetryAt });
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
      this.publish(user, { state: 'disabled', detail: account ? 'Akun surel dinonaktifkan' : 'Akun surel belum diatur', nextRetryAt: null });
      return;
    }
    await this.run(account);
  }

  private async run(account: EmailAccount): Promise<void> {
    // imapflow, mailparser and nodemailer (~50 MB resident) load only once an account is in use.
    const [{ EmailSender }, { MailboxSync }] = await Promise.all([import('./send'), import('./sync')]);
    const sender = new EmailSender(this.core, account);
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

  /** Reconnect now (after an authentication failure, or instead of waiting for the backoff). */
  reconnect(): void {
    this.sync?.reconnectNow();
  }

  private async halt(): Promise<void> {
    const sync = this.sync;
    this.sync = null;
    await sync?.stop();
  }

  async stop(): Promise<void> {
    await this.reloading;
    await this.halt();
    this.core.connectors.delete('email');
  }
}

const channels = new WeakMap<CoreServices, EmailChannel>();

/** The running email channel of a core (the API handlers reach it through this). */
export const emailChannelOf = (core: CoreServices): EmailChannel | undefined => channels.get(core);

export function registerEmailChannel(core: CoreServices, channel: EmailChannel): void {
  channels.set(core, channel);
}

export function unregisterEmailChannel(core: CoreServices, channel: EmailChannel): void {
  if (channels.get(core) === channel) channels.delete(core);
}
