import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChannelUnavailableError,
  PermanentSendError,
  RetryLaterError,
  type ChannelConnector,
  type OutgoingItem,
  type SendOutcome,
} from '../../src-main/core/domain/connector';
import { ingest } from '../../src-main/core/inbound/ingest';
import { enqueueOutgoing } from '../../src-main/core/outbox/outbox';
import { OutboxWorker, UNKNOWN_AFTER_CRASH } from '../../src-main/core/outbox/worker';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';

/** A connector whose answers the test scripts; it records what it was asked to send. */
class ScriptedConnector implements ChannelConnector {
  readonly sent: OutgoingItem[] = [];
  readonly script: (Error | 'ok')[] = [];
  reconcileAnswer: Awaited<ReturnType<NonNullable<ChannelConnector['reconcile']>>> = { state: 'unknown' };
  constructor(readonly channel: 'telegram' | 'email') {}
  async send(item: OutgoingItem): Promise<SendOutcome> {
    const next = this.script.shift() ?? 'ok';
    if (next !== 'ok') throw next;
    this.sent.push(item);
    return { externalId: `ext-${item.messageId}` };
  }
  async reconcile(_item: OutgoingItem) {
    return this.reconcileAnswer;
  }
}

let now = Date.UTC(2026, 10, 23, 2);
let core: TestCore;
let telegram: ScriptedConnector;
let conversationId: number;

beforeEach(async () => {
  now = Date.UTC(2026, 10, 23, 2);
  core = await startCoreWithAdmin({ now: () => now });
  telegram = new ScriptedConnector('telegram');
  core.services.connectors.set('telegram', telegram);
  conversationId = ingest(core.services, {
    channel: 'telegram',
    externalId: '1:1',
    sourceId: '1',
    receivedAt: now,
    text: 'Halo',
    thread: { mode: 'identity' },
  }).conversationId;
  // The new conversation's automatic acknowledgement leaves first; these tests look at what follows.
  await new OutboxWorker(core.services, core.services.connectors).drain();
  telegram.sent.length = 0;
});
afterEach(() => core.dispose());

const worker = (options = {}) => new OutboxWorker(core.services, core.services.connectors, { baseDelayMs: 1000, maxAttempts: 3, ...options });
const enqueue = (text: string) => enqueueOutgoing(core.services, { conversationId, channel: 'telegram', officerId: 1, payload: { kind: 'reply', text } });
const message = (id: number) => core.services.db.prepare('SELECT delivery, external_id, failure_reason FROM messages WHERE id = ?').get(id) as any;
const outbox = (messageId: number) =>
  core.services.db.prepare('SELECT state, attempts, next_attempt_at, last_error FROM outbox WHERE message_id = ?').get(messageId) as any;

describe('outbox', () => {
  it('records the message as pending with its outbox row, then sends it once and marks it sent', async () => {
    const id = enqueue('Data tersedia di tautan berikut');
    expect(message(id)).toEqual({ delivery: 'pending', external_id: null, failure_reason: null });
    const w = worker();
    expect(await w.drain()).toBe(1);
    expect(await w.drain()).toBe(0);
    expect(telegram.sent.map((i) => i.payload.text)).toEqual(['Data tersedia di tautan berikut']);
    expect(message(id)).toMatchObject({ delivery: 'sent', external_id: `ext-${id}` });
    expect(outbox(id).state).toBe('sent');
  });

  it('a channel that cannot be reached spends no attempt: pending through any number of refusals, then sent once', async () => {
    const id = enqueue('Tabel terlampir');
    const w = worker({ maxAttempts: 3 });
    for (let i = 0; i < 10; i++) {
      telegram.script.push(new ChannelUnavailableError('Server tidak dapat dihubungi', 30_000));
      await w.drain();
      expect(outbox(id)).toMatchObject({ state: 'pending', attempts: 0, next_attempt_at: now + 30_000, last_error: 'Server tidak dapat dihubungi' });
      expect(message(id).delivery).toBe('pending');
      now += 30_000;
    }
    expect(await w.drain()).toBe(1);
    expect(telegram.sent.map((i) => i.payload.text)).toEqual(['Tabel terlampir']);
    expect(outbox(id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('retries temporary failures with growing backoff, honouring retry_after, then succeeds', async () => {
    const id = enqueue('x');
    telegram.script.push(new Error('ECONNRESET'), new RetryLaterError('429 Too Many Requests', 30_000));
    const w = worker();
    await w.drain();
    expect(outbox(id)).toMatchObject({ state: 'pending', attempts: 1, next_attempt_at: now + 1000, last_error: 'ECONNRESET' });
    now += 1000;
    await w.drain();
    expect(outbox(id)).toMatchObject({ state: 'pending', attempts: 2, next_attempt_at: now + 30_000 });
    now += 29_999;
    expect(await w.drain()).toBe(0);
    now += 1;
    await w.drain();
    expect(message(id).delivery).toBe('sent');
  });

  it('marks failed with the reason after a permanent error or the last attempt', async () => {
    const blocked = enqueue('a');
    telegram.script.push(new PermanentSendError('Forbidden: bot was blocked by the user'));
    await worker().drain();
    expect(message(blocked)).toMatchObject({ delivery: 'failed', failure_reason: 'Forbidden: bot was blocked by the user' });

    const flaky = enqueue('b');
    telegram.script.push(new Error('timeout'), new Error('timeout'), new Error('timeout'));
    const w = worker({ baseDelayMs: 0 });
    await w.drain();
    expect(message(flaky)).toMatchObject({ delivery: 'failed', failure_reason: 'timeout (setelah 3 percobaan)' });
    expect(telegram.sent).toHaveLength(0);
  });

  it('keeps order within a conversation: a later reply waits for an earlier one that is retrying', async () => {
    const first = enqueue('pertama');
    const second = enqueue('kedua');
    telegram.script.push(new Error('down'));
    const w = worker();
    await w.drain();
    expect(message(second).delivery).toBe('pending');
    expect(telegram.sent).toHaveLength(0);
    now += 1000;
    await w.drain();
    expect(telegram.sent.map((i) => i.payload.text)).toEqual(['pertama', 'kedua']);
    expect([message(first).delivery, message(second).delivery]).toEqual(['sent', 'sent']);
  });

  it('after a crash mid-send never resends blindly: it asks the channel', async () => {
    const ids = [enqueue('a'), enqueue('b'), enqueue('c')];
    core.services.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE state = 'pending'").run(); // as left by kill -9
    const answers = [{ state: 'delivered', outcome: { externalId: 'found-in-sent' } }, { state: 'not_delivered' }, { state: 'unknown' }] as const;
    telegram.reconcile = async (item: OutgoingItem) => answers[ids.indexOf(item.messageId)] as any;
    const w = worker();
    await w.start();
    await w.stop();
    expect(message(ids[0]!)).toMatchObject({ delivery: 'sent', external_id: 'found-in-sent' });
    expect(message(ids[2]!)).toMatchObject({ delivery: 'failed', failure_reason: UNKNOWN_AFTER_CRASH });
    // only the one the channel says never left is sent again
    await w.drain();
    expect(telegram.sent.map((i) => i.messageId)).toEqual([ids[1]]);
  });

  it('fails with a clear reason when no connector exists for the channel', async () => {
    core.services.connectors.delete('telegram');
    const id = enqueue('a');
    await worker({ baseDelayMs: 0, maxAttempts: 1 }).drain();
    expect(message(id).failure_reason).toMatch(/Kanal telegram belum dikonfigurasi/);
  });
});

describe('messages.send / addNote / retry', () => {
  it('sends an officer reply through the started outbox and pushes the delivery change', async () => {
    const events: string[] = [];
    core.services.events.subscribe((e, p) => events.push(`${e}:${JSON.stringify(p)}`));
    await core.start();
    const sent = await core.must('messages.send', { conversationId, text: 'Baik, kami proses' });
    expect(sent).toMatchObject({ direction: 'outgoing', delivery: 'pending', text: 'Baik, kami proses' });
    await expect.poll(() => message(sent.id).delivery).toBe('sent');
    expect(events).toContain(`message.changed:{"conversationId":${conversationId},"messageId":${sent.id}}`);
    const detail = await core.must('conversations.get', { id: conversationId });
    expect(detail.firstResponseAt).toBe(now);
    expect(detail.lastMessagePreview).toBe('Baik, kami proses');
  });

  it('stores attachments content-addressed and hands them to the connector', async () => {
    const content = Buffer.from('tabel penduduk');
    const sent = await core.must('messages.send', {
      conversationId,
      text: 'Terlampir',
      attachments: [
        { fileName: 'penduduk.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: content.toString('base64') },
      ],
    });
    expect(sent.attachments).toMatchObject([{ fileName: 'penduduk.xlsx', size: content.length }]);
    await worker().drain();
    const item = telegram.sent[0]!;
    expect(core.services.attachments.read(item.payload.attachments![0]!.sha256).equals(content)).toBe(true);
  });

  it('adds the officer signature to email replies', async () => {
    const email = ingest(core.services, {
      channel: 'email',
      externalId: '<q@x>',
      sourceId: 'a@b.id',
      receivedAt: now,
      text: 'Tanya',
      thread: { mode: 'explicit' },
    });
    await core.must('officers.update', { id: 1, signature: 'Admin PST\nBPS Kabupaten Buleleng' });
    const sent = await core.must('messages.send', { conversationId: email.conversationId, text: 'Jawaban' });
    expect(sent.text).toBe('Jawaban\n\n-- \nAdmin PST\nBPS Kabupaten Buleleng');
  });

  it('keeps notes private: never on the outbox', async () => {
    const note = await core.must('messages.addNote', { conversationId, text: 'Cek tabel 3.1' });
    expect(note).toMatchObject({ direction: 'note', delivery: null });
    expect(outbox(note.id)).toBeUndefined();
  });

  it('re-queues only failed messages', async () => {
    const id = enqueue('a');
    expect(await core.call('messages.retry', { messageId: id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    telegram.script.push(new PermanentSendError('blocked'));
    await worker().drain();
    expect((await core.must('messages.retry', { messageId: id })).delivery).toBe('pending');
    await worker().drain();
    expect(message(id).delivery).toBe('sent');
    expect(await core.call('messages.retry', { messageId: 9999 })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('rejects bad input and unknown conversations, writing nothing', async () => {
    const count = () => (core.services.db.prepare('SELECT count(*) AS n FROM messages').get() as any).n;
    const before = count();
    expect(await core.call('messages.send', { conversationId, text: '   ' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await core.call('messages.send', { conversationId: 999, text: 'x' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(
      await core.call('messages.send', { conversationId, text: 'x', attachments: [{ fileName: 'a', mimeType: 'bad', contentBase64: '!!' }] }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(count()).toBe(before);
  });
});
