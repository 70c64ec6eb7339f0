// What goes wrong with Telegram and how the officer sees it: 401, 409, 429, 403, 5xx and a lost
// network, each against the emulator's real error answers.
import { afterEach, describe, expect, it } from 'vitest';
import { TELEGRAM_TOKEN_SECRET } from '../../src-main/core/channels/telegram';
import { testUser, type TestUser } from '../peers/telegram';
import { eventually, startTelegramHarness, type TelegramHarness } from '../helpers/telegram';
import { statusText } from '../helpers/status-text';

let h: TelegramHarness;
afterEach(async () => {
  await h?.close();
});

const db = () => h.core.services.db;
const lastStatus = () => h.statuses().at(-1);

async function conversationWith(user: TestUser): Promise<number> {
  const m = h.emulator.userSendsText(user, 'Halo PST');
  const row = await eventually(
    () => db().prepare('SELECT conversation_id AS id FROM messages WHERE external_id = ?').get(`${user.id}:${m.message_id}`) as { id: number } | undefined,
  );
  await h.emulator.waitForSent(user.id, (r) => r.text?.includes('nama lengkap') ?? false);
  return row.id;
}
const delivery = (id: number) =>
  db().prepare('SELECT delivery, failure_reason AS reason FROM messages WHERE id = ?').get(id) as { delivery: string; reason: string | null };

describe('Telegram faults', () => {
  it('401: shows "token tidak valid", refuses a bad token live, and recovers with a good one', async () => {
    h = await startTelegramHarness();
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
    h.core.services.secrets.set(TELEGRAM_TOKEN_SECRET, '123456789:AAFakeTokenThatTheEmulatorDoesNotKnow00');
    await h.channel.reload();
    const failed = await eventually(() => (lastStatus()?.state === 'auth_failed' ? lastStatus() : undefined), 5_000, 'auth_failed');
    expect(statusText(failed)).toMatch(/[Tt]oken bot tidak valid/);
    expect((await h.must('telegram.status', {}))?.state).toBe('auth_failed');

    await expect(h.must('telegram.saveToken', { token: '987654321:AAAnotherUnknownTokenForTheEmulator0' })).rejects.toThrow(
      /invalid_input.*[Tt]oken bot tidak valid/,
    );
    const saved = await h.must('telegram.saveToken', { token: h.emulator.token });
    expect(saved).toMatchObject({ hasToken: true, botUsername: 'pst_buleleng_test_bot' });
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected again');
    const user = testUser();
    await conversationWith(user);
  });

  it('409: says another program uses the bot, retries with backoff, and resumes', async () => {
    h = await startTelegramHarness();
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
    h.emulator.failNext('getUpdates', {
      status: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      times: 3,
    });
    const offline = await eventually(() => h.statuses().find((s) => s.state === 'offline'), 5_000, 'offline');
    expect(statusText(offline)).toContain('sedang dipakai program lain');
    expect(offline.nextRetryAt).toBeGreaterThan(0);
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected again');
    await conversationWith(testUser());
  });

  it('5xx and network loss: offline with the next retry time, then connected, and nothing is lost', async () => {
    h = await startTelegramHarness();
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
    h.emulator.failNext('getUpdates', { status: 502, times: 2 });
    await eventually(() => h.statuses().some((s) => s.state === 'offline' && statusText(s).includes('502')), 5_000, '502 offline');
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected after 502');

    h.emulator.setUnreachable(true);
    const user = testUser();
    const during = h.emulator.userSendsText(user, 'Pesan saat jaringan putus');
    const lost = await eventually(() => h.statuses().find((s) => s.state === 'offline' && statusText(s).includes('jaringan')), 5_000, 'network offline');
    expect(lost.nextRetryAt).not.toBeNull();
    h.emulator.setUnreachable(false);
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected after network loss');
    await eventually(
      () => db().prepare('SELECT 1 FROM messages WHERE external_id = ?').get(`${user.id}:${during.message_id}`),
      5_000,
      'stored after reconnect',
    );
  });

  it('429 on send: waits retry_after before trying again; a long retry_after goes back to the outbox', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    const conversationId = await conversationWith(user);
    h.emulator.failNext('sendMessage', { status: 429, retryAfter: 1 });
    const before = h.emulator.requestLog().length;
    const reply = await h.must('messages.send', { conversationId, text: 'Data sedang kami siapkan' });
    await eventually(() => delivery(reply.id).delivery === 'sent', 8_000, 'sent after 429');
    const sends = h.emulator
      .requestLog()
      .slice(before)
      .filter((e) => e.method.toLowerCase() === 'sendmessage');
    expect(sends.map((s) => s.status)).toEqual([429, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(1000);

    h.emulator.failNext('sendMessage', { status: 429, retryAfter: 45 });
    const later = await h.must('messages.send', { conversationId, text: 'Mohon ditunggu' });
    const row = await eventually(
      () =>
        db().prepare('SELECT state, next_attempt_at AS next, last_error AS error FROM outbox WHERE message_id = ? AND last_error IS NOT NULL').get(later.id) as
          { state: string; next: number; error: string } | undefined,
      5_000,
      'rescheduled',
    );
    expect(row.state).toBe('pending');
    expect(row.error).toContain('429');
    expect(row.next - h.core.services.now()).toBeGreaterThan(40_000);
  });

  it("keeps within Telegram's limits: a burst of replies to one chat draws no 429 from a rate-limiting server", async () => {
    h = await startTelegramHarness({ emulator: { rateLimits: true }, telegram: { limits: { perChatBurst: 3, perChatPerSecond: 1, globalPerSecond: 30 } } });
    const user = testUser();
    const conversationId = await conversationWith(user);
    await new Promise((r) => setTimeout(r, 1_500)); // let the acknowledgement's burst refill
    const before = h.emulator.requestLog().length;
    const replies: { id: number }[] = [];
    for (let i = 1; i <= 5; i++) replies.push(await h.must('messages.send', { conversationId, text: `Balasan ${i}` }));
    await eventually(() => replies.every((r) => delivery(r.id).delivery === 'sent'), 10_000, 'all sent');
    const sends = h.emulator
      .requestLog()
      .slice(before)
      .filter((e) => e.method.toLowerCase() === 'sendmessage');
    expect(sends.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const texts = h.emulator
      .sentTo(user.id)
      .map((r) => r.text)
      .filter((t) => t?.startsWith('Balasan'));
    expect(texts).toEqual(['Balasan 1', 'Balasan 2', 'Balasan 3', 'Balasan 4', 'Balasan 5']);
  });

  it('403: the requester is marked unreachable and the officer is told; 5xx on send is retried', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    const conversationId = await conversationWith(user);
    h.emulator.failNext('sendMessage', { status: 502 });
    const retried = await h.must('messages.send', { conversationId, text: 'Percobaan kedua' });
    await eventually(() => delivery(retried.id).delivery === 'sent', 8_000, 'sent after 502');

    h.emulator.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    const reply = await h.must('messages.send', { conversationId, text: 'Berikut datanya' });
    await eventually(() => delivery(reply.id).delivery === 'failed', 5_000, 'failed');
    expect(delivery(reply.id).reason).toContain('403');
    const requester = db()
      .prepare('SELECT r.unreachable FROM requesters r JOIN conversations c ON c.requester_id = r.id WHERE c.id = ?')
      .get(conversationId) as { unreachable: number };
    expect(requester.unreachable).toBe(1);
    const line = db()
      .prepare("SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'activity' AND body_text LIKE '%memblokir%'")
      .get(conversationId);
    expect(line).toBeDefined();
    const detail = await h.must('conversations.get', { id: conversationId });
    expect(detail.requester.unreachable).toBe(true);
  });

  it('a blocked bot (my_chat_member) marks the requester unreachable, unblocking clears it', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    const conversationId = await conversationWith(user);
    const unreachable = () =>
      (
        db().prepare('SELECT r.unreachable AS u FROM requesters r JOIN conversations c ON c.requester_id = r.id WHERE c.id = ?').get(conversationId) as {
          u: number;
        }
      ).u;
    h.emulator.blockBot(user);
    await eventually(() => unreachable() === 1, 5_000, 'unreachable');
    h.emulator.unblockBot(user);
    await eventually(() => unreachable() === 0, 5_000, 'reachable');
  });
});
