import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { ADMIN, startCoreWithAdmin, type TestCore } from '../helpers/core';

/**
 * Who said what in a timeline: the officer's replies carry their name, and nothing the console
 * sends by itself (acknowledgement, out-of-hours notice, rating request, the Telegram bot's intake)
 * may read as an officer's words.
 */
const wita = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

let core: TestCore;
afterEach(() => core.dispose());

let seq = 0;
const mail = (text: string, at: number, ticket?: string): InboundMessage => ({
  channel: 'email',
  externalId: `<origin-${++seq}@mail.gmail.com>`,
  sourceId: 'gede.arsana@gmail.com',
  receivedAt: at,
  text,
  subject: 'Permohonan data PDRB Buleleng',
  requester: { name: 'Gede Arsana', email: 'gede.arsana@gmail.com' },
  thread: ticket ? { mode: 'explicit', ticket } : { mode: 'explicit' },
});

describe('who said what', () => {
  it('an email consultation from the first mail to the rating request', async () => {
    let now = wita(2026, 12, 1, 10); // Tuesday 10:00, open
    core = await startCoreWithAdmin({ now: () => now });
    const { conversationId: id } = ingest(core.services, mail('Mohon data PDRB Kabupaten Buleleng 2020-2024 atas dasar harga berlaku', now));
    const ticket = (await core.must('conversations.get', { id })).ticket;

    now = wita(2026, 12, 1, 11);
    await core.must('messages.send', { conversationId: id, text: 'Baik Pak Gede, data PDRB kami kirimkan sore ini.' });
    await core.must('messages.addNote', { conversationId: id, text: 'Cek dulu angka 2024 ke seksi Nerwilis' });

    now = wita(2026, 12, 1, 19); // the evening: closed until tomorrow 08:00
    ingest(core.services, mail('Terima kasih, ditunggu ya Pak', now, ticket));

    now = wita(2026, 12, 1, 19, 30); // the officer on overtime closes it
    await core.must('conversations.resolve', { id, summary: 'PDRB 2020-2024 dikirim', topic: 'PDRB/Ekonomi' });

    const timeline = (await core.must('messages.list', { conversationId: id }))
      .filter((m) => m.direction !== 'activity')
      .sort((a, b) => a.id - b.id)
      .map((m) => ({ origin: m.origin, author: m.authorName, start: m.text.slice(0, 24) }));
    expect(timeline).toEqual([
      { origin: 'requester', author: null, start: 'Mohon data PDRB Kabupate' },
      { origin: 'ack', author: null, start: expect.stringMatching(/^Yth\. Gede Arsana/) },
      { origin: 'officer', author: ADMIN.displayName, start: 'Baik Pak Gede, data PDRB' },
      { origin: 'note', author: ADMIN.displayName, start: 'Cek dulu angka 2024 ke s' },
      { origin: 'requester', author: null, start: 'Terima kasih, ditunggu y' },
      { origin: 'out_of_hours', author: null, start: expect.stringMatching(/^Pesan Anda kami terima/) },
      { origin: 'rating', author: null, start: expect.any(String) },
    ]);
  });

  it('an answer given at the desk or on the phone names the officer and how it was given', async () => {
    core = await startCoreWithAdmin({ now: () => wita(2026, 12, 1, 10) });
    const created = await core.must('conversations.createWalkIn', {
      via: 'telepon',
      requester: { name: 'Ibu Luh Sukerti' },
      need: 'Harga eceran beras di Singaraja bulan November',
    });
    await core.must('messages.recordAnswer', { conversationId: created.id, text: 'Dijelaskan lewat telepon: lihat BRS inflasi', via: 'telepon' });
    await core.must('messages.recordAnswer', { conversationId: created.id, text: 'Ibu datang ke PST, diberi tabel harga', via: 'langsung' });
    const answers = (await core.must('messages.list', { conversationId: created.id }))
      .filter((m) => m.direction === 'outgoing')
      .sort((a, b) => a.id - b.id)
      .map((m) => [m.origin, m.authorName]);
    expect(answers).toEqual([
      ['answered_by_phone', ADMIN.displayName],
      ['answered_in_person', ADMIN.displayName],
    ]);
  });
});

describe('the office writing from outside the console', () => {
  it("a reply the office sent from webmail reads as the office's email, never as an automatic message", async () => {
    const now = wita(2026, 12, 1, 10);
    core = await startCoreWithAdmin({ now: () => now });
    const first = ingest(core.services, mail('Mohon data IPM Buleleng 2025', now));
    ingest(core.services, {
      channel: 'email',
      externalId: '<webmail-reply@bps.go.id>',
      sourceId: 'pst5108@bps.go.id',
      receivedAt: now + 3_600_000,
      text: 'Terlampir kami sampaikan data IPM Buleleng 2025.',
      office: true,
      meta: { email: { from: 'pst5108@bps.go.id' } },
      thread: { mode: 'explicit', replyTo: [first.externalId] },
    });
    const lines = await core.must('messages.list', { conversationId: first.conversationId });
    // Newest first, as the timeline pages back.
    expect(lines.map((m) => [m.origin, m.sentOutsideConsole])).toEqual([
      ['office_email', true],
      ['ack', false],
      ['requester', false],
    ]);
  });
});
