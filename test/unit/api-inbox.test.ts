import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { toFtsQueries } from '../../src-main/core/store/queries/messages';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';

const T0 = Date.UTC(2026, 10, 23, 2);
let core: TestCore;
beforeEach(async () => {
  core = await startCoreWithAdmin({ now: () => T0 + 10 * 86_400_000 });
  const texts = [
    'Mohon data jumlah penduduk Kecamatan Sukasada 2024',
    'Permintaan data PDRB Buleleng',
    'Data kunjungan wisatawan Lovina',
    'Tingkat pengangguran terbuka',
  ];
  texts.forEach((text, i) =>
    ingest(core.services, {
      channel: i % 2 ? 'email' : 'telegram',
      externalId: `m${i}`,
      sourceId: `user${i}`,
      receivedAt: T0 + i * 60_000,
      text,
      requester: { name: `Pengguna ${i}` },
      thread: { mode: 'explicit' },
    }),
  );
  const set = core.services.db.prepare('UPDATE conversations SET status = ?, sla_due_at = ? WHERE id = ?');
  set.run('in_progress', T0 + 5 * 86_400_000, 1);
  set.run('in_progress', T0 + 1 * 86_400_000, 2);
  set.run('in_progress', null, 3);
  set.run('resolved', T0, 4);
});
afterEach(() => core.dispose());

describe('inbox', () => {
  it('filters by status and sorts by due with no-due last', async () => {
    const page = await core.must('inbox.list', { filter: { status: ['in_progress'] }, sort: 'due' });
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.id)).toEqual([2, 1, 3]);
    expect(page.items[0]).toMatchObject({ requesterName: 'Pengguna 1', channel: 'email', unreadCount: 1, lastMessagePreview: 'Permintaan data PDRB Buleleng' });
  });

  it('sorts by last activity, pages with offset and filters overdue and channel', async () => {
    expect((await core.must('inbox.list', { sort: 'activity' })).items.map((c) => c.id)).toEqual([4, 3, 2, 1]);
    expect((await core.must('inbox.list', { sort: 'activity', offset: 1, limit: 2 })).items.map((c) => c.id)).toEqual([3, 2]);
    // now = T0 + 10 days: 1 and 2 are overdue; 4 is resolved so it is not
    expect((await core.must('inbox.list', { filter: { overdue: true } })).items.map((c) => c.id)).toEqual([2, 1]);
    expect((await core.must('inbox.list', { filter: { channel: 'telegram' } })).items.map((c) => c.id).sort()).toEqual([1, 3]);
  });

  it('work queue: each chip counts exactly what its list shows; new first, then by due', async () => {
    // now is Thursday 3 December 2026, 10.00 WITA.
    const now = T0 + 10 * 86_400_000;
    const me = (core.services.db.prepare('SELECT id FROM officers WHERE username = ?').get('admin') as { id: number }).id;
    const more = (n: number) =>
      ingest(core.services, {
        channel: 'email',
        externalId: `q${n}`,
        sourceId: `orang${n}@gmail.com`,
        receivedAt: T0 + n * 60_000,
        text: `Permintaan data ${n}`,
        requester: { name: `Orang ${n}` },
        thread: { mode: 'explicit' },
      }).conversationId;
    const fresh = more(5);
    const dueToday = more(6);
    const dueTomorrow = more(7);
    const set = core.services.db.prepare('UPDATE conversations SET status = ?, sla_due_at = ?, assignee_id = ? WHERE id = ?');
    set.run('waiting_requester', null, me, 3);
    set.run('in_progress', now + 2 * 3_600_000, null, dueToday);
    set.run('in_progress', now + 86_400_000, null, dueTomorrow);
    await core.must('conversations.markRead', { id: dueToday });

    const counts = await core.must('inbox.counts', {});
    expect(counts).toEqual({ todo: 6, new: 1, unread: 5, overdue: 2, due_today: 1, waiting: 1, mine: 1, unassigned: 5 });
    for (const [queue, n] of Object.entries(counts)) {
      const page = await core.must('inbox.list', { filter: { queue: queue as keyof typeof counts } });
      expect([queue, page.total, page.items.length]).toEqual([queue, n, n]);
    }
    expect(await core.must('inbox.unreadCount', {})).toEqual({ conversations: counts.unread });
    const list = async (queue: keyof typeof counts) => (await core.must('inbox.list', { filter: { queue } })).items.map((c) => c.id);
    expect(await list('new')).toEqual([fresh]);
    expect((await list('overdue')).sort()).toEqual([1, 2]);
    expect(await list('due_today')).toEqual([dueToday]);
    expect(await list('mine')).toEqual([3]);
    // New first, then by due (no clock last); reading one does not move it.
    const queue = async () => (await core.must('inbox.list', { filter: { queue: 'todo' }, sort: 'queue' })).items.map((c) => c.id);
    expect(await queue()).toEqual([fresh, 2, 1, dueToday, dueTomorrow, 3]);
    await core.must('conversations.markRead', { id: fresh });
    expect(await queue()).toEqual([fresh, 2, 1, dueToday, dueTomorrow, 3]);
    // A channel narrows a chip's list.
    expect((await core.must('inbox.list', { filter: { queue: 'unassigned', channel: 'telegram' } })).items.map((c) => c.id)).toEqual([1]);
  });

  it('finds a consultation by the ticket typed whole, without its prefix, or as day and number', async () => {
    // The first consultation of 23 November 2026 (T0 is that day, 10.00 WITA).
    expect(await core.must('search.ticket', { query: 'KONS-5108-20261123-0001' })).toEqual({ conversationId: 1, ticket: 'KONS-5108-20261123-0001' });
    expect(await core.must('search.ticket', { query: '20261123-3' })).toEqual({ conversationId: 3, ticket: 'KONS-5108-20261123-0003' });
    expect(await core.must('search.ticket', { query: '23/11 0002' })).toEqual({ conversationId: 2, ticket: 'KONS-5108-20261123-0002' });
    expect(await core.must('search.ticket', { query: '23/11 0099' })).toBeNull();
    expect(await core.must('search.ticket', { query: 'penduduk Sukasada' })).toBeNull();
  });

  it('shows the name the channel gives until the requester states one', async () => {
    const { conversationId: id } = ingest(core.services, {
      channel: 'telegram',
      externalId: 't1',
      sourceId: '777',
      displayName: 'Made W',
      receivedAt: T0,
      text: 'Halo',
      requester: { telegramUserId: '777' },
      thread: { mode: 'identity' },
    });
    const row = async () => (await core.must('inbox.list', { sort: 'activity' })).items.find((c) => c.id === id);
    expect(await row()).toMatchObject({ requesterName: 'Made W' });
    expect(await core.must('conversations.get', { id })).toMatchObject({ requesterName: 'Made W' });
    await core.must('conversations.updateRequirements', { id, requester: { name: 'Made Wisnu Pratama' } });
    expect(await row()).toMatchObject({ requesterName: 'Made Wisnu Pratama' });
  });

  it('counts unread open conversations (a closed one is not work) and marks one read', async () => {
    expect(await core.must('inbox.unreadCount', {})).toEqual({ conversations: 3 });
    await core.must('conversations.markRead', { id: 2 });
    expect(await core.must('inbox.unreadCount', {})).toEqual({ conversations: 2 });
    expect(await core.call('conversations.markRead', { id: 99 })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('opens a conversation with its requester and messages', async () => {
    const detail = await core.must('conversations.get', { id: 1 });
    expect(detail).toMatchObject({ ticket: 'KONS-5108-20261123-0001', requester: { name: 'Pengguna 0', unreachable: false } });
    const messages = await core.must('messages.list', { conversationId: 1 });
    expect(messages).toMatchObject([{ direction: 'incoming', text: 'Mohon data jumlah penduduk Kecamatan Sukasada 2024', attachments: [] }]);
    expect(await core.call('conversations.get', { id: 42 })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('searches message text with prefixes, diacritics folded, hits marked, FTS syntax treated as text', async () => {
    expect(await core.must('search.messages', { query: 'penduduk sukasada' })).toHaveLength(1);
    const hits = await core.must('search.messages', { query: 'penduduk sukas' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ conversationId: 1, ticket: 'KONS-5108-20261123-0001' });
    expect(hits[0]!.snippet).toContain('\u0002penduduk\u0003');
    expect(await core.must('search.messages', { query: 'LOVINA' })).toHaveLength(1);
    expect(await core.must('search.messages', { query: 'data NOT lovina' })).toHaveLength(0); // NOT is a word here, not an operator
    expect(await core.must('search.messages', { query: '"pdrb" OR (*' })).toHaveLength(0);
    expect(await core.call('search.messages', { query: '  *** ' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(toFtsQueries('Pengangguran  terbuka')).toEqual({ exact: '"Pengangguran" "terbuka"', prefix: '"Pengangguran" "terbuka"*' });
    expect(toFtsQueries('data ip')).toEqual({ exact: '"data" "ip"', prefix: null }); // 2-letter prefixes are too costly
  });
});
