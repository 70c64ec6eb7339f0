// The mail peers themselves: a private Dovecot (IMAP/IMAPS/LMTP) and the SMTP submission peer.
// Channel tests build on these, so each capability they rely on is proven here over the wire.
import { existsSync } from 'node:fs';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveGroupMembers } from '../peers/mail/dovecot-process';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail/index';

const available = requireMailPeers('mail-peers');

const PST = 'pst@example.test';
const PEMOHON = 'pemohon@example.test';

function rawMail(subject: string, messageId: string, to = PST): string {
  return [
    `From: Warga <${PEMOHON}>`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'Date: Sat, 28 Nov 2026 10:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Mohon data kemiskinan Buleleng 2025.',
    '',
  ].join('\r\n');
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let sequence = 0;
const uniqueId = () => `<test-${process.pid}-${Date.now()}-${++sequence}@example.test>`;

async function connected(options: ImapFlowOptions): Promise<ImapFlow> {
  const client = new ImapFlow(options);
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function withClient<T>(options: ImapFlowOptions, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await connected(options);
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** UIDs of messages in `mailbox` whose Message-ID header is `messageId`. */
function uidsWithMessageId(peers: MailPeers, user: string, messageId: string, mailbox = 'INBOX'): Promise<number[]> {
  return withClient(peers.imapConfig(user), async (client) => {
    const lock = await client.getMailboxLock(mailbox);
    try {
      return (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
    } finally {
      lock.release();
    }
  });
}

function messageCount(peers: MailPeers, user: string, mailbox = 'INBOX'): Promise<number> {
  return withClient(peers.imapConfig(user), async (client) => {
    const status = await client.status(mailbox, { messages: true });
    if (!status || status.messages === undefined) throw new Error(`STATUS ${mailbox} failed`);
    return status.messages;
  });
}

describe.skipIf(!available)('mail peers (Dovecot + SMTP peer on 127.0.0.1)', () => {
  let peers: MailPeers;

  beforeAll(async () => {
    peers = await startMailPeers();
    console.info(`[mail-peers] Dovecot ready ${peers.startMs.toFixed(0)} ms after spawn`);
  });

  afterAll(async () => {
    await peers?.close();
  });

  it('logs in with STARTTLS on the plain port and with implicit TLS, verifying the certificate by `ca`', async () => {
    for (const secure of [false, true]) {
      const client = await connected(peers.imapConfig(PST, { secure }));
      try {
        expect(client.secureConnection).toBe(true);
        expect(client.authenticated).toBeTruthy();
        expect(client.capabilities.has('CONDSTORE')).toBe(true);
        expect(client.capabilities.has('QRESYNC')).toBe(true);
        const specialUse = (await client.list())
          .map((entry) => entry.specialUse)
          .filter(Boolean)
          .sort();
        expect(specialUse).toEqual(['\\Drafts', '\\Inbox', '\\Junk', '\\Sent', '\\Trash']);
      } finally {
        await client.logout();
      }
    }
  });

  it('rejects a TLS client that does not trust the peer certificate', async () => {
    const options = peers.imapConfig(PST);
    await expect(connected({ ...options, tls: {} })).rejects.toThrow();
  });

  it('refuses a wrong password with an authentication error', async () => {
    const options = peers.imapConfig(PST);
    const failure = await connected({ ...options, auth: { user: PST, pass: 'salah-sandi' } }).then(
      () => null,
      (error: unknown) => error as { authenticationFailed?: boolean },
    );
    expect(failure?.authenticationFailed).toBe(true);
  });

  it('delivers over LMTP into INBOX, readable over IMAP', async () => {
    const messageId = uniqueId();
    await peers.deliver(PST, rawMail('Permintaan data', messageId));
    const uids = await uidsWithMessageId(peers, PST, messageId);
    expect(uids).toHaveLength(1);
    const envelope = await withClient(peers.imapConfig(PST), async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const message = await client.fetchOne(String(uids[0]), { envelope: true }, { uid: true });
        return message ? message.envelope : undefined;
      } finally {
        lock.release();
      }
    });
    expect(envelope?.subject).toBe('Permintaan data');
    expect(envelope?.messageId).toBe(messageId);
  });

  it('wakes an idling client with EXISTS when another message arrives', async () => {
    const client = await connected({ ...peers.imapConfig(PST), autoIdleDelay: 50 });
    try {
      const mailbox = await client.mailboxOpen('INBOX');
      const before = mailbox.exists;
      const existsSeen = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no EXISTS within 8 s')), 8000);
        client.on('exists', (event: { count: number }) => {
          clearTimeout(timer);
          resolve(event.count);
        });
      });
      // Let auto-IDLE start, so the notification arrives through IDLE, not a command response.
      await waitFor('client in IDLE', () => client.idling, 5000);
      await peers.deliver(PST, rawMail('Datang saat IDLE', uniqueId()));
      expect(await existsSeen).toBe(before + 1);
    } finally {
      await client.logout().catch(() => client.close());
    }
  });

  it('relays mail sent with nodemailer (STARTTLS + AUTH) into the recipient mailbox, once', async () => {
    const transport = nodemailer.createTransport(peers.smtpConfig(PST));
    try {
      const before = peers.smtp.received.length;
      const info = await transport.sendMail({ from: PST, to: PEMOHON, subject: 'Balasan PST', text: 'Data terlampir.' });
      expect(peers.smtp.received).toHaveLength(before + 1);
      const received = peers.smtp.received.at(-1)!;
      expect(received.messageId).toBe(info.messageId);
      expect(received.envelope).toEqual({ mailFrom: PST, rcptTo: [PEMOHON] });
      expect(received.authUser).toBe(PST);
      expect(await uidsWithMessageId(peers, PEMOHON, info.messageId)).toHaveLength(1);
    } finally {
      transport.close();
    }
  });

  it('refuses to relay to an address that is not a local account', async () => {
    const transport = nodemailer.createTransport(peers.smtpConfig(PST));
    try {
      await expect(transport.sendMail({ from: PST, to: 'orang@luar.example', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    } finally {
      transport.close();
    }
  });

  it('appends to the \\Sent mailbox found by special-use, keeping flags and internal date', async () => {
    const messageId = uniqueId();
    const internalDate = new Date('2026-11-20T02:00:00Z');
    const result = await peers.append(PST, '\\Sent', rawMail('Terkirim', messageId, PEMOHON), ['\\Seen'], internalDate);
    expect(result.path).toBe('Sent');
    expect(result.uid).toBeGreaterThan(0);
    const message = await withClient(peers.imapConfig(PST), async (client) => {
      const lock = await client.getMailboxLock('Sent');
      try {
        return await client.fetchOne(String(result.uid), { flags: true, internalDate: true, envelope: true }, { uid: true });
      } finally {
        lock.release();
      }
    });
    expect(message && [...(message.flags ?? [])]).toContain('\\Seen');
    expect(message && new Date(message.internalDate ?? 0).getTime()).toBe(internalDate.getTime());
    expect(message && message.envelope?.messageId).toBe(messageId);
  });

  it('seeds Maildir files that IMAP shows in order with flags and internal dates', async () => {
    const count = 200;
    const base = Date.UTC(2026, 0, 1);
    peers.seedMaildir(
      PST,
      'Arsip/2025',
      Array.from({ length: count }, (_, i) => ({
        raw: rawMail(`Arsip ${i}`, `<seed-${i}@example.test>`),
        flags: i % 2 === 0 ? ['\\Seen'] : [],
        internalDate: new Date(base + i * 60_000),
      })),
    );
    const seen = await withClient(peers.imapConfig(PST), async (client) => {
      const lock = await client.getMailboxLock('Arsip/2025');
      try {
        const rows: { uid: number; subject: string | undefined; seen: boolean; internalDate: number }[] = [];
        for await (const m of client.fetch('1:*', { uid: true, envelope: true, flags: true, internalDate: true })) {
          rows.push({ uid: m.uid, subject: m.envelope?.subject, seen: m.flags?.has('\\Seen') ?? false, internalDate: new Date(m.internalDate ?? 0).getTime() });
        }
        return rows;
      } finally {
        lock.release();
      }
    });
    expect(seen).toHaveLength(count);
    seen.forEach((row, i) => {
      expect(row).toEqual({ uid: i + 1, subject: `Arsip ${i}`, seen: i % 2 === 0, internalDate: base + i * 60_000 });
    });
  });

  it('resets UIDVALIDITY of INBOX while keeping its messages', async () => {
    await peers.deliver(PST, rawMail('Sebelum reset', uniqueId()));
    const countBefore = await messageCount(peers, PST);
    const { previous, current } = await peers.resetUidValidity(PST);
    expect(current).not.toBe(previous);
    const seenByClient = await withClient(peers.imapConfig(PST), async (client) => {
      const mailbox = await client.mailboxOpen('INBOX');
      return { uidValidity: mailbox.uidValidity, exists: mailbox.exists };
    });
    expect(seenByClient).toEqual({ uidValidity: current, exists: countBefore });
  });

  it('restarts on the same ports with the same mail, after a SIGKILL outage', async () => {
    const ports = { ...peers.ports };
    const countBefore = await messageCount(peers, PST);
    const oldGroup = peers.dovecotPid!;
    await peers.stop();
    expect(peers.dovecotRunning).toBe(false);
    expect(liveGroupMembers(oldGroup)).toEqual([]);
    await expect(connected(peers.imapConfig(PST))).rejects.toThrow();
    // While Dovecot is down the SMTP peer cannot hand over mail: a temporary error, nothing recorded.
    const transport = nodemailer.createTransport(peers.smtpConfig(PST));
    const receivedBefore = peers.smtp.received.length;
    try {
      await expect(transport.sendMail({ from: PST, to: PEMOHON, subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      transport.close();
    }
    expect(peers.smtp.received).toHaveLength(receivedBefore);
    await peers.restart();
    expect({ ...peers.ports }).toEqual(ports);
    expect(await messageCount(peers, PST)).toBe(countBefore);
  });

  it('turns injected SMTP faults into the errors nodemailer reports, delivering nothing', async () => {
    const transport = nodemailer.createTransport(peers.smtpConfig(PST));
    const mail = { from: PST, to: PEMOHON, subject: 'Uji gangguan', text: 'x' };
    const before = peers.smtp.received.length;
    try {
      peers.smtp.rejectNext(1, { code: 451 });
      await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
      peers.smtp.rejectNext(1, { code: 550, stage: 'rcpt' });
      await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 550 });
      peers.smtp.dropConnectionMidData();
      const dropped = await transport.sendMail({ ...mail, text: 'x'.repeat(200_000) }).then(
        () => null,
        (error: { code?: string }) => error,
      );
      expect(['ESOCKET', 'ECONNECTION']).toContain(dropped?.code);
      expect(peers.smtp.received).toHaveLength(before);
      // Faults are one-shot: the next attempt goes through.
      const info = await transport.sendMail(mail);
      expect(peers.smtp.received.at(-1)?.messageId).toBe(info.messageId);
    } finally {
      transport.close();
    }
  });

  it('stops and starts the SMTP server on the same port', async () => {
    const port = peers.smtp.port;
    await peers.smtp.stop();
    const transport = nodemailer.createTransport(peers.smtpConfig(PST));
    try {
      await expect(transport.sendMail({ from: PST, to: PEMOHON, subject: 'x', text: 'x' })).rejects.toMatchObject({
        code: 'ESOCKET',
        message: expect.stringContaining('ECONNREFUSED'),
      });
      await peers.smtp.start();
      expect(peers.smtp.port).toBe(port);
      await expect(transport.sendMail({ from: PST, to: PEMOHON, subject: 'y', text: 'y' })).resolves.toBeTruthy();
    } finally {
      transport.close();
    }
  });

  it('makes the old password fail on IMAP and SMTP after setPassword', async () => {
    const oldImap = peers.imapConfig(PEMOHON);
    const oldSmtp = peers.smtpConfig(PEMOHON);
    await withClient(oldImap, async () => undefined);
    await peers.setPassword(PEMOHON, 'sandi-baru-456');
    await expect(connected(oldImap)).rejects.toMatchObject({ authenticationFailed: true });
    const oldTransport = nodemailer.createTransport(oldSmtp);
    try {
      await expect(oldTransport.sendMail({ from: PEMOHON, to: PST, subject: 'x', text: 'x' })).rejects.toMatchObject({ code: 'EAUTH' });
    } finally {
      oldTransport.close();
    }
    await withClient(peers.imapConfig(PEMOHON), async (client) => expect(client.authenticated).toBeTruthy());
  });

  it('runs a second instance side by side with its own ports, users and mail', async () => {
    const other = await startMailPeers({ users: [{ user: 'kedua@example.test', password: 'sandi-kedua' }] });
    const group = other.dovecotPid!;
    try {
      const ports = new Set([...Object.values(peers.ports), ...Object.values(other.ports)]);
      expect(ports.size).toBe(8);
      const messageId = uniqueId();
      await other.deliver('kedua@example.test', rawMail('Instans kedua', messageId, 'kedua@example.test'));
      expect(await uidsWithMessageId(other, 'kedua@example.test', messageId)).toHaveLength(1);
      expect(await uidsWithMessageId(peers, PST, messageId)).toHaveLength(0);
      await expect(connected({ ...other.imapConfig('kedua@example.test'), auth: { user: PST, pass: 'rahasia-pst-123' } })).rejects.toMatchObject({
        authenticationFailed: true,
      });
    } finally {
      await other.close();
    }
    expect(liveGroupMembers(group)).toEqual([]);
    expect(existsSync(other.dir)).toBe(false);
  });
});
