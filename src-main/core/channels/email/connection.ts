import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { wordCoreMessage, type CoreMessageCode } from '../../../../src-common/messages';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { CoreMessage, EmailConnectionCheck, EmailTls } from '../../../../src-preload/contract';
import { TIME_ZONE } from '../../domain/ticket';
import type { EmailAccount } from './config';

const tlsOptions = (account: EmailAccount) => (account.tlsCaPem ? { ca: account.tlsCaPem } : {});

const doStartTls = (tls: EmailTls): boolean | undefined => (tls === 'starttls' ? true : tls === 'none' ? false : undefined);

export function imapOptions(account: EmailAccount, extra: Partial<ImapFlowOptions> = {}): ImapFlowOptions {
  return {
    host: account.imapHost,
    port: account.imapPort,
    secure: account.imapTls === 'tls',
    doSTARTTLS: doStartTls(account.imapTls),
    auth: { user: account.user, pass: account.password },
    tls: tlsOptions(account),
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    ...extra,
  };
}

export function smtpOptions(account: EmailAccount): SMTPConnection.Options {
  return {
    host: account.smtpHost,
    port: account.smtpPort,
    secure: account.smtpTls === 'tls',
    requireTLS: account.smtpTls === 'starttls',
    ignoreTLS: account.smtpTls === 'none',
    tls: tlsOptions(account),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

/** imapflow marks a rejected login; Dovecot also answers [AUTHENTICATIONFAILED]. */
export const isAuthFailure = (error: unknown): boolean => {
  const e = error as { authenticationFailed?: boolean; serverResponseCode?: string; code?: string } | null;
  return Boolean(e && (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED' || e.code === 'EAUTH'));
};

/** Network failures by the code Node or the library gives them, as what an officer can act on. */
const NETWORK_CODES: Record<string, CoreMessageCode> = {
  ECONNREFUSED: 'net.refused',
  ECONNRESET: 'net.reset',
  EPIPE: 'net.reset',
  ETIMEDOUT: 'net.timeout',
  ETIMEOUT: 'net.timeout',
  ENOTFOUND: 'net.not_found',
  EAI_AGAIN: 'net.not_found',
  EHOSTUNREACH: 'net.host_unreachable',
  ENETUNREACH: 'net.network_unreachable',
  IMAP_CLOSED: 'channel.email.imap_closed',
  NoConnection: 'channel.email.imap_closed',
  ECONNECTION: 'net.refused',
};
const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i;

/** The IMAP connection went away under the sync: worded like any other connection failure. */
export const imapClosed = (): Error => Object.assign(new Error('Koneksi IMAP terputus'), { code: 'IMAP_CLOSED' });

/**
 * A connection error as a code for the officer: never the library's message (it may quote the
 * server, the account or a path), only what it means and the error's own code.
 */
export function describeConnectionError(error: unknown): CoreMessage {
  const e = error as { code?: string; responseCode?: number; message?: string } | null;
  if (isAuthFailure(error)) return { code: 'channel.email.auth_failed' };
  const known = (e?.code && NETWORK_CODES[e.code]) || Object.entries(NETWORK_CODES).find(([code]) => e?.message?.includes(code))?.[1];
  if (known) return { code: known };
  if ((e?.code && TLS_CODE.test(e.code)) || (e?.code === 'ETLS' || e?.code === 'ESOCKET' ? TLS_CODE.test(e.message ?? '') : false)) return { code: 'net.tls' };
  if (typeof e?.responseCode === 'number') return { code: 'net.server_reply', params: { reply: e.responseCode } };
  const code = typeof e?.code === 'string' && /^[A-Za-z_]{2,40}$/.test(e.code) ? e.code : error instanceof Error ? error.name : 'unknown';
  return { code: 'net.other', params: { code } };
}

/** The same, in Indonesian, where text is needed (a delivery failure, the connection test, a log). */
export const describeError = (error: unknown): string => wordCoreMessage('id', describeConnectionError(error));

/** Promisified SMTPConnection: connect (STARTTLS as configured), log in, send, quit. */
export class SmtpSession {
  private readonly connection: SMTPConnection;

  constructor(private readonly account: EmailAccount) {
    this.connection = new SMTPConnection(smtpOptions(account));
    // Errors also reach the pending callback; without a listener an 'error' event would throw.
    this.connection.on('error', () => undefined);
  }

  async open(): Promise<void> {
    // connect()'s callback fires only on success: a refused or failed connection is reported as an
    // 'error' (or just 'end') event, so both must settle the promise or the caller waits forever.
    await new Promise<void>((resolve, reject) => {
      const fail = (err?: Error) => reject(err ?? new Error('Koneksi SMTP ditutup oleh server'));
      this.connection.once('error', fail);
      this.connection.once('end', () => fail());
      this.connection.connect((err) => {
        this.connection.off('error', fail);
        if (err) reject(err);
        else resolve();
      });
    });
    await new Promise<void>((resolve, reject) =>
      this.connection.login({ user: this.account.user, pass: this.account.password }, (err) => (err ? reject(err) : resolve())),
    );
  }

  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<SMTPConnection.SentMessageInfo> {
    return new Promise((resolve, reject) => this.connection.send(envelope, raw, (err, info) => (err ? reject(err) : resolve(info))));
  }

  close(): void {
    try {
      this.connection.quit();
    } catch {
      this.connection.close();
    }
  }
}

/** Logs in to IMAP and SMTP once, for the settings screen's "test connection". */
export async function checkConnections(account: EmailAccount): Promise<{ imap: EmailConnectionCheck; smtp: EmailConnectionCheck }> {
  const imap = (async () => {
    const client = new ImapFlow(imapOptions(account, { disableAutoIdle: true }));
    client.on('error', () => undefined);
    try {
      await client.connect();
      const inbox = await client.status('INBOX', { messages: true });
      const idle = client.capabilities.has('IDLE') ? 'IDLE' : 'tanpa IDLE (polling)';
      const total = (inbox && inbox.messages) || 0;
      let message = `IMAP tersambung: INBOX berisi ${total} surel, ${idle}`;
      let since: number | null = null;
      if (account.syncSince !== null) {
        // Read-only (EXAMINE): counting changes nothing on the server, not even the \Seen flags.
        await client.mailboxOpen('INBOX', { readOnly: true });
        since = ((await client.search({ since: new Date(account.syncSince) }, { uid: true })) || []).length;
        message += `; ${since} surel sejak ${format(new TZDate(account.syncSince, TIME_ZONE), 'dd-MM-yyyy')} akan diambil pada sinkronisasi pertama`;
      }
      return { ok: true, message, mailCount: { inbox: total, since } };
    } catch (error) {
      return { ok: false, message: `IMAP gagal: ${describeError(error)}` };
    } finally {
      await client.logout().catch(() => client.close());
    }
  })();
  const smtp = (async () => {
    const session = new SmtpSession(account);
    try {
      await session.open();
      return { ok: true, message: 'SMTP tersambung dan login berhasil' };
    } catch (error) {
      return { ok: false, message: `SMTP gagal: ${describeError(error)}` };
    } finally {
      session.close();
    }
  })();
  return { imap: await imap, smtp: await smtp };
}
