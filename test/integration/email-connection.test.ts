import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkConnections, SmtpSession } from '../../src-main/core/channels/email/connection';
import type { EmailAccount } from '../../src-main/core/channels/email/config';

/** A port on 127.0.0.1 that nobody listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const account = (port: number): EmailAccount =>
  ({
    enabled: true,
    imapHost: '127.0.0.1',
    imapPort: port,
    imapTls: 'starttls',
    smtpHost: '127.0.0.1',
    smtpPort: port,
    smtpTls: 'starttls',
    user: 'pst',
    password: 'x',
    fromAddress: '',
    senderName: 'PST',
    syncSince: null,
    tlsCaPem: null,
  }) as EmailAccount;

describe('email connections to a server that is not there', () => {
  it('reject at once (a refused SMTP connection used to leave the promise pending forever)', async () => {
    const port = await closedPort();
    await expect(new SmtpSession(account(port)).open()).rejects.toMatchObject({ code: 'ESOCKET' });
    const result = await checkConnections(account(port));
    expect(result.imap).toMatchObject({ ok: false });
    expect(result.smtp.ok).toBe(false);
    // In the officer's words, not the library's: nothing listens on that port.
    expect(result.smtp.message).toBe('SMTP gagal: server menolak sambungan (tidak berjalan?)');
    expect(result.imap.message).toBe('IMAP gagal: server menolak sambungan (tidak berjalan?)');
  });
});
