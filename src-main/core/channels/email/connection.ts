import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { EmailTls } from '../../../../src-preload/contract';
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

/** Network failures in the officer's words (the raw text follows for the technician). */
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'Server menolak sambungan (tidak berjalan?)',
  ECONNRESET: 'Sambungan diputus server',
  ETIMEDOUT: 'Server tidak menjawab (waktu habis)',
  ENOTFOUND: 'Nama server tidak ditemukan',
  EHOSTUNREACH: 'Server tidak terjangkau dari jaringan ini',
  ENETUNREACH: 'Jaringan tidak tersedia',
};

/** A short, password-free description of a connection error, for the officer. */
export function describeError(error: unknown): string {
  const e = error as { code?: string; responseText?: string; response?: string; message?: string } | null;
  if (isAuthFailure(error)) return 'Autentikasi gagal: periksa nama pengguna dan kata sandi / authentication failed';
  const words = Object.entries(NETWORK_WORDS).find(([code]) => e?.code === code || e?.message?.includes(code))?.[1];
  if (words) return `${words}: ${(e?.message ?? '').replace(/\s+/g, ' ').slice(0, 120)}`;
  const code = e?.code ? ` (${e.code})` : '';
  const text = (e?.responseText ?? e?.response ?? e?.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 200);
  return `${text}${code}`;
}

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
export async function checkConnections(account: EmailAccount): Promise<{ imap: { ok: boolean; message: string }; smtp: { ok: boolean; message: string } }> {
  const imap = (async () => {
    const client = new ImapFlow(imapOptions(account, { disableAutoIdle: true }));
    client.on('error', () => undefined);
    try {
      await client.connect();
      const inbox = await client.status('INBOX', { messages: true });
      const idle = client.capabilities.has('IDLE') ? 'IDLE' : 'tanpa IDLE (polling)';
      return { ok: true, message: `IMAP tersambung: INBOX berisi ${(inbox && inbox.messages) || 0} surel, ${idle}` };
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
