import type { MailPeers } from '../peers/mail';
import { testUser, type BotApiEmulator, type TestUser } from '../peers/telegram';
import { seededRandom } from '../helpers/seeded-random';

export const OFFICE = 'pst@example.test';
/** Citizens who write to the office by mail; local accounts, so the office's replies can reach them. */
export const CITIZENS = ['warga1@example.test', 'warga2@example.test', 'warga3@example.test', 'warga4@example.test'] as const;

const MAX_TELEGRAM_USERS = 25;

/**
 * Keeps requesters writing while the console is killed and restarted: mail delivered into the
 * office INBOX over LMTP, Telegram messages queued at the emulator. Remembers what it handed over,
 * which is what the store must hold exactly once in the end.
 */
export class InboundFeeder {
  /** Message-IDs of mails Dovecot accepted into the office INBOX. */
  readonly mailIds: string[] = [];
  /** `${chatId}:${message_id}` of every Telegram message a user sent (the store's external_id). */
  readonly telegramIds: string[] = [];
  readonly telegramUsers: TestUser[] = [];
  deliveryErrors = 0;
  /** Back-pressure from the driver: requesters wait while the console's outbox is far behind. */
  paused = false;
  private readonly threadOf = new Map<string, string>();
  private counter = 0;
  private running: Promise<void> | null = null;
  private stopping = false;
  private readonly random = seededRandom('fault-feeder');

  constructor(
    private readonly mail: MailPeers,
    private readonly telegram: BotApiEmulator,
    private readonly everyMs: number,
  ) {}

  start(): void {
    this.stopping = false;
    this.running = this.loop();
  }

  /** Stops and waits for the delivery in progress, so the lists above are final. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      if (this.paused) {
        // Nothing new while paused.
      } else if (this.random() < 0.4) await this.mailOne();
      else this.telegramOne();
      await new Promise((r) => setTimeout(r, this.everyMs * (0.5 + this.random())));
    }
  }

  private async mailOne(): Promise<void> {
    const n = ++this.counter;
    const from = this.random.pick(CITIZENS)!;
    const messageId = `<fj.in.${n}.${process.pid}@${from.split('@')[0]}.example.test>`;
    // Mostly replies in the citizen's thread (joins the conversation); sometimes a fresh thread.
    const parent = this.random() < 0.85 ? this.threadOf.get(from) : undefined;
    const raw = [
      `From: Warga Buleleng <${from}>`,
      `To: PST BPS Buleleng <${OFFICE}>`,
      `Subject: ${parent ? 'Re: ' : ''}Permintaan data ${n}`,
      `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: ${messageId}`,
      ...(parent ? [`In-Reply-To: ${parent}`, `References: ${parent}`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Selamat siang, mohon data jumlah penduduk kecamatan ke-${n}.`,
      '',
    ].join('\r\n');
    try {
      await this.mail.deliver(OFFICE, raw, { from });
      this.mailIds.push(messageId);
      if (!parent) this.threadOf.set(from, messageId);
    } catch {
      this.deliveryErrors++;
    }
  }

  private telegramOne(): void {
    const n = ++this.counter;
    const fresh = this.telegramUsers.length < 3 || (this.telegramUsers.length < MAX_TELEGRAM_USERS && this.random() < 0.1);
    const user = fresh ? testUser({ firstName: `Warga${this.telegramUsers.length + 1}` }) : this.random.pick(this.telegramUsers)!;
    if (fresh) this.telegramUsers.push(user);
    const message = this.telegram.userSendsText(user, `Halo PST, saya perlu data nomor ${n}`);
    this.telegramIds.push(`${message.chat.id}:${message.message_id}`);
  }
}
