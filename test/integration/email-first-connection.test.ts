import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { accountInput, mail, OFFICE, startEmailEnv, startFastCore, until } from './fixtures/email-env';

const available = requireMailPeers('email-first-connection');
const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(!available)('first connection: mail since a date, counted before it starts (through Dovecot)', () => {
  let peers: MailPeers;
  beforeAll(async () => {
    peers = await startMailPeers();
    const now = Date.now();
    for (const [i, age] of [90, 45, 10, 1].entries())
      await peers.append(OFFICE, 'INBOX', mail({ messageId: `<age${i}@x.test>`, subject: `Surat ${age} hari lalu` }), [], new Date(now - age * DAY));
  });
  afterAll(async () => {
    await peers?.close();
  });

  const flags = async () => {
    const client = new ImapFlow({ ...peers.imapConfig(OFFICE), logger: false });
    await client.connect();
    await client.mailboxOpen('INBOX', { readOnly: true });
    const out: string[] = [];
    // \Recent belongs to whichever session saw the mail first, not to the mail.
    for await (const m of client.fetch('1:*', { flags: true }))
      out.push(
        [...(m.flags ?? [])]
          .filter((f) => f !== '\\Recent')
          .sort()
          .join(' '),
      );
    await client.logout();
    return out;
  };

  it('the connection test counts the INBOX and what the first sync would take, and changes nothing on the server', async () => {
    const core = await startFastCore();
    const before = await flags();
    const since = Date.now() - 30 * DAY;
    const check = await core.must('email.testConnection', accountInput(peers, { syncSince: since }));
    expect(check.imap).toMatchObject({ ok: true, mailCount: { inbox: 4, since: 2 } });
    expect(check.imap.message).toMatch(/INBOX berisi 4 surel.*; 2 surel sejak \d{2}-\d{2}-\d{4} akan diambil/);
    expect(await flags()).toEqual(before);

    // Saved with that date, the first sync takes exactly those two.
    const env = await startEmailEnv(peers, { core, account: { syncSince: since } });
    await until('idle', () => env.channels.email.status()?.state === 'idle');
    expect(env.core.services.db.prepare("SELECT external_id FROM messages WHERE direction = 'incoming' ORDER BY external_id").pluck().all()).toEqual([
      '<age2@x.test>',
      '<age3@x.test>',
    ]);
    expect(await flags()).toEqual(before);
    await env.dispose();
  });
});
