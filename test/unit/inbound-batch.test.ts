import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../src-preload/contract';
import { ingestUpdates, readCursor } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { startTestCore, type TestCore } from '../helpers/core';

// 2026-11-23 (Monday) 10:00 WITA
const MONDAY_10 = Date.UTC(2026, 10, 23, 2, 0);
let core: TestCore;
beforeEach(() => {
  core = startTestCore({ now: () => MONDAY_10 });
});
afterEach(() => core.dispose());

const count = (sql: string, ...params: unknown[]) => (core.services.db.prepare(sql).get(...params) as { n: number }).n;
const tg = (n: number, text: string, user = '777'): InboundMessage => ({
  channel: 'telegram',
  externalId: `${user}:${n}`,
  sourceId: user,
  receivedAt: MONDAY_10 + n * 1000,
  text,
  requester: { telegramUserId: user },
  thread: { mode: 'identity' },
});
const cursor = (offset: number) => ({ channel: 'telegram' as const, account: 'bot', value: { offset } });

describe('ingestUpdates: the one inbound path for everything a channel stores', () => {
  it('commits the messages and the cursor together, and pushes events only after the commit', () => {
    const seen: { event: EventName; inTransaction: boolean }[] = [];
    core.services.events.subscribe((event) => seen.push({ event, inTransaction: core.services.db.inTransaction }));
    ingestUpdates(core.services, cursor(11), (batch) => {
      batch.message(tg(1, 'Selamat pagi, saya perlu data kemiskinan Buleleng 2025'));
      batch.message(tg(2, 'Untuk skripsi'));
    });
    expect(count("SELECT count(*) AS n FROM messages WHERE direction = 'incoming'")).toBe(2);
    expect(readCursor(core.services, 'telegram', 'bot')).toEqual({ offset: 11 });
    expect(seen.map((s) => s.event)).toEqual(expect.arrayContaining(['inbox.changed', 'message.changed']));
    expect(seen.every((s) => !s.inTransaction)).toBe(true);
  });

  it('stores nothing and keeps the cursor when the batch fails as a whole', () => {
    ingestUpdates(core.services, cursor(5), () => undefined);
    expect(() =>
      ingestUpdates(core.services, cursor(9), (batch) => {
        batch.message(tg(1, 'Halo'));
        throw new Error('disk gone');
      }),
    ).toThrow('disk gone');
    expect(count('SELECT count(*) AS n FROM messages')).toBe(0);
    expect(readCursor(core.services, 'telegram', 'bot')).toEqual({ offset: 5 });
  });

  it('undoes one isolated update that fails, without its events, and keeps the ones around it', () => {
    const events: EventName[] = [];
    core.services.events.subscribe((event) => events.push(event));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      ingestUpdates(core.services, cursor(4), (batch) => {
        batch.isolated('first', () => void batch.message(tg(1, 'Pesan pertama')));
        batch.isolated('broken', () => {
          batch.message(tg(2, 'Pesan kedua, gagal di tengah'));
          throw new Error('bug in a handler');
        });
        batch.isolated('third', () => void batch.message(tg(3, 'Pesan ketiga')));
      });
    } finally {
      console.error = original;
    }
    const texts = (core.services.db.prepare("SELECT body_text AS t FROM messages WHERE direction = 'incoming' ORDER BY id").all() as { t: string }[]).map(
      (r) => r.t,
    );
    expect(texts).toEqual(['Pesan pertama', 'Pesan ketiga']);
    expect(readCursor(core.services, 'telegram', 'bot')).toEqual({ offset: 4 });
    expect(errors).toHaveLength(1);
    expect(events.filter((e) => e === 'message.changed')).toHaveLength(2);
  });

  it('keeps a message in a closed conversation without reopening it, once', () => {
    const first = ingestUpdates(core.services, undefined, (batch) => batch.message(tg(1, 'Minta data IPM')));
    core.services.db.prepare("UPDATE conversations SET status = 'rated', resolved_at = ? WHERE id = ?").run(MONDAY_10, first.conversationId);
    const feedback = { ...tg(2, 'Terima kasih, sangat membantu'), meta: { ratingFeedback: true } };
    const id = ingestUpdates(core.services, undefined, (batch) => batch.messageInto(first.conversationId, feedback));
    expect(id).not.toBeNull();
    expect(ingestUpdates(core.services, undefined, (batch) => batch.messageInto(first.conversationId, feedback))).toBeNull();
    const row = core.services.db.prepare('SELECT status, last_message_preview AS preview FROM conversations WHERE id = ?').get(first.conversationId);
    expect(row).toEqual({ status: 'rated', preview: 'Terima kasih, sangat membantu' });
  });

  it('applies a timeline line once per external id, and an edit with its history', () => {
    const first = ingestUpdates(core.services, undefined, (batch) => batch.message(tg(1, 'Data kemiskinan 2024')));
    const line = {
      channel: 'telegram' as const,
      conversationId: first.conversationId,
      externalId: '777:9',
      text: 'Pengguna layanan mengetik /status',
      meta: { event: 'command' },
      at: MONDAY_10,
    };
    expect(ingestUpdates(core.services, undefined, (batch) => batch.activity(line))).not.toBeNull();
    expect(ingestUpdates(core.services, undefined, (batch) => batch.activity(line))).toBeNull();

    const edit = { channel: 'telegram' as const, externalId: '777:1', text: 'Data kemiskinan 2025', editedAt: MONDAY_10 + 5000 };
    expect(ingestUpdates(core.services, undefined, (batch) => batch.edit(edit))).toBe('applied');
    expect(ingestUpdates(core.services, undefined, (batch) => batch.edit(edit))).toBe('unchanged');
    expect(ingestUpdates(core.services, undefined, (batch) => batch.edit({ ...edit, externalId: '777:404' }))).toBe('unknown');
    const row = core.services.db.prepare('SELECT body_text AS text, meta FROM messages WHERE id = ?').get(first.messageId) as { text: string; meta: string };
    expect(row.text).toBe('Data kemiskinan 2025');
    expect(JSON.parse(row.meta).edits).toEqual([{ text: 'Data kemiskinan 2024', until: MONDAY_10 + 5000 }]);
  });
});
