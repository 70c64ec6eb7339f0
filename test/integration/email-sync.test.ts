import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { accountInput, CITIZEN, mail, OFFICE, startEmailEnv, until, type EmailEnv } from './fixtures/email-env';
import { statusText } from '../helpers/status-text';

/** Old mail: the workflow does not acknowledge it, so the sync is measured alone. */
const OLD = 'Mon, 03 Mar 2025 10:00:00 +0800';
const available = requireMailPeers('email-sync');

describe.skipIf(!available)('email sync against Dovecot', () => {
  let peers: MailPeers;
  let env: EmailEnv | null = null;
  beforeAll(async () => {
    peers = await startMailPeers();
  });
  afterAll(async () => {
    await peers?.close();
  });
  afterEach(async () => {
    await env?.dispose();
    env = null;
  });

  it('first sync takes the whole INBOX with progress, then IDLE brings new mail within seconds', async () => {
    const seeded = peers.seedMaildir(
      OFFICE,
      'INBOX',
      Array.from({ length: 450 }, (_, i) => ({ raw: mail({ subject: `Seed ${i}`, messageId: `<seed.${i}@x.test>`, date: OLD }) })),
    );
    expect(seeded).toBe(450);
    env = await startEmailEnv(peers);
    const e = env;
    await until('450 mails stored', () => e.count("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'") === 450, 20_000);
    const progress = e.statuses.filter((s) => s.state === 'syncing').map((s) => statusText(s));
    expect(progress[0]).toMatch(/^Menyinkronkan 0 dari 450/);
    expect(progress).toContain('Menyinkronkan 450 dari 450');
    expect(progress.length).toBeGreaterThanOrEqual(5); // batches of 100: 0,100,…,450
    await until('idle', () => e.channels.email.status()?.state === 'idle');
    const cursor = e.core.services.db.prepare("SELECT value FROM channel_cursors WHERE channel = 'email' AND stream = 'INBOX'").get() as { value: string };
    expect(JSON.parse(cursor.value)).toMatchObject({ lastUid: 450 });
    expect(JSON.parse(cursor.value).highestModseq).toMatch(/^\d+$/);

    // IDLE push: stored within 4 s although the safety poll runs only every 60 s.
    await peers.deliver(OFFICE, mail({ subject: 'Baru saja', messageId: '<idle.1@x.test>' }));
    await until('pushed mail', () => e.count("SELECT count(*) AS n FROM messages WHERE external_id = '<idle.1@x.test>'") === 1, 4_000);
    const conv = e.core.services.db
      .prepare(
        "SELECT c.subject, r.email FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN requesters r ON r.id = c.requester_id WHERE m.external_id = '<idle.1@x.test>'",
      )
      .get();
    expect(conv).toEqual({ subject: 'Baru saja', email: CITIZEN });
  });
});

describe.skipIf(!available)('email sync resilience', () => {
  let peers: MailPeers;
  let env: EmailEnv | null = null;
  beforeAll(async () => {
    peers = await startMailPeers();
  });
  afterAll(async () => {
    await env?.dispose();
    await peers?.close();
  });
  const stored = () => env!.count("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'");

  it('survives the server restarting mid-sync: every mail exactly once', async () => {
    peers.seedMaildir(
      OFFICE,
      'INBOX',
      Array.from({ length: 1_500 }, (_, i) => ({
        raw: mail({ subject: `Restart ${i}`, messageId: i % 100 === 0 ? null : `<restart.${i}@x.test>`, body: `isi ${i}`, date: OLD }),
      })),
    );
    env = await startEmailEnv(peers);
    const e = env;
    await until('sync under way', () => stored() >= 200, 20_000, 5);
    await peers.restart();
    await until('all 1,500 stored', () => stored() === 1_500, 30_000);
    expect(e.statuses.some((s) => s.state === 'offline' && s.nextRetryAt !== null && /terputus|diputus|menolak sambungan/.test(statusText(s)))).toBe(true);
    await until('idle again', () => e.channels.email.status()?.state === 'idle');
    expect(e.count("SELECT count(DISTINCT body_text) AS n FROM messages WHERE direction = 'incoming'")).toBe(1_500);
  });

  it('a UIDVALIDITY change triggers a resync without duplicates (mail without Message-ID included)', async () => {
    const e = env!;
    const before = JSON.parse(
      (e.core.services.db.prepare("SELECT value FROM channel_cursors WHERE channel = 'email' AND stream = 'INBOX'").get() as { value: string }).value,
    );
    const { previous, current } = await peers.resetUidValidity(OFFICE);
    expect(String(previous)).toBe(before.uidValidity);
    await peers.deliver(OFFICE, mail({ subject: 'Setelah reset', messageId: '<after-reset@x.test>' }));
    await until('new mail after the reset', () => e.count("SELECT count(*) AS n FROM messages WHERE external_id = '<after-reset@x.test>'") === 1, 30_000);
    await until('cursor on the new UIDVALIDITY', () => {
      const c = JSON.parse(
        (e.core.services.db.prepare("SELECT value FROM channel_cursors WHERE channel = 'email' AND stream = 'INBOX'").get() as { value: string }).value,
      );
      return c.uidValidity === String(current) && c.lastUid === 1_501;
    });
    expect(stored()).toBe(1_501);
  });

  it('an authentication failure shows auth_failed without crashing; new settings connect again', async () => {
    await env?.dispose();
    env = await startEmailEnv(peers, { account: { password: 'salah-sekali' } });
    const e = env;
    const failed = await until('auth_failed', () => e.channels.email.status()?.state === 'auth_failed' && e.channels.email.status());
    expect(statusText(failed)).toMatch(/Autentikasi gagal/);
    expect(statusText(failed)).not.toContain('salah-sekali');
    const status = await e.core.must('email.status', {});
    expect(status?.state).toBe('auth_failed');
    const check = await e.core.must('email.testConnection', { ...accountInput(peers), password: 'salah-sekali' });
    expect(check.imap.ok).toBe(false);
    expect(check.smtp.ok).toBe(false);

    await e.core.must('email.saveAccount', accountInput(peers));
    await until('connected after new settings', () => e.channels.email.status()?.state === 'idle', 15_000);
    const good = await e.core.must('email.testConnection', { ...accountInput(peers), password: undefined });
    expect(good.imap).toMatchObject({ ok: true });
    expect(good.smtp).toMatchObject({ ok: true });
    const view = await e.core.must('email.getAccount', {});
    expect(view).toMatchObject({ user: OFFICE, hasPassword: true });
    expect(JSON.stringify(view)).not.toContain('rahasia-pst-123');
    expect(JSON.stringify(await e.core.must('audit.list', {}))).not.toContain('rahasia-pst-123');
  });
});
