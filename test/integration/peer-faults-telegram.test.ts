// Telegram peer faults that telegram-faults.test.ts does not cover: 429 on the poller, a server
// that stops answering (poller and sender), a 401 that comes and goes, 5xx while connecting.
// The channel must recover by itself (no telegram.reconnect), say why and when it retries, and
// store every update once. Waits are milliseconds here (injected backoff and timeouts).
import { afterEach, describe, expect, it } from 'vitest';
import { testUser } from '../peers/telegram';
import { eventually, startTelegramHarness, type TelegramHarness } from '../helpers/telegram';
import { statusText } from '../helpers/status-text';

let h: TelegramHarness;
afterEach(async () => {
  await h?.close();
});

const AUTH_STEPS = [300, 600];
const FAULTS = { requestTimeoutMs: 300, authRetryMs: AUTH_STEPS };
const db = () => h.core.services.db;
const lastStatus = () => h.statuses().at(-1);
const stored = (userId: number, messageId: number) =>
  (db().prepare('SELECT count(*) AS n FROM messages WHERE external_id = ?').get(`${userId}:${messageId}`) as { n: number }).n;
/** Requests to the emulator after index `from`, optionally one method only. */
const requestsSince = (from: number, method?: string) =>
  h.emulator
    .requestLog()
    .slice(from)
    .filter((r) => !method || r.method.toLowerCase() === method.toLowerCase());

async function connected(): Promise<void> {
  await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
}

describe('Telegram peer faults', () => {
  it('429 on getUpdates: offline with the wait Telegram asked for, no poll before it, then every update once', async () => {
    h = await startTelegramHarness({ telegram: FAULTS });
    await connected();
    const from = h.emulator.requestLog().length;
    h.emulator.failNext('getUpdates', { status: 429, retryAfter: 1 });
    const limited = await eventually(() => h.statuses().find((s) => s.state === 'offline' && statusText(s).includes('429')), 5_000, '429 status');
    expect(statusText(limited)).toMatch(/membatasi permintaan \(429\); menunggu 1 detik/);
    expect(limited.nextRetryAt).not.toBeNull();
    const user = testUser();
    const sent = h.emulator.userSendsText(user, 'Pesan saat dibatasi');
    await eventually(() => stored(user.id, sent.message_id) === 1, 5_000, 'stored after the wait');
    const polls = requestsSince(from, 'getUpdates');
    const refused = polls.findIndex((r) => r.status === 429);
    expect(refused).toBeGreaterThanOrEqual(0);
    expect(polls[refused + 1]!.at - polls[refused]!.at).toBeGreaterThanOrEqual(1_000);
    await connected();
    expect(stored(user.id, sent.message_id)).toBe(1);
  });

  it('getUpdates never answered: the poll times out, offline "waktu habis", then resumes with nothing lost or doubled', async () => {
    h = await startTelegramHarness({ telegram: FAULTS });
    await connected();
    h.emulator.failNext('getUpdates', { hang: true, times: 2 });
    const user = testUser();
    const messages = [h.emulator.userSendsText(user, 'Satu'), h.emulator.userSendsText(user, 'Dua')];
    const timedOut = await eventually(() => h.statuses().find((s) => s.state === 'offline' && statusText(s).includes('waktu habis')), 8_000, 'timeout status');
    expect(statusText(timedOut)).toContain('getUpdates');
    expect(timedOut.nextRetryAt).toBeGreaterThan(0);
    await eventually(() => messages.every((m) => stored(user.id, m.message_id) === 1), 8_000, 'both stored');
    await connected();
    h.emulator.userSendsText(user, 'Tiga');
    await eventually(
      () => (db().prepare("SELECT count(*) AS n FROM messages WHERE direction = 'incoming' AND channel = 'telegram'").get() as { n: number }).n === 3,
      5_000,
      'third stored',
    );
  });

  it('sendMessage never answered: failed with "check before resending" (never resent blindly), then the officer resends it once', async () => {
    h = await startTelegramHarness({ telegram: FAULTS });
    const user = testUser();
    h.emulator.userSendsText(user, 'Halo PST');
    const conversationId = await eventually(
      () => (db().prepare("SELECT conversation_id AS id FROM messages WHERE direction = 'incoming'").get() as { id: number } | undefined)?.id,
      5_000,
      'conversation',
    );
    await h.emulator.waitForSent(user.id, (r) => r.text?.includes('nama lengkap') ?? false);
    h.emulator.failNext('sendMessage', { hang: true });
    const reply = await h.must('messages.send', { conversationId, text: 'Tabel kemiskinan 2025 terlampir' });
    const row = await eventually(
      () =>
        db()
          .prepare(
            "SELECT o.state, o.attempts, m.delivery, m.failure_reason AS reason FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.message_id = ? AND o.state = 'failed'",
          )
          .get(reply.id) as { state: string; attempts: number; delivery: string; reason: string } | undefined,
      5_000,
      'failed after the timeout',
    );
    // One request went out and got no answer: Telegram may have delivered it, so no second try.
    expect(row).toMatchObject({ delivery: 'failed', attempts: 1 });
    expect(row.reason).toMatch(/tidak menjawab sendMessage .*waktu habis.*periksa percakapan di Telegram/);
    // The officer checked (it did not arrive: the emulator hung before storing it) and resends.
    expect(h.emulator.sentTo(user.id).filter((r) => r.text === 'Tabel kemiskinan 2025 terlampir')).toHaveLength(0);
    await h.must('messages.retry', { messageId: reply.id });
    await eventually(
      () => (db().prepare('SELECT delivery FROM messages WHERE id = ?').get(reply.id) as { delivery: string }).delivery === 'sent',
      8_000,
      'sent',
    );
    expect(h.emulator.sentTo(user.id).filter((r) => r.text === 'Tabel kemiskinan 2025 terlampir')).toHaveLength(1);
  });

  it('401 that comes and goes: auth_failed with a growing wait, retried on its own never sooner, then connected', async () => {
    h = await startTelegramHarness({ telegram: FAULTS });
    await connected();
    const from = h.emulator.requestLog().length;
    const statusFrom = h.statuses().length;
    h.emulator.failNext('getUpdates', { status: 401, description: 'Unauthorized' });
    h.emulator.failNext('getMe', { status: 401, description: 'Unauthorized' });
    await eventually(
      () =>
        h
          .statuses()
          .slice(statusFrom)
          .some((s) => s.state === 'auth_failed'),
      5_000,
      'auth_failed',
    );
    const user = testUser();
    const sent = h.emulator.userSendsText(user, 'Pesan saat token ditolak');
    await eventually(() => stored(user.id, sent.message_id) === 1, 8_000, 'stored after recovery');
    await connected();
    const failures = h
      .statuses()
      .slice(statusFrom)
      .filter((s) => s.state === 'auth_failed');
    expect(failures).toHaveLength(2);
    expect(statusText(failures[0])).toMatch(/Token bot tidak valid \(401\)/);
    expect(failures.every((s) => s.nextRetryAt !== null)).toBe(true);
    const log = requestsSince(from);
    const rejected = log.map((r, i) => ({ ...r, i })).filter((r) => r.status === 401);
    expect(rejected.map((r) => r.method.toLowerCase())).toEqual(['getupdates', 'getme']);
    // Each retry comes no sooner than its step of the schedule (300 ms, then 600 ms).
    expect(rejected[1]!.at - rejected[0]!.at).toBeGreaterThanOrEqual(AUTH_STEPS[0]!);
    expect(log[rejected[1]!.i + 1]!.at - rejected[1]!.at).toBeGreaterThanOrEqual(AUTH_STEPS[1]!);
  });

  it('5xx while connecting (getMe, deleteWebhook): offline with a retry time, then connected by itself', async () => {
    h = await startTelegramHarness({ telegram: FAULTS, withToken: true });
    await connected();
    h.emulator.failNext('getMe', { status: 503 });
    h.emulator.failNext('deleteWebhook', { status: 500 });
    const from = h.statuses().length;
    h.emulator.failNext('getUpdates', { status: 502 }); // drops the session so the setup runs again
    await eventually(
      () =>
        h
          .statuses()
          .slice(from)
          .filter((s) => s.state === 'offline').length >= 3,
      8_000,
      'three failures',
    );
    const details = h
      .statuses()
      .slice(from)
      .filter((s) => s.state === 'offline')
      .map((s) => statusText(s));
    expect(details.slice(0, 3)).toEqual([expect.stringContaining('502'), expect.stringContaining('503'), expect.stringContaining('500')]);
    await connected();
  });
});
