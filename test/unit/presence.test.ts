import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushEvents } from '../../src-preload/contract';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

// Monday 23 November 2026, 10.00 WITA: open hours, so no automatic replies get in the way.
let now = Date.UTC(2026, 10, 23, 2);
let core: TestCore;
let made: ReturnType<typeof memorySession>;
const boards: PushEvents['presence.changed'][] = [];
let seq = 0;
const mail = (text: string, ticket?: string): InboundMessage => ({
  channel: 'email',
  externalId: `<p-${++seq}@gmail.com>`,
  sourceId: 'ayu.lestari@gmail.com',
  receivedAt: now,
  subject: 'Data kemiskinan',
  text,
  requester: { name: 'Ayu Lestari', email: 'ayu.lestari@gmail.com' },
  thread: { mode: 'explicit', ...(ticket ? { ticket } : {}) },
});

beforeEach(async () => {
  now = Date.UTC(2026, 10, 23, 2);
  boards.length = 0;
  core = await startCoreWithAdmin({ now: () => now });
  await core.must('officers.create', { username: 'made', displayName: 'Made Sukarta', role: 'officer', password: 'sandi-made-12345' });
  made = memorySession();
  await core.must('auth.login', { username: 'made', password: 'sandi-made-12345' }, made);
  core.services.events.subscribe((event, payload) => {
    if (event === 'presence.changed') boards.push(payload as PushEvents['presence.changed']);
  });
});
afterEach(() => core.dispose());

describe('who has a consultation open', () => {
  it('shows each officer where they are and who is typing, live, and forgets a console that went quiet', async () => {
    const id = ingest(core.services, mail('Mohon data kemiskinan per kecamatan')).conversationId;
    await core.must('presence.set', { conversationId: id, typing: false });
    const board = await core.must('presence.set', { conversationId: id, typing: true }, made);
    expect(board.map((p) => [p.name, p.conversationId, p.typing])).toEqual([
      ['Admin PST', id, false],
      ['Made Sukarta', id, true],
    ]);
    // Each change reached every console as an event; a heartbeat that changes nothing sends none.
    expect(boards).toHaveLength(2);
    await core.must('presence.set', { conversationId: id, typing: true }, made);
    expect(boards).toHaveLength(2);
    // Made's console stops saying it is there (closed, asleep); 46 s later the admin sees only themself.
    now += 46_000;
    expect((await core.must('presence.set', { conversationId: id, typing: false })).map((p) => p.name)).toEqual(['Admin PST']);
    // Closing the consultation takes the admin off it.
    await core.must('presence.set', { conversationId: null, typing: false });
    expect(await core.must('presence.list', {})).toEqual([]);
  });

  it('sending asks first when the requester or a colleague wrote after what the officer had in view', async () => {
    const { conversationId: id } = ingest(core.services, mail('Mohon data kemiskinan per kecamatan'));
    const ticket = (core.services.db.prepare('SELECT ticket FROM conversations WHERE id = ?').get(id) as { ticket: string }).ticket;
    const seen = Math.max(...(await core.must('messages.list', { conversationId: id })).map((m) => m.id));
    ingest(core.services, mail('Maaf, yang saya perlukan tahun 2023 saja.', ticket));
    await core.must('messages.addNote', { conversationId: id, text: 'Tabel 2023 ada di Buleleng Dalam Angka 2024.' }, made);
    const outgoing = () => (core.services.db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'outgoing'").get() as { n: number }).n;
    const before = outgoing();
    expect(await core.call('messages.send', { conversationId: id, text: 'Berikut data 2024.', seenUpToMessageId: seen })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'messages.newer_since_opened', params: { n: 2 } },
    });
    expect(outgoing()).toBe(before);
    // Read now: the newest message in view, and the reply goes.
    const latest = Math.max(...(await core.must('messages.list', { conversationId: id })).map((m) => m.id));
    expect(await core.must('messages.send', { conversationId: id, text: 'Berikut data 2023.', seenUpToMessageId: latest })).toMatchObject({
      direction: 'outgoing',
    });
  });
});
