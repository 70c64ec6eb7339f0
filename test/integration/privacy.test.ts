import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src-preload/contract';
import { ingest } from '../../src-main/core/inbound/ingest';
import { REDACTED_META, retentionCutoff } from '../../src-main/core/privacy';
import { hashPassword } from '../../src-main/core/security/password';
import { seedTrainingHistory } from '../../src-main/core/training';
import { memorySession, startTestCore, type TestCore } from '../helpers/core';

/** 2026-11-27 16:00 WITA. */
const NOW = Date.UTC(2026, 10, 27, 8, 0);
const PASSWORD = 'rahasia-petugas-123';

let core: TestCore;
const admin = memorySession();
const supervisor = memorySession();
const officer = memorySession();

const one = <T>(sql: string, ...params: unknown[]) => core.services.db.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => core.services.db.prepare(sql).all(...params) as T[];
const lastActivity = (id: number) =>
  one<{ at: number }>(
    'SELECT max(r.created_at, coalesce((SELECT max(last_message_at) FROM conversations WHERE requester_id = r.id), 0)) AS at FROM requesters r WHERE id = ?',
    id,
  ).at;

/** The figures the weekly/monthly report is made of, minus the ones that name people. */
const statistics = (m: ReportModel) => ({
  summary: m.summary,
  byChannel: m.byChannel,
  trend: m.trend,
  times: m.times,
  ratings: { ...m.ratings, comments: undefined, commentsTotal: undefined },
  ikm: m.ikm,
  requesters: { distinct: m.requesters.distinct, byOccupation: m.requesters.byOccupation },
  topics: m.topics,
  complaints: m.complaints,
  officers: m.officers,
});

beforeAll(async () => {
  core = startTestCore({ now: () => NOW });
  const seeded = await seedTrainingHistory(core.services, { seed: 3, conversations: 150, now: NOW });
  expect(seeded.failures).toEqual([]);
  const hash = await hashPassword(PASSWORD);
  const add = core.services.db.prepare('INSERT INTO officers (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 0)');
  for (const [username, role, session] of [
    ['adm', 'admin', admin],
    ['spv', 'supervisor', supervisor],
    ['ptg', 'officer', officer],
  ] as const) {
    add.run(username, username, role, hash);
    await core.must('auth.login', { username, password: PASSWORD }, session);
  }
}, 120_000);
afterAll(() => core.dispose());

describe('personal-data retention', () => {
  it('anonymises only requesters inactive longer than the setting; the reports count them the same', async () => {
    const before = new Map(all<{ id: number; name: string | null; email: string | null }>('SELECT id, name, email FROM requesters').map((r) => [r.id, r]));
    const month = { kind: 'month', month: '2026-08' } as const;
    const reportBefore = await core.must('reports.build', { period: month }, admin);

    expect((await core.must('privacy.getSettings', {}, admin)).retentionMonths).toBe(24);
    await core.must('privacy.saveSettings', { retentionMonths: 2 }, admin);
    const cutoff = retentionCutoff(NOW, 2);
    const view = await core.must('privacy.runRetention', {}, admin);

    const old = [...before.keys()].filter((id) => lastActivity(id) < cutoff);
    const recent = [...before.keys()].filter((id) => lastActivity(id) >= cutoff);
    expect(old.length).toBeGreaterThan(10);
    expect(recent.length).toBeGreaterThan(10);
    expect(view.lastRun?.requesters).toBe(old.length);
    for (const id of old) {
      const r = one<Record<string, unknown>>(
        'SELECT name, institution, email, whatsapp, telegram_user_id, telegram_username, occupation FROM requesters WHERE id = ?',
        id,
      );
      expect({ ...r, occupation: undefined }, `requester ${id}`).toEqual({
        name: null,
        institution: null,
        email: null,
        whatsapp: null,
        telegram_user_id: null,
        telegram_username: null,
        occupation: undefined,
      });
    }
    for (const id of recent) expect(one('SELECT id, name, email FROM requesters WHERE id = ?', id)).toEqual(before.get(id));
    // Their words are gone; the recent ones' are not.
    const texts = (ids: number[]) =>
      one<{ n: number }>(
        `SELECT count(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.body_text <> '' AND c.requester_id IN (${ids.join(',')})`,
      ).n;
    expect(texts(old)).toBe(0);
    expect(texts(recent)).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM channel_identities WHERE requester_id IN (${old.join(',')}) AND source_id NOT LIKE 'dihapus:%'`).n,
    ).toBe(0);

    // The statistical record stays: every figure of the August report but names and comments.
    const reportAfter = await core.must('reports.build', { period: month }, admin);
    expect(reportBefore.summary.consultations).toBeGreaterThan(5);
    expect(statistics(reportAfter)).toEqual(statistics(reportBefore));

    const audit = all<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'privacy.retention'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ months: 2, cutoff, requesters: old.length });
    // A second run finds nothing left to do.
    await core.must('privacy.runRetention', {}, admin);
    expect((await core.must('privacy.getSettings', {}, admin)).lastRun?.requesters).toBe(0);
    await core.must('privacy.saveSettings', { retentionMonths: 0 }, admin);
  });
});

describe('one requester: export and erase', () => {
  const token = 'zebrakuningbuleleng';
  let requesterId = 0;
  let ownSha = '';
  let sharedSha = '';

  beforeAll(() => {
    const shared = Buffer.from('tabel PDRB Buleleng 2025\n'.repeat(100));
    const first = ingest(core.services, {
      channel: 'telegram',
      externalId: '777001:1',
      sourceId: '777001',
      displayName: 'Putu Zebra',
      receivedAt: NOW - 60_000,
      text: `Saya ${token}, minta data PDRB`,
      requester: { name: 'Putu Zebra', telegramUserId: '777001', telegramUsername: 'putuzebra' },
      attachments: [
        { fileName: 'ktp-putu.jpg', mimeType: 'image/jpeg', content: Buffer.from('foto ktp putu zebra'.repeat(50)) },
        { fileName: 'tabel.csv', mimeType: 'text/csv', content: shared },
      ],
      thread: { mode: 'identity' },
    });
    ingest(core.services, {
      channel: 'email',
      externalId: '<lain@mail.test>',
      sourceId: 'lain@mail.test',
      receivedAt: NOW - 30_000,
      text: 'tabel yang sama',
      thread: { mode: 'explicit' },
      attachments: [{ fileName: 'tabel.csv', mimeType: 'text/csv', content: shared }],
    });
    requesterId = one<{ id: number }>('SELECT requester_id AS id FROM conversations WHERE id = ?', first.conversationId).id;
    const shas = all<{ sha256: string; file_name: string }>('SELECT sha256, file_name FROM attachments WHERE message_id = ?', first.messageId);
    ownSha = shas.find((s) => s.file_name === 'ktp-putu.jpg')!.sha256;
    sharedSha = shas.find((s) => s.file_name === 'tabel.csv')!.sha256;
  });

  it('officers may neither export nor erase', async () => {
    for (const method of ['requesters.export', 'requesters.erase'] as const) {
      const result = await core.call(method, { id: requesterId, reason: 'x' } as never, officer);
      expect(result.ok ? null : result.error.kind, method).toBe('forbidden');
    }
    expect((await core.call('backup.run', {}, supervisor)).ok).toBe(false);
  });

  it('the export holds the requester, their messages and attachment list, and is audited', async () => {
    const out = await core.must('requesters.export', { id: requesterId }, supervisor);
    expect(out.fileName).toMatch(new RegExp(`^data-pengguna-layanan-${requesterId}-\\d{8}\\.json$`));
    const doc = JSON.parse(out.json) as {
      requester: { name: string; telegram_username: string };
      channelIdentities: { address: string }[];
      conversations: { messages: { text: string; attachments: { fileName: string; sha256: string }[] }[] }[];
    };
    expect(doc.requester).toMatchObject({ name: 'Putu Zebra', telegram_username: 'putuzebra' });
    expect(doc.channelIdentities.map((i) => i.address)).toContain('777001');
    const messages = doc.conversations.flatMap((c) => c.messages);
    expect(messages.some((m) => m.text.includes(token))).toBe(true);
    expect(messages.flatMap((m) => m.attachments.map((a) => a.fileName)).sort()).toEqual(['ktp-putu.jpg', 'tabel.csv']);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'requesters.export' AND entity_id = ?", String(requesterId)).n).toBe(1);
  });

  it('erase removes the data everywhere: fields, messages, search index, attachment files; audited with the reason', async () => {
    expect((await core.must('search.messages', { query: token }, supervisor)).length).toBe(1);
    expect(core.services.attachments.has(ownSha)).toBe(true);

    const result = await core.must('requesters.erase', { id: requesterId, reason: 'Permintaan pemohon melalui email 27-11-2026' }, supervisor);
    expect(result).toMatchObject({ requesters: 1, conversations: 1, attachments: 2 });
    await new Promise((r) => setImmediate(r));

    expect(one('SELECT name, telegram_user_id, telegram_username FROM requesters WHERE id = ?', requesterId)).toEqual({
      name: null,
      telegram_user_id: null,
      telegram_username: null,
    });
    expect(await core.must('search.messages', { query: token }, supervisor)).toEqual([]);
    core.services.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'messages_fts', 'row')");
    expect(one<{ n: number }>('SELECT count(*) AS n FROM temp.fts_terms WHERE term = ?', token).n).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM temp.fts_terms WHERE term = 'zebra'").n).toBe(0);
    expect(all('SELECT 1 FROM messages WHERE body_text LIKE ? OR external_id LIKE ? OR meta LIKE ?', `%${token}%`, '%777001%', '%777001%')).toEqual([]);
    expect(all('SELECT 1 FROM channel_identities WHERE source_id = ?', '777001')).toEqual([]);
    expect(all('SELECT 1 FROM telegram_chats WHERE chat_id = ?', '777001')).toEqual([]);
    const conversation = one<{ topic: string | null; status: string; n: number }>(
      `SELECT c.status, c.topic, (SELECT count(*) FROM messages WHERE conversation_id = c.id AND meta = ?) AS n FROM conversations c WHERE requester_id = ?`,
      REDACTED_META,
      requesterId,
    );
    expect(conversation.n).toBeGreaterThan(0);
    // The identity photo is gone from disk; the table another requester also sent stays.
    expect(core.services.attachments.has(ownSha)).toBe(false);
    expect(core.services.attachments.has(sharedSha)).toBe(true);
    const audit = one<{ officer_id: number; detail: string }>(
      "SELECT officer_id, detail FROM audit_log WHERE action = 'requesters.erase' AND entity_id = ?",
      String(requesterId),
    );
    expect(JSON.parse(audit.detail)).toMatchObject({ reason: 'Permintaan pemohon melalui email 27-11-2026', attachments: 2 });
    expect(audit.officer_id).toBe(one<{ id: number }>("SELECT id FROM officers WHERE username = 'spv'").id);
    // Not even in the database file's free pages.
    core.services.db.pragma('wal_checkpoint(TRUNCATE)');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(readFileSync(join(core.dir, 'pst-console.sqlite3')).includes(Buffer.from(token))).toBe(false);
  });
});
