import { afterEach, describe, expect, it } from 'vitest';
import { ingestBatch } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { messagesAwaitingIndex } from '../../src-main/core/store/search-index';
import { ADMIN, startTestCore, type TestCore } from '../helpers/core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

const mail = (i: number, text: string): InboundMessage => ({
  channel: 'email',
  externalId: `<idx.${i}@kampus.ac.id>`,
  sourceId: `mhs${i}@kampus.ac.id`,
  receivedAt: Date.UTC(2026, 11, 3, 1, i),
  text,
  thread: { mode: 'explicit' },
});

const indexed = (c: TestCore, word: string) =>
  c.services.db.prepare('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(word) as number;

describe('the word index, kept up after the messages are stored', () => {
  it('a search finds mail stored a moment ago, before the indexer has run', async () => {
    core = startTestCore();
    await core.must('auth.setupAdmin', ADMIN);
    ingestBatch(core.services, [mail(1, 'Mohon data kemiskinan Buleleng 2024'), mail(2, 'Permintaan data IPM Kecamatan Sawan')]);
    expect(indexed(core, 'kemiskinan')).toBe(0);
    const hits = await core.must('search.messages', { query: 'kemiskinan' });
    // eslint-disable-next-line no-control-regex -- the snippet marks hits with the control characters STX and ETX
    expect(hits.map((h) => h.snippet.replace(/[\u0002\u0003]/g, ''))).toEqual(['Mohon data kemiskinan Buleleng 2024']);
    expect(indexed(core, 'sawan')).toBe(1);
  });

  it('a running console indexes new mail by itself once the flow pauses', async () => {
    core = startTestCore();
    await core.must('auth.setupAdmin', ADMIN);
    await core.start();
    ingestBatch(core.services, [mail(3, 'Data pariwisata Lovina 2025'), mail(4, 'Data inflasi Singaraja')]);
    expect(messagesAwaitingIndex(core.services.db)).toBe(true);
    const until = Date.now() + 5_000;
    while (messagesAwaitingIndex(core.services.db) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(messagesAwaitingIndex(core.services.db)).toBe(false);
    expect(indexed(core, 'lovina')).toBe(1);
    expect(indexed(core, 'singaraja')).toBe(1);
  });
});
