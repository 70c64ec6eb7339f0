/**
 * Numbers for the report, not a test: `npx tsx test/peers/mail/measure.ts [messages]`.
 * Start time, seeding paths for a large mailbox, LMTP and SMTP end-to-end latency.
 */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { startMailPeers, type MailPeers } from './index';

const PST = 'pst@example.test';
const PEMOHON = 'pemohon@example.test';
const total = Number(process.argv[2] ?? 10_000);

const fixture = (i: number) =>
  `From: Warga ${i} <warga${i}@example.test>\r\nTo: ${PST}\r\nSubject: Permintaan data nomor ${i}\r\n` +
  `Message-ID: <bulk-${i}@example.test>\r\nDate: Sat, 28 Nov 2026 10:00:00 +0800\r\n\r\n` +
  `Yth. PST, mohon data IPM Buleleng tahun ${2000 + (i % 25)}.\r\n`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function imapMessageCount(peers: MailPeers, mailbox: string): Promise<number> {
  const client = new ImapFlow({ ...peers.imapConfig(PST), disableAutoIdle: true });
  await client.connect();
  try {
    const opened = await client.mailboxOpen(mailbox);
    return opened.exists;
  } finally {
    await client.logout();
  }
}

async function measureStart(): Promise<void> {
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const peers = await startMailPeers();
    starts.push(performance.now() - t);
    await peers.close();
  }
  console.log(`startMailPeers (cert + config + Dovecot greeting + SMTP listen), median of 5: ${ms(median(starts))} [${starts.map(ms).join(', ')}]`);
}

async function measureMaildirSeed(peers: MailPeers): Promise<void> {
  const t = performance.now();
  peers.seedMaildir(
    PST,
    'Seed',
    Array.from({ length: total }, (_, i) => ({ raw: fixture(i), flags: i % 3 ? ['\\Seen'] : [] })),
  );
  const written = performance.now() - t;
  const count = await imapMessageCount(peers, 'Seed');
  const indexed = performance.now() - t;
  console.log(`Maildir fast path, ${total} messages: files written ${ms(written)}, first IMAP SELECT sees ${count} after ${ms(indexed)} total`);
  if (count !== total) throw new Error(`IMAP shows ${count}, expected ${total}`);
}

async function measureImapAppend(peers: MailPeers, count: number, connections: number): Promise<void> {
  const mailbox = `Append${connections}`;
  const setup = new ImapFlow({ ...peers.imapConfig(PST), disableAutoIdle: true });
  await setup.connect();
  await setup.mailboxCreate(mailbox);
  await setup.logout();
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new ImapFlow({ ...peers.imapConfig(PST), disableAutoIdle: true });
      await c.connect();
      return c;
    }),
  );
  const t = performance.now();
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < count) await client.append(mailbox, fixture(next++), ['\\Seen']);
    }),
  );
  const elapsed = performance.now() - t;
  await Promise.all(clients.map((c) => c.logout()));
  const seen = await imapMessageCount(peers, mailbox);
  console.log(
    `IMAP APPEND (imapflow, ${connections} connection(s)), ${count} messages: ${ms(elapsed)} (${(count / (elapsed / 1000)).toFixed(0)}/s; 10,000 would take ~${(((10_000 / count) * elapsed) / 1000).toFixed(1)} s); IMAP sees ${seen}`,
  );
}

async function measureLmtpBulk(peers: MailPeers, count: number): Promise<void> {
  const t = performance.now();
  for (let i = 0; i < count; i++) await peers.deliver(PEMOHON, fixture(i));
  const elapsed = performance.now() - t;
  console.log(`LMTP deliver() sequential, ${count} messages: ${ms(elapsed)} (${(count / (elapsed / 1000)).toFixed(0)}/s)`);
}

/** From the start of a delivery to the EXISTS an idling imapflow client receives. */
async function measureLatency(peers: MailPeers, rounds: number): Promise<void> {
  const client = new ImapFlow({ ...peers.imapConfig(PEMOHON), autoIdleDelay: 20 });
  await client.connect();
  await client.mailboxOpen('INBOX');
  const nextExists = () => new Promise<void>((resolve) => client.once('exists', () => resolve()));
  const transport = nodemailer.createTransport({ ...peers.smtpConfig(PST), pool: false });
  const lmtp: number[] = [];
  const smtp: number[] = [];
  const lmtpOnly: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      await new Promise((r) => setTimeout(r, 100)); // back in IDLE
      let seen = nextExists();
      let t = performance.now();
      await peers.deliver(PEMOHON, fixture(i));
      lmtpOnly.push(performance.now() - t);
      await seen;
      lmtp.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
      seen = nextExists();
      t = performance.now();
      await transport.sendMail({ from: PST, to: PEMOHON, subject: `Balasan ${i}`, text: 'Data terlampir.' });
      await seen;
      smtp.push(performance.now() - t);
    }
  } finally {
    transport.close();
    await client.logout();
  }
  console.log(`LMTP deliver() call alone, median of ${rounds}: ${ms(median(lmtpOnly))}`);
  console.log(`LMTP deliver -> IDLE EXISTS, median of ${rounds}: ${ms(median(lmtp))} (max ${ms(Math.max(...lmtp))})`);
  console.log(
    `nodemailer send via SMTP peer (new connection, STARTTLS, AUTH) -> IDLE EXISTS, median of ${rounds}: ${ms(median(smtp))} (max ${ms(Math.max(...smtp))})`,
  );
}

await measureStart();
const peers = await startMailPeers();
try {
  await measureMaildirSeed(peers);
  await measureImapAppend(peers, 1000, 1);
  await measureImapAppend(peers, 1000, 4);
  await measureLmtpBulk(peers, 500);
  await measureLatency(peers, 20);
} finally {
  await peers.close();
}
