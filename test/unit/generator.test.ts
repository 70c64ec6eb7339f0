import { afterEach, describe, expect, it } from 'vitest';
import { OCCUPATIONS } from '../../src-common/occupations';
import { ingestBatch } from '../../src-main/core/inbound/ingest';
import {
  DEFAULT_SEED_END,
  DEFAULT_SEED_SPAN_MS,
  generateHistory,
  generateInbound,
  generateSeed,
  INSTITUTIONS,
  outcomeAt,
  Rng,
  roughWorkingDaysLater,
  type SeedMessage,
  type SeedOptions,
} from '../../src-main/core/seed';
import { startTestCore, type TestCore } from '../helpers/core';

const all = (options: SeedOptions): SeedMessage[] => [...generateSeed(options)].flat();
const WITA = 8 * 3_600_000;
const witaHour = (at: number) => new Date(at + WITA).getUTCHours() + new Date(at + WITA).getUTCMinutes() / 60;
const witaWeekday = (at: number) => new Date(at + WITA).getUTCDay();

describe('seed generator', () => {
  it('is deterministic: the same seed gives the same messages, another seed different ones', () => {
    const options = { seed: 42, conversations: 150, messages: 900, batchSize: 64 };
    const a = JSON.stringify([...generateInbound(options)]);
    expect(JSON.stringify([...generateInbound(options)])).toBe(a);
    expect(JSON.stringify([...generateInbound({ ...options, seed: 43 })])).not.toBe(a);
  });

  it('produces exactly the requested conversations and messages, varied per thread, in full batches', () => {
    const batches = [...generateSeed({ seed: 7, conversations: 500, messages: 4_321, batchSize: 100 })];
    const messages = batches.flat();
    expect(messages).toHaveLength(4_321);
    expect(batches.slice(0, -1).every((b) => b.length === 100)).toBe(true);
    expect(batches.at(-1)?.length).toBe(21);
    const perConversation = new Map<number, number>();
    for (const m of messages) perConversation.set(m.conversation.key, (perConversation.get(m.conversation.key) ?? 0) + 1);
    expect(perConversation.size).toBe(500);
    for (const m of messages) expect(perConversation.get(m.conversation.key)).toBe(m.conversation.messageCount);
    const counts = [...perConversation.values()];
    expect(Math.min(...counts)).toBeLessThan(5);
    expect(Math.max(...counts)).toBeGreaterThan(12);
    // One message per conversation is allowed, and zero conversations yields nothing.
    expect(all({ conversations: 30, messages: 30 })).toHaveLength(30);
    expect(all({ conversations: 0, messages: 0 })).toHaveLength(0);
    expect(() => all({ conversations: 10, messages: 9 })).toThrow(/messages/);
  });

  it('keeps arrival order and the time range, mostly in WITA service hours with some evenings and weekends', () => {
    const end = DEFAULT_SEED_END;
    const start = end - DEFAULT_SEED_SPAN_MS;
    const messages = all({ seed: 3, conversations: 2_000, messages: 8_000 });
    const times = messages.map((m) => m.inbound.receivedAt);
    expect(times.filter((t, i) => i > 0 && t < (times[i - 1] as number))).toEqual([]);
    expect(times.filter((t) => t < start || t >= end)).toEqual([]);
    const openings = messages.filter((m) => m.index === 0).map((m) => m.inbound.receivedAt);
    const inHours = openings.filter((t) => witaWeekday(t) >= 1 && witaWeekday(t) <= 5 && witaHour(t) >= 8 && witaHour(t) < 15.5);
    const weekend = openings.filter((t) => witaWeekday(t) === 0 || witaWeekday(t) === 6);
    expect(inHours.length / openings.length).toBeGreaterThan(0.7);
    expect(inHours.length / openings.length).toBeLessThan(0.97);
    expect(weekend.length).toBeGreaterThan(0);
    // Spread over the months of the range, not bunched at its start.
    const months = new Set(openings.map((t) => new Date(t + WITA).toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
  });

  it('writes realistic requesters, channels and Indonesian texts about statistics', () => {
    const messages = all({ seed: 11, conversations: 1_000, messages: 6_000 });
    const conversations = [...new Map(messages.map((m) => [m.conversation.key, m.conversation])).values()];
    const email = conversations.filter((c) => c.channel === 'email').length / conversations.length;
    expect(email).toBeGreaterThan(0.5);
    expect(email).toBeLessThan(0.7);

    const names = conversations.map((c) => c.requester.name);
    expect(names.filter((n) => /^(I|Ni) (Wayan|Putu|Gede|Luh|Made|Kadek|Nengah|Nyoman|Komang|Ketut) /.test(n)).length / names.length).toBeGreaterThan(0.4);
    expect(names.some((n) => /^(Ida Bagus|Ida Ayu|Anak Agung|I Gusti|Gusti Ayu|Dewa|Desak)/.test(n))).toBe(true);
    expect(names.some((n) => !/^(I|Ni) /.test(n))).toBe(true);
    const institutions = new Set(conversations.map((c) => c.requester.institution));
    expect(institutions).toContain('Universitas Pendidikan Ganesha');
    expect([...institutions].every((i) => INSTITUTIONS.some((known) => known.name === i))).toBe(true);
    expect(new Set(conversations.map((c) => c.requester.occupation))).toEqual(new Set(OCCUPATIONS));
    for (const c of conversations) {
      expect(c.requester.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}$/);
      expect(c.requester.whatsapp).toMatch(/^\+628\d{9,10}$/);
      if (c.channel === 'telegram') expect(c.requester.telegramUserId).toMatch(/^\d{10}$/);
    }

    const texts = messages.map((m) => m.inbound.text);
    const share = (re: RegExp) => texts.filter((t) => re.test(t)).length / texts.length;
    expect(share(/\b(saya|kak|mohon|terima kasih|data)\b/i)).toBeGreaterThan(0.8);
    expect(share(/Buleleng|Singaraja|Lovina|Bali/)).toBeGreaterThan(0.15);
    expect(texts.some((t) => /PDRB|pengangguran terbuka|kunjungan wisatawan Lovina|jumlah penduduk per kecamatan/.test(t))).toBe(true);
    expect(texts.some((t) => /\b20(1\d|2\d)\b/.test(t))).toBe(true);
    expect(texts.some((t) => /^(Good morning|Dear PST team|Hello)/.test(t))).toBe(true);
    expect(texts.some((t) => /terima kasih|Matur suksma|Suksma/i.test(t))).toBe(true);

    for (const { inbound, index, conversation } of messages.slice(0, 500)) {
      expect(inbound.text.length).toBeGreaterThan(5);
      if (inbound.channel === 'email') {
        expect(inbound.externalId).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
        expect(inbound.thread?.mode).toBe('explicit');
        expect(inbound.subject).toBeTruthy();
        expect(inbound.thread?.replyTo?.length ?? 0).toBe(index === 0 ? 0 : 2);
      } else {
        expect(inbound.externalId).toMatch(new RegExp(`^${conversation.requester.telegramUserId}:\\d+$`));
        expect(inbound.thread?.mode).toBe('identity');
      }
    }
  });

  it('plans statuses the way an office would leave them: open recent threads, closed old ones, due after completion', () => {
    const rng = new Rng(1);
    const now = DEFAULT_SEED_END;
    const recent = Array.from({ length: 400 }, () => outcomeAt(rng, now - 2 * 86_400_000, now));
    const old = Array.from({ length: 400 }, () => outcomeAt(rng, now - 90 * 86_400_000, now));
    expect(recent.filter((o) => o.status === 'new').length).toBeGreaterThan(40);
    expect(old.filter((o) => o.status === 'resolved' || o.status === 'rated').length).toBeGreaterThan(380);
    for (const o of [...recent, ...old]) {
      if (o.status === 'new' || o.status === 'awaiting_requirements') expect(o.slaDueAt).toBeNull();
      else expect(o.slaDueAt!).toBeGreaterThan(o.requirementsCompleteAt!);
    }
    // Friday 10:00 WITA + 3 working days → Wednesday 10:00 WITA.
    const friday = Date.UTC(2026, 9, 30, 2);
    expect(new Date(roughWorkingDaysLater(friday, 3)).toISOString()).toBe('2026-11-04T02:00:00.000Z');
  });
});

describe('seed history', () => {
  it('adds officer replies in service hours after the message they answer, and one outcome per conversation', () => {
    const now = DEFAULT_SEED_END;
    const events = [...generateHistory({ seed: 5, conversations: 300, messages: 1_500, now })].flat();
    const incoming = events.filter((e) => e.type === 'incoming');
    const replies = events.filter((e) => e.type === 'outgoing');
    const outcomes = events.filter((e) => e.type === 'outcome');
    expect(incoming).toHaveLength(1_500);
    expect(outcomes).toHaveLength(300);
    expect(new Set(outcomes.map((o) => o.conversation.key)).size).toBe(300);
    expect(replies.length).toBeGreaterThan(1_000);
    events.forEach((e, i) => {
      if (e.type !== 'outgoing') return;
      const answered = events[i - 1];
      expect(answered?.type).toBe('incoming');
      if (answered?.type === 'incoming') expect(e.at).toBeGreaterThan(answered.message.inbound.receivedAt);
    });
    const outside = replies.filter((r) => witaWeekday(r.at) === 0 || witaWeekday(r.at) === 6 || witaHour(r.at) < 8 || witaHour(r.at) >= 15.5);
    expect(outside).toEqual([]);
    expect(replies.every((r) => r.at < now && /BPS|data|terima kasih|Sama-sama/i.test(r.text))).toBe(true);
  });
});

describe('seed generator through ingest', () => {
  let core: TestCore | null = null;
  afterEach(() => {
    core?.dispose();
    core = null;
  });

  it('every generated message is accepted; threads land in their own conversations; a second pass stores nothing', () => {
    core = startTestCore();
    const options = { seed: 99, conversations: 200, messages: 1_400, batchSize: 250 };
    const conversationOf = new Map<string, number>();
    const generated = new Map<string, number>();
    for (const batch of generateSeed(options)) {
      const results = ingestBatch(
        core.services,
        batch.map((m) => m.inbound),
      );
      results.forEach((r, i) => {
        const m = batch[i]!;
        expect(r.outcome).toBe('inserted');
        conversationOf.set(r.externalId, r.conversationId);
        generated.set(r.externalId, m.conversation.key);
      });
    }
    const db = core.services.db;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM conversations')).toBe(200);
    expect(count("SELECT count(*) AS n FROM messages WHERE direction = 'incoming'")).toBe(1_400);
    const sources = new Set(all(options).map((m) => `${m.inbound.channel}:${m.inbound.sourceId}`));
    expect(count('SELECT count(*) AS n FROM requesters')).toBe(sources.size);
    expect(count('SELECT count(*) AS n FROM requesters WHERE institution IS NOT NULL')).toBeGreaterThan(sources.size / 2);

    // Generated thread ↔ stored conversation is one-to-one.
    const pairs = new Set([...generated].map(([ext, key]) => `${key}→${conversationOf.get(ext)}`));
    expect(pairs.size).toBe(200);

    const stored = { messages: count('SELECT count(*) AS n FROM messages'), outbox: count('SELECT count(*) AS n FROM outbox') };
    let duplicates = 0;
    for (const batch of generateInbound(options)) {
      duplicates += ingestBatch(core.services, batch).filter((r) => r.outcome === 'duplicate').length;
    }
    expect(duplicates).toBe(1_400);
    // Nothing new at all: no message, no automatic reply queued, no conversation.
    expect({ messages: count('SELECT count(*) AS n FROM messages'), outbox: count('SELECT count(*) AS n FROM outbox') }).toEqual(stored);
    expect(count('SELECT count(*) AS n FROM conversations')).toBe(200);
  });
});
