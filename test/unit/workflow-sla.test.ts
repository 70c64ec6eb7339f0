import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { ADMIN, memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

/** An instant given in WITA (UTC+8). */
const wita = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const HOUR = 3_600_000;

let now = 0;
let core: TestCore;
afterEach(() => core?.dispose());

/** Moves the clock; logs in again, as an officer would after a night (sessions expire when idle). */
async function at(instant: number) {
  now = instant;
  await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
}

async function start(at: number) {
  now = at;
  core = await startCoreWithAdmin({ now: () => now });
}

const mail = (id: string, text: string, at: number, ticket?: string): InboundMessage => ({
  channel: 'email',
  externalId: id,
  sourceId: 'made@undiksha.ac.id',
  receivedAt: at,
  text,
  subject: 'Permohonan data kemiskinan',
  requester: { name: 'Made Sudarma', email: 'made@undiksha.ac.id' },
  thread: ticket ? { mode: 'explicit', ticket } : { mode: 'explicit' },
});

const complete = {
  requester: { institution: 'Universitas Pendidikan Ganesha', occupation: 'Mahasiswa', whatsapp: '0812-3456-7890' },
  need: 'Persentase penduduk miskin Buleleng 2020–2025',
};

describe('SLA through the handlers (due instants written by hand)', () => {
  it('Friday afternoon start, a pause across days, a reply, cuti bersama and Natal', async () => {
    await start(wita(2026, 12, 18, 14)); // Friday
    const { conversationId: id } = ingest(core.services, mail('<a@x>', 'Mohon data kemiskinan', now));
    const opened = await core.must('conversations.get', { id });
    expect(opened).toMatchObject({ status: 'new', slaState: 'none', requirementsMissing: ['institution', 'whatsapp', 'occupation', 'need'] });

    await at(wita(2026, 12, 18, 14, 30));
    const started = await core.must('conversations.updateRequirements', { id, ...complete });
    expect(started.requester.whatsapp).toBe('+6281234567890');
    // 22.5 h of open time from Fri 14:30: Fri 1 h, Mon 7.5, Tue 7.5, Wed 6.5 → Wed 23 Dec 14:30
    expect(started).toMatchObject({
      status: 'in_progress',
      requirementsCompleteAt: now,
      slaDueAt: wita(2026, 12, 23, 14, 30),
      slaState: 'running',
      requirementsMissing: [],
      slaTargetDays: 3,
    });

    await at(wita(2026, 12, 21, 10)); // Monday: 1 h + 2 h used, 19.5 h left
    const paused = await core.must('conversations.waitForRequester', { id, reason: 'tahun data belum jelas' });
    expect(paused).toMatchObject({ status: 'waiting_requester', slaState: 'paused', slaDueAt: null, workingMsLeft: 19.5 * HOUR });
    await at(wita(2026, 12, 22, 8, 30));
    expect(await core.must('conversations.get', { id })).toMatchObject({ slaState: 'paused', workingMsLeft: 19.5 * HOUR });

    // The requester replies Tuesday 09:00: 19.5 h from then — Tue 6.5, Wed 7.5, Thu 24 cuti bersama,
    // Fri 25 Natal, weekend, Mon 28 08:00 + 5.5 h → Mon 28 Dec 13:30.
    await at(wita(2026, 12, 22, 9));
    const ticket = opened.ticket;
    ingest(core.services, mail('<b@x>', 'Tahun 2020 sampai 2025, terima kasih', now, ticket));
    const resumed = await core.must('conversations.get', { id });
    expect(resumed).toMatchObject({ status: 'in_progress', slaState: 'running', slaDueAt: wita(2026, 12, 28, 13, 30), workingMsLeft: 19.5 * HOUR });
    expect(resumed.slaPausedWorkingMs).toBe(6.5 * HOUR); // Mon 10:00–15:30 and Tue 08:00–09:00

    await at(wita(2026, 12, 28, 8)); // 5.5 h left: less than one working day
    expect(await core.must('conversations.get', { id })).toMatchObject({ slaState: 'due_soon', workingMsLeft: 5.5 * HOUR });
    await at(wita(2026, 12, 28, 13, 30));
    expect(await core.must('conversations.get', { id })).toMatchObject({ slaState: 'due_soon', workingMsLeft: 0 });
    await at(wita(2026, 12, 28, 14));
    expect(await core.must('conversations.get', { id })).toMatchObject({ slaState: 'overdue', workingMsLeft: -0.5 * HOUR });
    const overdue = await core.must('inbox.list', { filter: { overdue: true } });
    expect(overdue.items.map((c) => [c.id, c.slaState])).toEqual([[id, 'overdue']]);

    const closed = await core.must('conversations.resolve', { id, summary: 'Data kemiskinan dikirim', topic: 'Kemiskinan' });
    expect(closed).toMatchObject({
      status: 'resolved',
      slaState: 'none',
      workingMsLeft: -0.5 * HOUR,
      slaDueAt: wita(2026, 12, 28, 13, 30),
      topic: 'Kemiskinan',
    });
  });

  it('complete on Saturday → due Wednesday 15:30 (DESIGN §1); an officer completes with a reason', async () => {
    await start(wita(2026, 11, 28, 10)); // Saturday
    const { conversationId: id } = ingest(core.services, mail('<s@x>', 'Permohonan data', now));
    const done = await core.must('conversations.setRequirementsComplete', { id, complete: true, reason: 'identitas dikonfirmasi lewat telepon' });
    expect(done).toMatchObject({ status: 'in_progress', slaDueAt: wita(2026, 12, 2, 15, 30), workingMsLeft: 22.5 * HOUR, slaState: 'running' });
    const lines = await core.must('messages.list', { conversationId: id });
    expect(lines.find((m) => m.direction === 'activity')!.text).toContain('identitas dikonfirmasi lewat telepon');

    // Unset: the clock is removed; set again later: a fresh clock from then.
    await at(wita(2026, 11, 30, 9));
    const unset = await core.must('conversations.setRequirementsComplete', { id, complete: false, reason: 'email ternyata tidak aktif' });
    expect(unset).toMatchObject({ status: 'awaiting_requirements', slaDueAt: null, requirementsCompleteAt: null, slaState: 'none' });
    await at(wita(2026, 11, 30, 10)); // Monday 10:00 → Thursday 10:00
    expect(await core.must('conversations.setRequirementsComplete', { id, complete: true, reason: 'email baru dikonfirmasi' })).toMatchObject({
      slaDueAt: wita(2026, 12, 3, 10),
    });
  });

  it('across the year end: 2027 runs on its pre-filled days (1 January fixed, 5 January Isra Mikraj estimated); the due reads "perkiraan" until the decree is in', async () => {
    await start(wita(2026, 12, 30, 10)); // Wednesday
    const { conversationId: id } = ingest(core.services, mail('<y@x>', 'Data PDRB', now));
    // Wed 5.5 h, Thu 31 7.5 h, Fri 1 Jan closed, Mon 4 7.5 h (20.5), Tue 5 closed, Wed 6 08:00 + 2 h
    expect(await core.must('conversations.updateRequirements', { id, ...complete })).toMatchObject({
      slaDueAt: wita(2027, 1, 6, 10),
      slaEstimated: true,
    });
    expect((await core.must('calendar.status', {})).yearsMissingDecree).toEqual([2027]);
    expect((await core.must('inbox.list', {})).items.find((c) => c.id === id)).toMatchObject({ slaEstimated: true });

    // The decree as a spreadsheet saves it: Isra Mikraj on 5 January is confirmed, so the due stays; it is no longer an estimate.
    const csv = 'Tanggal;Keterangan;Jenis\n01/01/2027;Tahun Baru 2027 Masehi;nasional\n05/01/2027;Isra Mikraj Nabi Muhammad SAW;nasional\n';
    expect(await core.must('calendar.importCsv', { text: csv })).toMatchObject({ imported: 2, skipped: [] });
    expect((await core.must('calendar.status', {})).yearsMissingDecree).toEqual([]);
    expect(await core.must('conversations.get', { id })).toMatchObject({ slaDueAt: wita(2027, 1, 6, 10), slaEstimated: false });
  });

  it('within a decreed year the due is no estimate', async () => {
    await start(wita(2026, 12, 1, 10));
    const { conversationId: id } = ingest(core.services, mail('<z@x>', 'Data IPM', now));
    expect(await core.must('conversations.updateRequirements', { id, ...complete })).toMatchObject({ slaDueAt: wita(2026, 12, 4, 10), slaEstimated: false });
  });

  it('a calendar edit moves the due of running clocks; a pause keeps the overdue instant', async () => {
    await start(wita(2026, 11, 23, 10)); // Monday → Thursday 10:00
    const { conversationId: id } = ingest(core.services, mail('<c@x>', 'Data IPM', now));
    expect(await core.must('conversations.updateRequirements', { id, ...complete })).toMatchObject({ slaDueAt: wita(2026, 11, 26, 10) });
    await core.must('calendar.addDay', { date: '2026-11-25', kind: 'local', name: 'Rapat kerja kantor' });
    expect(await core.must('conversations.get', { id })).toMatchObject({ slaDueAt: wita(2026, 11, 27, 10) });
    await at(wita(2026, 11, 27, 11)); // one hour late, then waiting for the requester: still overdue, due unchanged
    const paused = await core.must('conversations.waitForRequester', { id });
    expect(paused).toMatchObject({ slaState: 'overdue', slaDueAt: wita(2026, 11, 27, 10), workingMsLeft: -HOUR });
    await at(wita(2026, 11, 30, 9));
    expect(await core.must('conversations.resume', { id })).toMatchObject({ slaState: 'overdue', slaDueAt: wita(2026, 11, 27, 10) });
  });

  it('a reopen continues the clock where the closure stopped it', async () => {
    await start(wita(2026, 11, 23, 10));
    const { conversationId: id } = ingest(core.services, mail('<r@x>', 'Data penduduk', now));
    await core.must('conversations.updateRequirements', { id, ...complete }); // due Thu 26 10:00
    await at(wita(2026, 11, 24, 10)); // closed with 15 h left
    const closed = await core.must('conversations.resolve', { id, summary: 'Tabel dikirim', topic: 'Kependudukan' });
    expect(closed.workingMsLeft).toBe(15 * HOUR);
    await at(wita(2026, 11, 26, 9)); // reopened Thursday 09:00: 15 h from then → Thu 6.5, Fri 7.5, Mon 30 08:00 + 1 h
    const reopened = await core.must('conversations.reopen', { id, reason: 'tabel tahun 2024 tertinggal' });
    expect(reopened).toMatchObject({ status: 'in_progress', slaDueAt: wita(2026, 11, 30, 9), slaState: 'running' });
  });

  it('rejects invalid transitions with conflict and writes nothing', async () => {
    await start(wita(2026, 11, 23, 10));
    const { conversationId: id } = ingest(core.services, mail('<i@x>', 'Halo', now));
    const audit = () => (core.services.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = audit();
    expect(await core.call('conversations.waitForRequester', { id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('conversations.resume', { id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('conversations.reopen', { id, reason: 'x' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('conversations.setRequirementsComplete', { id, complete: false, reason: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    expect(await core.call('conversations.resolve', { id, summary: 'x', topic: 'Astrologi' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(audit()).toBe(before);
    expect((await core.must('conversations.get', { id })).assigneeId).toBeNull();
    // Nobody had taken it: whoever closes it becomes its officer (the record names who served).
    const closed = await core.must('conversations.resolve', { id, summary: 'Pertanyaan umum dijawab', topic: 'Lainnya' });
    expect(closed).toMatchObject({ status: 'resolved', assigneeName: ADMIN.displayName });
    expect(await core.call('conversations.resolve', { id, summary: 'x', topic: 'Lainnya' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('conversations.waitForRequester', { id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('opening changes nothing but the unread mark; claiming or replying takes a new conversation up; transitions are audited and leave a timeline line', async () => {
    await start(wita(2026, 11, 23, 10));
    const a = ingest(core.services, mail('<o1@x>', 'Halo', now)).conversationId;
    await core.must('conversations.markRead', { id: a });
    expect(await core.must('conversations.get', { id: a })).toMatchObject({ status: 'new', assigneeId: null, unreadCount: 0 });
    const b = ingest(core.services, { ...mail('<o2@x>', 'Halo lagi', now), sourceId: 'ayu@gmail.com' }).conversationId;
    const claimed = await core.must('conversations.claim', { id: b });
    expect(claimed).toMatchObject({ status: 'awaiting_requirements', assigneeName: 'Admin PST' });
    const audit = await core.must('audit.list', { limit: 2 });
    expect(audit.map((e) => [e.action, e.entityId])).toEqual([
      ['conversations.claim', String(b)],
      ['conversations.markRead', String(a)],
    ]);
    const timeline = (await core.must('messages.list', { conversationId: b })).filter((m) => m.direction === 'activity').map((m) => m.text);
    expect(timeline).toEqual(expect.arrayContaining(['Ditangani oleh Admin PST', expect.stringContaining('"Baru" menjadi "Menunggu persyaratan"')]));
    // A reply to the one only read takes it up too: it is this officer's and no longer new.
    await core.must('messages.send', { conversationId: a, text: 'Selamat pagi, mohon lengkapi identitas Anda.' });
    expect(await core.must('conversations.get', { id: a })).toMatchObject({ status: 'awaiting_requirements', assigneeName: 'Admin PST' });
  });

  it("taking a colleague's consultation needs the officer's confirmation and names whose it was", async () => {
    await start(wita(2026, 11, 23, 10));
    await core.must('officers.create', { username: 'made', displayName: 'Made Sukarta', role: 'officer', password: 'sandi-made-12345' });
    const made = memorySession();
    await core.must('auth.login', { username: 'made', password: 'sandi-made-12345' }, made);
    const id = ingest(core.services, mail('<t1@x>', 'Mohon data IPM Buleleng 2024', now)).conversationId;
    await core.must('conversations.claim', { id });
    expect(await core.call('conversations.claim', { id }, made)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'conversations.taken' } });
    expect(await core.must('conversations.get', { id })).toMatchObject({ assigneeName: 'Admin PST' });
    expect(await core.must('conversations.claim', { id, takeOver: true }, made)).toMatchObject({ assigneeName: 'Made Sukarta' });
    const timeline = (await core.must('messages.list', { conversationId: id })).filter((m) => m.direction === 'activity').map((m) => m.text);
    expect(timeline).toEqual(expect.arrayContaining(['Diambil alih dari Admin PST', 'Ditangani oleh Made Sukarta']));
    // Taking one's own again, or one nobody has, needs no confirmation.
    expect(await core.must('conversations.claim', { id }, made)).toMatchObject({ assigneeName: 'Made Sukarta' });
  });

  it('validates requester fields: email format, WhatsApp numbers normalized to +62', async () => {
    await start(wita(2026, 11, 23, 10));
    const { conversationId: id } = ingest(core.services, mail('<v@x>', 'Halo', now));
    expect(await core.call('conversations.updateRequirements', { id, requester: { email: 'bukan-email' } })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    expect(await core.call('conversations.updateRequirements', { id, requester: { whatsapp: '12345' } })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    for (const [input, stored] of [
      ['+62 812-3456-7890', '+6281234567890'],
      ['6281234567890', '+6281234567890'],
      ['(0361) 0878 1234 567', null],
    ] as const) {
      const r = await core.call('conversations.updateRequirements', { id, requester: { whatsapp: input } });
      if (stored) expect(r.ok && r.value.requester.whatsapp).toBe(stored);
      else expect(r.ok).toBe(false);
    }
  });
});
