// Peer faults on the email channel against the real Dovecot and SMTP peers: the server stopped
// and started again, a password that suddenly stops working, SMTP away. The console must recover
// by itself (no email.reconnect here), say what is wrong and when it tries again, lose nothing
// and duplicate nothing. Backoffs are milliseconds here; the production schedule is tested as data.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelStatusView } from '../../src-preload/contract';
import { AUTH_RETRY_MS, authRetryDelay } from '../../src-main/core/channels/backoff';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { mail, OFFICE, startEmailEnv, until, type EmailEnv } from './fixtures/email-env';
import { statusText } from '../helpers/status-text';

const available = requireMailPeers('peer-faults-email');

const AUTH_STEPS = [400, 800, 1_600];
const OLD = 'Mon, 03 Mar 2025 10:00:00 +0800';

/** A core whose outbox keeps the production attempt budget (6) on a millisecond scale. */
const coreWithOutbox = (): Promise<TestCore> => startCoreWithAdmin({ outbox: { baseDelayMs: 200, maxDelayMs: 1_000, maxAttempts: 6, pollMs: 50 } });

const waitOf = (s: ChannelStatusView) => (s.nextRetryAt ?? 0) - s.updatedAt;

describe('the auth retry schedule', () => {
  it('waits 5, 15, 30, then every 60 minutes after rejected logins, never less', () => {
    expect([0, 1, 2, 3, 4, 9].map((n) => authRetryDelay(AUTH_RETRY_MS, n) / 60_000)).toEqual([5, 15, 30, 60, 60, 60]);
    expect(authRetryDelay([], 0)).toBe(5 * 60_000);
  });
});

describe.skipIf(!available)('email peer faults', () => {
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
    if (!peers.dovecotRunning) await peers.restart();
    if (!peers.smtp.listening) await peers.smtp.start();
  });

  const start = async () => {
    env = await startEmailEnv(peers, { core: await coreWithOutbox(), email: { authRetryMs: AUTH_STEPS, smtpOfflineRetryMs: [100, 200] } });
    return env;
  };
  const incoming = (e: EmailEnv, id: string) => e.count('SELECT count(*) AS n FROM messages WHERE external_id = ?', id);
  const idle = (e: EmailEnv) => e.channels.email.status()?.state === 'idle';

  it('IMAP server down: offline with a growing retry delay, then resumes by itself; mail that arrived meanwhile is stored once', async () => {
    const e = await start();
    await peers.deliver(OFFICE, mail({ messageId: '<before-down@x.test>', date: OLD }));
    await until('first mail', () => incoming(e, '<before-down@x.test>') === 1);
    const from = e.statuses.length;

    await peers.stop();
    const offline = () => e.statuses.slice(from).filter((s) => s.state === 'offline');
    await until('three retries failed', () => offline().length >= 3, 10_000);
    const [first, , third] = offline();
    expect(first!.nextRetryAt).toBeGreaterThan(first!.updatedAt);
    expect(statusText(first)).toBeTruthy();
    expect(waitOf(third!)).toBeGreaterThan(waitOf(first!)); // backoff grows (150 → 600 ms ± 20 %)
    expect((await e.core.must('email.status', {}))?.state).toBe('offline');

    // Mail lands in the mailbox while the console cannot see it.
    peers.seedMaildir(
      OFFICE,
      'INBOX',
      [1, 2, 3].map((i) => ({ raw: mail({ messageId: `<while-down.${i}@x.test>`, date: OLD }) })),
    );
    await peers.restart();
    await until('back to idle without reconnect', () => idle(e), 10_000);
    await until('the three stored', () => [1, 2, 3].every((i) => incoming(e, `<while-down.${i}@x.test>`) === 1), 10_000);
    await peers.deliver(OFFICE, mail({ messageId: '<after-up@x.test>', date: OLD }));
    await until('IDLE works again', () => incoming(e, '<after-up@x.test>') === 1, 5_000);
    expect(e.count("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'")).toBe(5);
    expect(incoming(e, '<before-down@x.test>')).toBe(1);
  });

  it('IMAP password suddenly rejected: auth_failed with a growing wait, retried on its own, never sooner; recovers and resets', async () => {
    const e = await start();
    await until('idle', () => idle(e));
    const good = peers.users.find((u) => u.user === OFFICE)!.password;
    const from = e.statuses.length;
    await peers.setPassword(OFFICE, 'kata-sandi-baru-dari-admin');
    await peers.restart(); // drops the logged-in session: the next login uses the old password
    const failures = () => e.statuses.slice(from).filter((s) => s.state === 'auth_failed');
    await until('two rejected logins', () => failures().length >= 2, 10_000);
    const [first, second] = failures();
    expect(statusText(first)).toMatch(/Autentikasi gagal/);
    expect(waitOf(first!)).toBeGreaterThanOrEqual(AUTH_STEPS[0]!);
    expect(waitOf(second!)).toBeGreaterThanOrEqual(AUTH_STEPS[1]!);
    expect(second!.updatedAt).toBeGreaterThanOrEqual(first!.nextRetryAt! - 5); // not before the announced time
    const shown = await e.core.must('email.status', {});
    expect(shown).toMatchObject({ state: 'auth_failed' });
    expect(shown!.nextRetryAt).toBeGreaterThan(Date.now() - 50);

    await peers.setPassword(OFFICE, good);
    await until('recovered by itself', () => idle(e), 10_000);
    await peers.deliver(OFFICE, mail({ messageId: '<after-auth@x.test>', date: OLD }));
    await until('syncing again', () => incoming(e, '<after-auth@x.test>') === 1, 5_000);

    // A login that worked starts the schedule over: the next rejection waits the first step again.
    const again = e.statuses.length;
    await peers.setPassword(OFFICE, 'lagi-diganti');
    await peers.restart();
    const next = await until('rejected again', () => e.statuses.slice(again).find((s) => s.state === 'auth_failed'), 10_000);
    expect(waitOf(next)).toBeLessThan(AUTH_STEPS[1]!);
    await peers.setPassword(OFFICE, good);
  });

  /** A conversation from an incoming mail, its acknowledgement already sent. */
  async function conversation(e: EmailEnv, id: string): Promise<number> {
    await peers.deliver(OFFICE, mail({ messageId: id }));
    const row = await until(
      'conversation',
      () => e.core.services.db.prepare('SELECT conversation_id AS c FROM messages WHERE external_id = ?').get(id) as { c: number } | undefined,
    );
    await until('nothing waiting', () => e.count("SELECT count(*) AS n FROM outbox WHERE channel = 'email' AND state != 'sent'") === 0, 10_000);
    return row.c;
  }
  const outboxOf = (e: EmailEnv, messageId: number) =>
    e.core.services.db
      .prepare(
        'SELECT o.state, o.next_attempt_at AS next, o.last_error AS error, m.delivery, m.external_id AS mid FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.message_id = ?',
      )
      .get(messageId) as { state: string; next: number; error: string | null; delivery: string; mid: string | null };

  it('SMTP down: the reply stays pending with its retry time in the status, and goes out exactly once when SMTP is back', async () => {
    const e = await start();
    const conversationId = await conversation(e, '<smtp-down@x.test>');
    await peers.smtp.stop();
    const reply = await e.core.must('messages.send', { conversationId, text: 'Data yang Anda minta terlampir di tautan berikut.' });
    const failing = await until('SMTP problem shown', () => {
      const s = e.channels.email.status();
      return s?.state === 'offline' && statusText(s).includes('SMTP') && s;
    });
    const row = await until('rescheduled', () => {
      const r = outboxOf(e, reply.id);
      return r.error ? r : undefined;
    });
    expect(row).toMatchObject({ state: 'pending', delivery: 'pending' });
    expect(row.error).toMatch(/Server SMTP tidak dapat dihubungi/);
    expect(statusText(failing)).toMatch(/1 surel menunggu dikirim/);
    await until('status shows the outbox retry time', () => e.channels.email.status()?.nextRetryAt === outboxOf(e, reply.id).next);
    expect((await e.core.must('messages.list', { conversationId })).find((m) => m.id === reply.id)?.delivery).toBe('pending');
    // An outage longer than the outbox's attempt budget (6): the mail never reached a server, so
    // no attempt is spent and it stays pending however many times the connection is refused.
    const retries = new Set<number>();
    await until(
      'more refused connections than the attempt budget',
      () => {
        retries.add(outboxOf(e, reply.id).next);
        return retries.size > 8;
      },
      10_000,
    );
    expect(e.count('SELECT attempts AS n FROM outbox WHERE message_id = ?', reply.id)).toBe(0);
    expect(outboxOf(e, reply.id)).toMatchObject({ state: 'pending', delivery: 'pending' });

    await peers.smtp.start();
    await until('sent', () => outboxOf(e, reply.id).state === 'sent', 10_000);
    await until('status clear again', () => idle(e) && e.channels.email.status()?.detail.length === 0);
    const mid = outboxOf(e, reply.id).mid!;
    await until(
      'copy in Sent',
      () => e.count('SELECT count(*) AS n FROM email_messages WHERE message_id = ? AND sent_appended_at IS NOT NULL', reply.id) === 1,
    );
    expect(peers.smtp.received.filter((r) => r.messageId === mid)).toHaveLength(1);
  });

  it('SMTP login rejected: a clear reason, no further login until the wait is over, and delivery once the password works again', async () => {
    const e = await start();
    const conversationId = await conversation(e, '<smtp-auth@x.test>');
    const good = peers.users.find((u) => u.user === OFFICE)!.password;
    const loginsBefore = peers.smtp.logins.length;
    await peers.setPassword(OFFICE, 'diganti-oleh-admin-kantor');
    const first = await e.core.must('messages.send', { conversationId, text: 'Balasan pertama' });
    const second = await e.core.must('messages.send', { conversationId, text: 'Balasan kedua' });
    const status = await until('auth problem shown', () => {
      const s = e.channels.email.status();
      return s?.state === 'auth_failed' && s;
    });
    expect(statusText(status)).toMatch(/Login SMTP ditolak: periksa nama pengguna dan kata sandi/);
    expect(statusText(status)).not.toContain('diganti-oleh-admin-kantor');
    expect(statusText(status)).not.toContain(good);
    const row = await until('rescheduled', () => {
      const r = outboxOf(e, first.id);
      return r.error ? r : undefined;
    });
    expect(row).toMatchObject({ state: 'pending', delivery: 'pending' });
    expect(row.error).toMatch(/Login SMTP ditolak/);

    // Both replies wait; the server saw one rejected login, not one per item or per outbox poll.
    await new Promise((r) => setTimeout(r, AUTH_STEPS[0]! / 2));
    const rejected = peers.smtp.logins.slice(loginsBefore).filter((l) => !l.ok);
    expect(rejected).toHaveLength(1);

    await peers.setPassword(OFFICE, good);
    await until('both sent', () => outboxOf(e, first.id).state === 'sent' && outboxOf(e, second.id).state === 'sent', 10_000);
    for (const m of [first, second]) expect(peers.smtp.received.filter((r) => r.messageId === outboxOf(e, m.id).mid)).toHaveLength(1);
    const texts = peers.smtp.received.map((r) => r.raw.toString()).filter((raw) => /Balasan (pertama|kedua)/.test(raw));
    expect(texts).toHaveLength(2);
    await until('status clear again', () => idle(e));
  });
});
