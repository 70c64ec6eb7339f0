import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

/** requesters.search: the merge picker's server-side search over every requester. */

const T0 = Date.UTC(2026, 10, 23, 2);
const MINUTE = 60_000;
let core: TestCore;
let seq = 0;

function telegram(user: string, at: number, requester: { name?: string; institution?: string; telegramUsername?: string }) {
  return ingest(core.services, {
    channel: 'telegram',
    externalId: `${user}:${++seq}`,
    sourceId: user,
    receivedAt: at,
    text: 'Halo PST',
    thread: { mode: 'identity' },
    requester: { ...requester, telegramUserId: user },
  }).conversationId;
}
function email(address: string, at: number, requester: { name?: string; institution?: string } = {}) {
  return ingest(core.services, {
    channel: 'email',
    externalId: `<${++seq}@x>`,
    sourceId: address,
    receivedAt: at,
    text: 'Permohonan data',
    thread: { mode: 'explicit' },
    requester: { ...requester, email: address },
  }).conversationId;
}
const requesterOf = async (conversationId: number) => (await core.must('conversations.get', { id: conversationId })).requester.id;
const names = async (query: string, extra: { limit?: number; exceptId?: number } = {}) =>
  (await core.must('requesters.search', { query, ...extra })).map((h) => h.name ?? h.email);

let ayuTelegram: number;
let ayuEmail: number;
beforeEach(async () => {
  core = await startCoreWithAdmin({ now: () => T0 });
  ayuTelegram = telegram('101', T0 - 50 * MINUTE, { name: 'Kadek Ayu Lestari', institution: 'Universitas Pendidikan Ganesha', telegramUsername: 'kadekayu' });
  ayuEmail = email('ayu.lestari@undiksha.ac.id', T0 - 40 * MINUTE);
  telegram('102', T0 - 30 * MINUTE, { name: 'Ayu Wulandari', institution: 'Dinas Pariwisata Buleleng', telegramUsername: 'wulan_ayu' });
  telegram('103', T0 - 20 * MINUTE, { name: 'Made Rahayu', institution: 'BAPPEDA Buleleng' });
  email('komang.adi@gmail.com', T0 - 10 * MINUTE, { name: 'Komang Adi Saputra', institution: 'STIKOM Bali' });
  await core.must('conversations.updateRequirements', { id: ayuTelegram, requester: { whatsapp: '0812-3456-7890' } });
});
afterEach(() => core.dispose());

describe('requesters.search', () => {
  it('finds by name, institution, email, WhatsApp as typed and Telegram username, case-insensitively', async () => {
    expect(await names('lestari')).toEqual(['Kadek Ayu Lestari', 'ayu.lestari@undiksha.ac.id']);
    expect(await names('PENDIDIKAN')).toEqual(['Kadek Ayu Lestari']);
    expect(await names('undiksha')).toEqual(['ayu.lestari@undiksha.ac.id']);
    expect(await names('gmail.com')).toEqual(['Komang Adi Saputra']);
    for (const phone of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890', '3456 7890']) expect(await names(phone), phone).toEqual(['Kadek Ayu Lestari']);
    expect(await names('@wulan')).toEqual(['Ayu Wulandari']);
    expect(await names('buleleng')).toEqual(['Made Rahayu', 'Ayu Wulandari']);
  });

  it('puts names with a word starting with the query first, then the most recently active', async () => {
    // "Rahayu" contains "ayu" but no word of it starts with it; the email record has no name.
    expect(await names('ayu')).toEqual(['Ayu Wulandari', 'Kadek Ayu Lestari', 'Made Rahayu', 'ayu.lestari@undiksha.ac.id']);
  });

  it('describes each hit with its consultations, to tell two records of one person apart', async () => {
    const [hit] = await core.must('requesters.search', { query: 'lestari' });
    const ticket = (await core.must('conversations.get', { id: ayuTelegram })).ticket;
    expect(hit).toMatchObject({
      name: 'Kadek Ayu Lestari',
      whatsapp: '+6281234567890',
      telegramUsername: 'kadekayu',
      conversations: 1,
      latestTicket: ticket,
      latestChannel: 'telegram',
      latestMessageAt: T0 - 50 * MINUTE,
    });
  });

  it('leaves out the record being kept and records already merged, and then finds the moved address', async () => {
    const keep = await requesterOf(ayuTelegram);
    const other = await requesterOf(ayuEmail);
    expect(await names('lestari', { exceptId: keep })).toEqual(['ayu.lestari@undiksha.ac.id']);
    await core.must('requesters.merge', { keepId: keep, mergeId: other });
    expect(await names('lestari', { exceptId: keep })).toEqual([]);
    // The kept record now answers for the merged one's email channel address too.
    expect(await names('ayu.lestari@')).toEqual(['Kadek Ayu Lestari']);
  });

  it('reaches requesters far beyond the newest 500 consultations', async () => {
    const db = core.services.db;
    const addRequester = db.prepare('INSERT INTO requesters (name, created_at, updated_at) VALUES (?, 1, 1)');
    const addConversation = db.prepare(
      "INSERT INTO conversations (ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES (?, ?, 'manual', ?, 1, 1)",
    );
    db.transaction(() => {
      for (let i = 0; i < 700; i++) {
        const id = Number(addRequester.run(`Pemohon ${String(i).padStart(4, '0')}`).lastInsertRowid);
        addConversation.run(`KONS-5108-20260101-${String(i).padStart(4, '0')}`, id, T0 + i * MINUTE);
      }
    })();
    expect(await names('Pemohon 0000')).toEqual(['Pemohon 0000']);
    expect(await names('kadekayu')).toEqual(['Kadek Ayu Lestari']);
    expect(await names('Pemohon', { limit: 50 })).toHaveLength(50);
    expect(await names('Pemohon')).toHaveLength(20);
  });

  it('takes LIKE wildcards in the query literally', async () => {
    expect(await names('%%')).toEqual([]);
    expect(await names('__')).toEqual([]);
    expect(await names('wulan_')).toEqual(['Ayu Wulandari']);
  });

  it('refuses short queries, unbounded limits, unknown fields and callers who are not logged in', async () => {
    for (const input of [
      { query: 'a' },
      { query: '  a ' },
      { query: 'ayu', limit: 51 },
      { query: 'ayu', limit: 0 },
      { query: 'x'.repeat(101) },
      { query: 'ayu', all: true },
    ]) {
      expect(await core.call('requesters.search', input as never), JSON.stringify(input)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    expect(await core.call('requesters.search', { query: 'ayu' }, memorySession())).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
