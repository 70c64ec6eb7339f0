import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { SKM_QUESTIONS } from '../../src-main/core/domain/ikm';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

const wita = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
let now = wita(2026, 11, 23, 10);
let core: TestCore;
beforeEach(async () => {
  now = wita(2026, 11, 23, 10);
  core = await startCoreWithAdmin({ now: () => now });
});
afterEach(() => core.dispose());

async function loginAs(role: 'officer' | 'supervisor', username: string) {
  await core.must('officers.create', { username, displayName: username, role, password: `sandi-${username}-123` });
  const s = memorySession();
  await core.must('auth.login', { username, password: `sandi-${username}-123` }, s);
  return s;
}

describe('complaints (pengaduan)', () => {
  it('logs, promotes a channel message, filters and updates, each audited', async () => {
    const officer = await loginAs('officer', 'nyoman');
    const box = await core.must('complaints.create', { source: 'kotak_saran', text: 'Antrean di ruang PST terlalu lama', contactName: 'Anonim' }, officer);
    expect(box).toMatchObject({ source: 'kotak_saran', status: 'open', receivedAt: now, officerName: 'nyoman' });
    const { messageId } = ingest(core.services, {
      channel: 'telegram',
      externalId: '5:1',
      sourceId: '5',
      receivedAt: now,
      text: 'Saya kecewa, data belum dikirim',
      requester: { name: 'Ketut' },
      thread: { mode: 'identity' },
    });
    const promoted = await core.must('complaints.create', { messageId }, officer);
    expect(promoted).toMatchObject({ source: 'telegram', text: 'Saya kecewa, data belum dikirim', contactName: 'Ketut', messageId });
    expect(await core.call('complaints.create', { messageId }, officer)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('complaints.create', { text: 'tanpa sumber' }, officer)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });

    expect(await core.call('complaints.update', { id: box.id, status: 'resolved' }, officer)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const done = await core.must('complaints.update', { id: box.id, status: 'resolved', response: 'Ditambah satu petugas loket' }, officer);
    expect(done).toMatchObject({ status: 'resolved', resolvedAt: now, response: 'Ditambah satu petugas loket' });
    expect((await core.must('complaints.list', { status: 'open' })).items.map((c) => c.id)).toEqual([promoted.id]);
    expect((await core.must('complaints.list', { source: 'kotak_saran' })).total).toBe(1);
    const audit = await core.must('audit.list', { limit: 3 });
    expect(audit.map((e) => [e.action, e.entityType, e.officerName])).toEqual([
      ['complaints.update', 'complaint', 'nyoman'],
      ['complaints.create', 'complaint', 'nyoman'],
      ['complaints.create', 'complaint', 'nyoman'],
    ]);
  });
});

describe('templates', () => {
  it('seeds the system templates; supervisors edit quick replies, only the admin the system ones; render fills placeholders', async () => {
    const officer = await loginAs('officer', 'nyoman');
    const supervisor = await loginAs('supervisor', 'ketut');
    const list = await core.must('templates.list', {}, officer);
    expect(
      list
        .filter((t) => t.systemKey)
        .map((t) => t.systemKey)
        .sort(),
    ).toEqual(['ack', 'out_of_hours', 'rating_request_email', 'rating_request_telegram', 'survey_email', 'survey_telegram']);
    expect(await core.call('templates.create', { name: 'Salam', body: 'Halo {nama}' }, officer)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const quick = await core.must(
      'templates.create',
      { name: 'Data tersedia', shortcut: '/tersedia', body: 'Yth. {nama}, data untuk tiket {tiket} terlampir. Salam, {petugas}. {tidak_dikenal}' },
      supervisor,
    );
    expect(await core.call('templates.create', { name: 'Data tersedia', body: 'x' }, supervisor)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const { conversationId } = ingest(core.services, {
      channel: 'email',
      externalId: '<t@x>',
      sourceId: 'made@gmail.com',
      receivedAt: now,
      text: 'Halo',
      requester: { name: 'Made' },
      thread: { mode: 'explicit' },
    });
    const ticket = (await core.must('conversations.get', { id: conversationId })).ticket;
    expect(await core.must('templates.render', { id: quick.id, conversationId }, officer)).toEqual({
      text: `Yth. Made, data untuk tiket ${ticket} terlampir. Salam, nyoman. {tidak_dikenal}`,
      fillIns: [],
      files: [],
    });
    const ack = list.find((t) => t.systemKey === 'ack')!;
    expect(await core.call('templates.update', { id: ack.id, body: 'x' }, supervisor)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('templates.delete', { id: ack.id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await core.must('templates.delete', { id: quick.id }, supervisor);
    expect((await core.must('templates.list', {})).some((t) => t.id === quick.id)).toBe(false);
  });
});

describe('calendar and workflow settings', () => {
  it('shows hours and the decree warning; the admin edits days, imports .ics and sets hours; others may not', async () => {
    const supervisor = await loginAs('supervisor', 'ketut');
    const status = await core.must('calendar.status', {}, supervisor);
    expect(status).toMatchObject({ serviceHoursText: 'Senin–Jumat 08.00–15.30 WITA', yearsMissingDecree: [2027], openNow: true });
    const days2026 = await core.must('calendar.listDays', { year: 2026 });
    expect(days2026.hasDecree).toBe(true);
    expect(days2026.days.find((d) => d.date === '2026-12-24')).toMatchObject({ kind: 'cuti_bersama', source: 'skb-2026' });

    expect(await core.call('calendar.addDay', { date: '2026-12-31', kind: 'local', name: 'Tutup buku' }, supervisor)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    await core.must('calendar.addDay', { date: '2026-12-31', kind: 'local', name: 'Tutup buku' });
    expect(await core.call('calendar.addDay', { date: '2026-12-31', kind: 'local', name: 'lagi' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    expect(await core.must('calendar.updateDay', { date: '2026-12-31', name: 'Tutup buku akhir tahun' })).toMatchObject({
      name: 'Tutup buku akhir tahun',
      source: 'manual',
    });
    await core.must('calendar.deleteDay', { date: '2026-12-31' });
    expect(await core.call('calendar.deleteDay', { date: '2026-12-31' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });

    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//id',
      'BEGIN:VEVENT',
      'UID:1@test',
      'DTSTART;VALUE=DATE:20270101',
      'DTEND;VALUE=DATE:20270102',
      'SUMMARY:Tahun Baru 2027 Masehi',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:2@test',
      'DTSTART;VALUE=DATE:20270208',
      'DTEND;VALUE=DATE:20270209',
      'SUMMARY:Cuti Bersama Tahun Baru Imlek',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    // The decree replaces the eleven estimated moving holidays pre-filled for 2027; the fixed-date ones stay.
    expect(await core.must('calendar.importIcs', { text: ics })).toEqual({ imported: 2, skipped: [], estimatesReplaced: 11 });
    expect((await core.must('calendar.status', {})).yearsMissingDecree).toEqual([]);
    expect((await core.must('calendar.listDays', { year: 2027 })).days.map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2027-01-01', 'national', 'ics'],
      ['2027-02-08', 'cuti_bersama', 'ics'],
      ['2027-05-01', 'national', 'tetap'],
      ['2027-06-01', 'national', 'tetap'],
      ['2027-08-17', 'national', 'tetap'],
      ['2027-12-25', 'national', 'tetap'],
    ]);
    expect(await core.call('calendar.importIcs', { text: 'bukan kalender' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });

    const saturday = [[], ...Array.from({ length: 5 }, () => [{ from: 480, to: 930 }]), [{ from: 480, to: 720 }]];
    const edited = await core.must('calendar.setHours', { hours: saturday });
    expect(edited.serviceHoursText).toBe('Senin–Jumat 08.00–15.30 WITA; Sabtu 08.00–12.00 WITA');
    expect(await core.call('calendar.setHours', { hours: [[], [{ from: 600, to: 500 }], [], [], [], [], []] })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
  });

  it('workflow settings: everyone reads, only the admin writes; new SLA target applies to clocks started after', async () => {
    const officer = await loginAs('officer', 'nyoman');
    expect(await core.must('workflow.getSettings', {}, officer)).toEqual({
      slaWorkingDays: 3,
      surveyEnabled: false,
      surveyQuestions: [...SKM_QUESTIONS],
      topics: ['Kependudukan', 'Ketenagakerjaan', 'Kemiskinan', 'PDRB/Ekonomi', 'Pertanian', 'Pariwisata', 'IPM', 'Harga/Inflasi', 'Lainnya'],
      whatsappOfficeName: '',
      whatsappOfficeNumber: '',
    });
    // The office phone's number is kept as +62…; anything that is not a number is refused.
    expect(await core.must('workflow.updateSettings', { whatsappOfficeName: ' PST BPS Buleleng ', whatsappOfficeNumber: '0811-3800-145' })).toMatchObject({
      whatsappOfficeName: 'PST BPS Buleleng',
      whatsappOfficeNumber: '+628113800145',
    });
    expect(await core.call('workflow.updateSettings', { whatsappOfficeNumber: 'kantor' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(await core.call('workflow.updateSettings', { slaWorkingDays: 5 }, officer)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.call('workflow.updateSettings', { topics: ['A', 'A'] })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    // The SKM has exactly nine questions, one per unsur.
    expect(await core.call('workflow.updateSettings', { surveyQuestions: SKM_QUESTIONS.slice(0, 8) })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    await core.must('workflow.updateSettings', { slaWorkingDays: 2, topics: ['Kependudukan', 'Sosial'] });
    const { conversationId: id } = ingest(core.services, {
      channel: 'email',
      externalId: '<w@x>',
      sourceId: 'w@gmail.com',
      receivedAt: now,
      text: 'Halo',
      thread: { mode: 'explicit' },
    });
    const done = await core.must('conversations.setRequirementsComplete', { id, complete: true, reason: 'lengkap lewat telepon' }, officer);
    expect(done).toMatchObject({ slaTargetDays: 2, slaDueAt: wita(2026, 11, 25, 10) });
    expect(await core.call('conversations.resolve', { id, summary: 'x', topic: 'Kemiskinan' }, officer)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    expect(await core.call('conversations.resolve', { id, summary: 'Data sosial dikirim', topic: 'Sosial' }, officer)).toMatchObject({ ok: true });
  });

  it('only supervisors compute the IKM; officers assign only to themselves', async () => {
    const officer = await loginAs('officer', 'nyoman');
    const other = await core.must('officers.create', { username: 'wayan', displayName: 'Wayan', role: 'officer', password: 'sandi-wayan-123' });
    expect(await core.call('ikm.compute', { from: 0, to: now }, officer)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.must('ikm.compute', { from: 0, to: now })).toMatchObject({ respondents: 0, ikm: null, grade: null });
    const { conversationId: id } = ingest(core.services, {
      channel: 'email',
      externalId: '<as@x>',
      sourceId: 'as@gmail.com',
      receivedAt: now,
      text: 'Halo',
      thread: { mode: 'explicit' },
    });
    expect(await core.call('conversations.assign', { id, officerId: other.id }, officer)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await core.must('conversations.assign', { id, officerId: other.id })).toMatchObject({ assigneeName: 'Wayan', status: 'awaiting_requirements' });
    expect(await core.call('conversations.claim', { id }, officer)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });
});
