import type { CoreMessage } from '../../../../src-preload/contract';
import { wordCoreMessages } from '../../../../src-common/messages';
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { CoreServices } from '../../services';
import { TICKET_PATTERN } from '../../domain/ticket';
import { ChannelUnavailableError, PermanentSendError, type OutgoingItem, type SendOutcome } from '../../domain/connector';
import { senderAddress, type EmailAccount } from './config';
import { describeConnectionError, describeError, imapOptions, isAuthFailure, SmtpSession } from './connection';
import { recordTechnical } from '../technical';
import { AUTH_RETRY_MS, authRetryDelay } from '../backoff';

/** What is wrong with the SMTP server, for the channel status; null once a hand-over works again. */
export interface SmtpProblem {
  kind: 'auth' | 'offline';
  detail: CoreMessage[];
}

export interface EmailSenderOptions {
  /** Waits after a rejected SMTP login (no login is tried meanwhile), the last one repeating. */
  authRetryMs?: readonly number[];
  /** Waits after the SMTP server could not be reached (no connection is tried meanwhile), the last one repeating. */
  offlineRetryMs?: readonly number[];
  onSmtpProblem?(problem: SmtpProblem | null): void;
}

/** Waits after the SMTP server could not be reached: short at first (a restart), then every 5 minutes. */
export const SMTP_OFFLINE_RETRY_MS: readonly number[] = [5, 15, 30, 60, 120, 300].map((s) => s * 1000);

interface EmailRow {
  header_message_id: string | null;
  smtp_started_at: number | null;
  smtp_accepted_at: number | null;
  smtp_response: string | null;
  sent_appended_at: number | null;
}

type Reconciled = { state: 'delivered'; outcome: SendOutcome } | { state: 'not_delivered' } | { state: 'unknown' };

const PREFIX = /^\s*((re|fwd?|bls|balas|tr|aw|sv)\s*(\[\d+\])?\s*:\s*)+/i;
const TAG = new RegExp(`\\s*\\[?${TICKET_PATTERN.source}\\]?\\s*`, 'g');

/** "Re: <the requester's subject> [KONS-5108-YYYYMMDD-NNNN]": the tag is how replies find their way back. */
export function replySubject(conversationSubject: string | null, ticket: string, override?: string): string {
  const base = (override ?? conversationSubject ?? '').replace(TAG, ' ').replace(/\s+/g, ' ').trim();
  const subject = override ? base : base ? `Re: ${base.replace(PREFIX, '')}` : 'Konsultasi Statistik PST BPS Kabupaten Buleleng';
  return `${subject} [${ticket}]`;
}

/**
 * Sends outgoing mail for the outbox and answers its crash questions. The SMTP hand-over is
 * recorded in email_messages in steps (Message-ID fixed → DATA begun → 250 received → in Sent),
 * each committed before the next network step, so after a kill -9 reconcile() can tell "never
 * left" (send again) from "may have left" (never resend blindly).
 */
export class EmailSender {
  private sentPath: string | null = null;
  /** Sent copies being made, per message: a second caller waits for the first (see appendToSent). */
  private readonly appending = new Map<number, Promise<void>>();
  private authFailures = 0;
  private offlineFailures = 0;
  /**
   * After a rejected login (office account lockout) or an unreachable server, no item tries to
   * connect before this instant: one attempt per wait, not one per waiting mail.
   */
  private blockedUntil = 0;
  private blockedReason = '';

  constructor(
    private readonly core: CoreServices,
    private readonly account: EmailAccount,
    private readonly options: EmailSenderOptions = {},
  ) {}

  /** The officer's "reconnect now": the next item may log in at once. */
  resetBackoff(): void {
    this.blockedUntil = 0;
  }

  private report(problem: SmtpProblem | null): void {
    if (problem === null) this.authFailures = this.offlineFailures = 0;
    this.options.onSmtpProblem?.(problem);
  }

  /** A failed connect or login, as the outbox should see it; auth failures hold every item back. */
  private openFailed(error: unknown): Error {
    recordTechnical(this.core, 'email', error, [this.account.password]);
    if (isAuthFailure(error)) {
      const delay = authRetryDelay(this.options.authRetryMs ?? AUTH_RETRY_MS, this.authFailures);
      this.authFailures++;
      // The server's reply code only: its text may quote the account.
      const reply = (error as { responseCode?: number }).responseCode;
      const detail: CoreMessage[] = [{ code: 'channel.email.smtp_rejected' }, ...(reply ? [{ code: 'net.server_reply' as const, params: { reply } }] : [])];
      this.report({ kind: 'auth', detail });
      return this.block(detail, delay);
    }
    const delay = authRetryDelay(this.options.offlineRetryMs ?? SMTP_OFFLINE_RETRY_MS, this.offlineFailures);
    this.offlineFailures++;
    const detail: CoreMessage[] = [{ code: 'channel.email.smtp_unreachable' }, describeConnectionError(error)];
    this.report({ kind: 'offline', detail });
    return this.block(detail, delay);
  }

  /** Holds every item back for `delay`; the mail never reached the server, so no attempt is spent. */
  private block(detail: CoreMessage[], delay: number): ChannelUnavailableError {
    this.blockedUntil = Date.now() + delay;
    this.blockedReason = wordCoreMessages('id', detail);
    return new ChannelUnavailableError(this.blockedReason, delay);
  }

  private row(messageId: number): EmailRow | undefined {
    return this.core.db
      .prepare('SELECT header_message_id, smtp_started_at, smtp_accepted_at, smtp_response, sent_appended_at FROM email_messages WHERE message_id = ?')
      .get(messageId) as EmailRow | undefined;
  }

  /** Our Message-ID for this message, written before the first attempt and kept for every retry. */
  private messageIdFor(messageId: number): string {
    const existing = this.row(messageId)?.header_message_id;
    if (existing) return existing;
    const domain = senderAddress(this.account).split('@')[1] || 'pst.invalid';
    const id = `<pst.${messageId}.${randomBytes(6).toString('hex')}@${domain}>`;
    this.core.db.prepare('INSERT INTO email_messages (message_id, header_message_id) VALUES (?, ?)').run(messageId, id);
    return id;
  }

  private outcome(headerMessageId: string, row: EmailRow | undefined): SendOutcome {
    return { externalId: headerMessageId, meta: { email: { messageId: headerMessageId, smtpResponse: row?.smtp_response ?? null } } };
  }

  async send(item: OutgoingItem): Promise<SendOutcome> {
    const headerMessageId = this.messageIdFor(item.messageId);
    const before = this.row(item.messageId);
    if (before?.smtp_accepted_at) {
      // Accepted on an earlier attempt (the Sent copy failed then): never hand it over again.
      await this.appendToSent(item.messageId).catch(() => undefined);
      return this.outcome(headerMessageId, this.row(item.messageId));
    }
    const { raw, to, from } = await this.compose(item, headerMessageId);
    const blockedMs = this.blockedUntil - Date.now();
    if (blockedMs > 0) throw new ChannelUnavailableError(`Menunggu: ${this.blockedReason}`, blockedMs);
    const session = new SmtpSession(this.account);
    try {
      await session.open().catch((error: unknown) => {
        throw this.openFailed(error);
      });
      this.core.db.prepare('UPDATE email_messages SET smtp_started_at = ? WHERE message_id = ?').run(Date.now(), item.messageId);
      let info;
      try {
        info = await session.send({ from, to: [to] }, raw);
      } catch (error) {
        // The server answered (or the connection broke before its answer): the mail did not leave.
        this.core.db.prepare('UPDATE email_messages SET smtp_started_at = NULL WHERE message_id = ?').run(item.messageId);
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) {
          this.report(null); // the server works; it refuses this one mail
          // The receiving server's own answer says why (unknown address, policy, size): the officer needs it.
          const reply = ((error as { response?: string }).response ?? String(code)).replace(/\s+/g, ' ').slice(0, 200);
          throw new PermanentSendError(`Server SMTP menolak surel: ${reply}`, { responseCode: code });
        }
        recordTechnical(this.core, 'email', error, [this.account.password]);
        const detail: CoreMessage[] = [{ code: 'channel.email.smtp_deferred' }, describeConnectionError(error)];
        this.report({ kind: 'offline', detail });
        throw new Error(wordCoreMessages('id', detail));
      }
      this.report(null);
      if (info.rejected.length > 0 && info.accepted.length === 0) throw new PermanentSendError(`Alamat penerima ditolak: ${info.rejected.join(', ')}`);
      this.core.db
        .prepare('UPDATE email_messages SET smtp_accepted_at = ?, smtp_response = ? WHERE message_id = ?')
        .run(Date.now(), String(info.response ?? '').slice(0, 300), item.messageId);
    } finally {
      session.close();
    }
    await this.appendToSent(item.messageId, raw).catch((error: unknown) => console.error('[email] Sent append failed', describeError(error)));
    return this.outcome(headerMessageId, this.row(item.messageId));
  }

  async reconcile(item: OutgoingItem): Promise<Reconciled> {
    const row = this.row(item.messageId);
    if (!row?.header_message_id || (!row.smtp_started_at && !row.smtp_accepted_at)) return { state: 'not_delivered' };
    const id = row.header_message_id;
    if (row.smtp_accepted_at) {
      await this.appendToSent(item.messageId).catch(() => undefined);
      return { state: 'delivered', outcome: this.outcome(id, row) };
    }
    // DATA had begun when the process died: only the Sent folder can still say it left.
    if (await this.inSent(id)) {
      this.core.db
        .prepare('UPDATE email_messages SET smtp_accepted_at = ?, sent_appended_at = ? WHERE message_id = ?')
        .run(Date.now(), Date.now(), item.messageId);
      return { state: 'delivered', outcome: this.outcome(id, row) };
    }
    return { state: 'unknown' };
  }

  /** Mails accepted by SMTP whose Sent copy is missing (IMAP was down): append them now. */
  async appendMissing(): Promise<void> {
    const rows = this.core.db
      .prepare('SELECT message_id FROM email_messages WHERE smtp_accepted_at IS NOT NULL AND sent_appended_at IS NULL ORDER BY message_id LIMIT 50')
      .all() as { message_id: number }[];
    for (const r of rows) await this.appendToSent(r.message_id);
  }

  private async compose(item: OutgoingItem, headerMessageId: string): Promise<{ raw: Buffer; to: string; from: string }> {
    const db = this.core.db;
    const conversation = db
      .prepare(
        `SELECT c.ticket, c.subject, ci.channel AS identity_channel, ci.source_id, r.email
           FROM conversations c JOIN requesters r ON r.id = c.requester_id
           LEFT JOIN channel_identities ci ON ci.id = c.channel_identity_id WHERE c.id = ?`,
      )
      .get(item.conversationId) as
      { ticket: string; subject: string | null; identity_channel: string | null; source_id: string | null; email: string | null } | undefined;
    if (!conversation) throw new PermanentSendError('Konsultasi tidak ditemukan');
    const payloadTo = typeof item.payload.to === 'string' ? item.payload.to : null;
    const to = payloadTo ?? (conversation.identity_channel === 'email' ? conversation.source_id : null) ?? conversation.email;
    if (!to || !/^[^\s@<>]+@[^\s@<>]+$/.test(to) || to.endsWith('.invalid'))
      throw new PermanentSendError('Pengguna layanan tidak punya alamat surel yang valid');

    // Reply to the latest mail the requester sent in this conversation (threading in their client).
    const parent = db
      .prepare(
        `SELECT em.header_message_id, em.refs FROM messages m JOIN email_messages em ON em.message_id = m.id
          WHERE m.conversation_id = ? AND m.direction = 'incoming' AND em.header_message_id IS NOT NULL
          ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
      )
      .get(item.conversationId) as { header_message_id: string; refs: string | null } | undefined;
    const references = parent ? [...(JSON.parse(parent.refs ?? '[]') as string[]), parent.header_message_id].slice(-20) : [];

    const attachments = (item.payload.attachments ?? []).map((a) => ({
      filename: a.fileName,
      contentType: a.mimeType,
      content: this.core.attachments.read(a.sha256),
    }));
    const from = senderAddress(this.account);
    const automatic = item.payload.kind !== 'reply';
    const composer = new MailComposer({
      from: { name: this.account.senderName || 'PST BPS Kabupaten Buleleng', address: from },
      to,
      subject: replySubject(conversation.subject, conversation.ticket, typeof item.payload.subject === 'string' ? item.payload.subject : undefined),
      text: item.payload.text,
      messageId: headerMessageId,
      date: new Date(),
      ...(parent ? { inReplyTo: parent.header_message_id, references } : {}),
      attachments,
      headers: {
        'X-PST-Ticket': conversation.ticket,
        // RFC 3834: other robots must not answer our acknowledgements and auto-replies.
        ...(automatic ? { 'Auto-Submitted': 'auto-replied' } : {}),
      },
    });
    return { raw: await composer.compile().build(), to, from };
  }

  private async withImap<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow(imapOptions(this.account, { disableAutoIdle: true }));
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  private async sentFolder(client: ImapFlow): Promise<string> {
    if (this.sentPath) return this.sentPath;
    const list = await client.list();
    const found = list.find((m) => m.specialUse === '\\Sent') ?? list.find((m) => /^(sent|sent items|sent messages|terkirim)$/i.test(m.name));
    if (found) return (this.sentPath = found.path);
    await client.mailboxCreate('Sent');
    return (this.sentPath = 'Sent');
  }

  private async inSent(headerMessageId: string): Promise<boolean> {
    return this.withImap(async (client) => {
      const lock = await client.getMailboxLock(await this.sentFolder(client));
      try {
        const hits = await client.search({ header: { 'message-id': headerMessageId } }, { uid: true });
        return Array.isArray(hits) && hits.length > 0;
      } finally {
        lock.release();
      }
    });
  }

  /**
   * The mailbox stays the record: each sent mail goes to the Sent folder, once. After a restart
   * the outbox's reconcile and the channel's appendMissing() (and after a reconnect, send() and
   * appendMissing()) may ask for the same copy at the same time; each would look, find nothing
   * and append. One copy in flight per message; the others wait for it.
   */
  private appendToSent(messageId: number, raw?: Buffer): Promise<void> {
    const running = this.appending.get(messageId);
    if (running) return running;
    const append = this.appendOnce(messageId, raw).finally(() => this.appending.delete(messageId));
    this.appending.set(messageId, append);
    return append;
  }

  private async appendOnce(messageId: number, raw?: Buffer): Promise<void> {
    const row = this.row(messageId);
    if (!row?.header_message_id || !row.smtp_accepted_at || row.sent_appended_at) return;
    const id = row.header_message_id;
    await this.withImap(async (client) => {
      const path = await this.sentFolder(client);
      let content = raw;
      if (!content) {
        // After a restart the composed bytes are gone: look first (a crash may have come after APPEND), then rebuild.
        const lock = await client.getMailboxLock(path);
        try {
          const hits = await client.search({ header: { 'message-id': id } }, { uid: true });
          if (Array.isArray(hits) && hits.length > 0) {
            this.core.db.prepare('UPDATE email_messages SET sent_appended_at = ? WHERE message_id = ?').run(Date.now(), messageId);
            return;
          }
        } finally {
          lock.release();
        }
        const item = this.core.db
          .prepare('SELECT o.id, o.payload, m.conversation_id FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.message_id = ?')
          .get(messageId) as { id: number; payload: string; conversation_id: number } | undefined;
        if (!item) return;
        content = (
          await this.compose(
            { outboxId: item.id, messageId, conversationId: item.conversation_id, channel: 'email', attempt: 0, payload: JSON.parse(item.payload) },
            id,
          )
        ).raw;
      }
      await client.append(path, content, ['\\Seen']);
      this.core.db.prepare('UPDATE email_messages SET sent_appended_at = ? WHERE message_id = ?').run(Date.now(), messageId);
    });
  }
}
