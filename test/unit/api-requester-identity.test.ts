import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';

const T0 = Date.UTC(2026, 10, 23, 2);
let core: TestCore;
beforeEach(async () => {
  core = await startCoreWithAdmin({ now: () => T0 });
});
afterEach(() => core.dispose());

const mail = (id: string, from: string, hints: InboundMessage['identityHints'], extra: Partial<InboundMessage> = {}): InboundMessage => ({
  channel: 'email',
  externalId: id,
  sourceId: from,
  receivedAt: T0,
  text: 'Mohon data',
  thread: { mode: 'explicit' },
  requester: { email: from },
  identityHints: hints,
  ...extra,
});

describe('identity read from mail, through the API', () => {
  it('form values fill empty fields as "dari email"; guesses wait; confirm applies through the requirements update; dismiss undoes a form value', async () => {
    const c = ingest(
      core.services,
      mail('<a@x>', 'ayu@kampus.test', [
        { field: 'name', value: 'Ni Kadek Ayu', source: 'form' },
        { field: 'need', value: 'Data IPM 2024', source: 'form' },
        { field: 'whatsapp', value: '+6281234567890', source: 'form' },
        { field: 'institution', value: 'Universitas Pendidikan Ganesha', source: 'signature' },
        { field: 'institution', value: 'Undiksha', source: 'introduction' },
      ]),
    ).conversationId;
    const detail = await core.must('conversations.get', { id: c });
    expect(detail.requester).toMatchObject({ name: 'Ni Kadek Ayu', whatsapp: '+6281234567890', institution: null });
    expect(detail.need).toBe('Data IPM 2024');
    const requesterId = detail.requester.id;
    const identity = await core.must('requesters.identity', { requesterId });
    expect(identity.fromEmail.map((h) => h.field).sort()).toEqual(['name', 'need', 'whatsapp']);
    expect(identity.suggestions.map((h) => [h.field, h.value, h.source])).toEqual([
      ['institution', 'Universitas Pendidikan Ganesha', 'signature'],
      ['institution', 'Undiksha', 'introduction'],
    ]);

    // "Terapkan" on one institution: written, the other one for that field set aside, audited.
    const applied = await core.must('requesters.confirmFromEmail', { requesterId, hintIds: [identity.suggestions[0]!.id] });
    expect(applied.suggestions).toEqual([]);
    expect((await core.must('conversations.get', { id: c })).requester.institution).toBe('Universitas Pendidikan Ganesha');
    expect(core.services.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'requesters.confirmFromEmail'").pluck().get()).toBe(1);

    // "Abaikan" on a form value nobody changed since: the field is empty again.
    const whatsapp = applied.fromEmail.find((h) => h.field === 'whatsapp')!;
    const after = await core.must('requesters.dismissSuggestions', { requesterId, hintIds: [whatsapp.id] });
    expect(after.fromEmail.map((h) => h.field).sort()).toEqual(['name', 'need']);
    expect((await core.must('conversations.get', { id: c })).requester.whatsapp).toBeNull();
    // A decided hint cannot be decided again.
    expect((await core.call('requesters.confirmFromEmail', { requesterId, hintIds: [whatsapp.id] })).ok).toBe(false);
  });

  it('a form value never overwrites a field an officer filled; an officer edit ends the "dari email" mark', async () => {
    const c = ingest(core.services, mail('<a@x>', 'budi@x.test', [{ field: 'name', value: 'Budi', source: 'form' }])).conversationId;
    const requesterId = (await core.must('conversations.get', { id: c })).requester.id;
    await core.must('conversations.updateRequirements', { id: c, requester: { name: 'I Made Budi Santika' } });
    expect((await core.must('requesters.identity', { requesterId })).fromEmail).toEqual([]);
    ingest(
      core.services,
      mail('<b@x>', 'budi@x.test', [{ field: 'name', value: 'Budi S.', source: 'form' }], { thread: { mode: 'explicit', replyTo: ['<a@x>'] } }),
    );
    expect((await core.must('conversations.get', { id: c })).requester.name).toBe('I Made Budi Santika');
    const suggested = (await core.must('requesters.identity', { requesterId })).suggestions;
    expect(suggested.filter((h) => h.field === 'name').map((h) => h.value)).toEqual(['Budi S.']);
    // The need is offered from the first mail (only the first), for the officer to apply.
    expect(suggested.filter((h) => h.field === 'need').map((h) => [h.value, h.source])).toEqual([['Mohon data', 'first_message']]);
  });

  it('the need offered from the first mail is the request itself: no closing, signature, logo placeholder or phone-app footer', async () => {
    const needOf = async (id: string, text: string, subject?: string) => {
      const c = ingest(core.services, mail(id, `${id.slice(1, -3)}@kampus.test`, [], { text, ...(subject ? { subject } : {}) })).conversationId;
      const requesterId = (await core.must('conversations.get', { id: c })).requester.id;
      return (await core.must('requesters.identity', { requesterId })).suggestions.filter((h) => h.field === 'need').map((h) => h.value);
    };
    // Outlook from an agency: the closing words and the signature block under them.
    expect(
      await needOf(
        '<dinkes@x>',
        'Dengan hormat,\n\nKami memohon data jumlah penduduk menurut kelompok umur tahun 2025.\n\nHormat kami,\n[Logo Dinkes]\ndr. Made Wirawan, M.Kes.\nDinas Kesehatan Kabupaten Buleleng\nTelp. (0362) 21000',
        'Permohonan Data Penduduk',
      ),
    ).toEqual(['Permohonan Data Penduduk: Dengan hormat, Kami memohon data jumlah penduduk menurut kelompok umur tahun 2025.']);
    // Yahoo on a phone: the app's footer.
    expect(await needOf('<hp@x>', 'Mohon data TPT Buleleng 2024 pak\n\nDikirim dari Yahoo Mail di Android')).toEqual(['Mohon data TPT Buleleng 2024 pak']);
    // Gmail with a "-- " signature holding a picture placeholder.
    expect(await needOf('<sig@x>', 'Mohon data IPM per kecamatan.\n-- \n[image: logo]\nGede Putra\nUndiksha')).toEqual(['Mohon data IPM per kecamatan.']);
    // A one-line mail that opens with thanks is all request.
    expect(await needOf('<short@x>', 'Terima kasih, mohon data PDRB 2024')).toEqual(['Terima kasih, mohon data PDRB 2024']);
  });

  it('a shorter form of the name or institution already on record is no suggestion; a longer one still is', async () => {
    const c = ingest(
      core.services,
      mail('<n1@x>', 'ayu@kampus.test', [
        { field: 'name', value: 'Ni Kadek Ayu Lestari', source: 'form' },
        { field: 'institution', value: 'Universitas Pendidikan Ganesha', source: 'form' },
      ]),
    ).conversationId;
    // Her next mails sign "Ayu" and "Ayu Lestari", introduce her as "Kadek Ayu", and name the university short or in full.
    ingest(
      core.services,
      mail(
        '<n2@x>',
        'ayu@kampus.test',
        [
          { field: 'name', value: 'Ayu', source: 'signature' },
          { field: 'name', value: 'ayu lestari', source: 'display_name' },
          { field: 'name', value: 'Kadek Ayu', source: 'introduction' },
          { field: 'institution', value: 'Pendidikan Ganesha', source: 'signature' },
          { field: 'institution', value: 'Fakultas Ekonomi Universitas Pendidikan Ganesha', source: 'signature' },
        ],
        { thread: { mode: 'explicit', replyTo: ['<n1@x>'] } },
      ),
    );
    const requesterId = (await core.must('conversations.get', { id: c })).requester.id;
    const identity = await core.must('requesters.identity', { requesterId });
    // Only what says more than the record: the faculty of her university.
    expect(identity.suggestions.filter((h) => h.field !== 'need').map((h) => `${h.field}: ${h.value}`)).toEqual([
      'institution: Fakultas Ekonomi Universitas Pendidikan Ganesha',
    ]);
  });

  it('the timeline says how mail from another address joined: as a reply in the thread, or by the ticket number it names', async () => {
    const first = ingest(core.services, mail('<t1@x>', 'ayu@kampus.test', []));
    const { ticket } = await core.must('conversations.get', { id: first.conversationId });
    ingest(core.services, mail('<t2@x>', 'ayu@kantor.test', [], { thread: { mode: 'explicit', replyTo: ['<t1@x>'] } }));
    ingest(core.services, mail('<t3@x>', 'dosen@kampus.test', [], { subject: `Data [${ticket}]`, thread: { mode: 'explicit', ticket } }));
    const lines = core.services.db
      .prepare("SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'activity' AND meta LIKE '%other_sender%' ORDER BY id")
      .pluck()
      .all(first.conversationId);
    expect(lines).toEqual([
      'Balasan dari alamat lain (ayu@kantor.test) pada utas konsultasi ini; alamat itu dapat ditambahkan ke pengguna layanan',
      'Pesan dari alamat lain (dosen@kampus.test) dengan nomor tiket konsultasi ini; alamat itu dapat ditambahkan ke pengguna layanan',
    ]);
  });

  it('a requester who signs every mail the same way is suggested it once; a suggestion set aside is not offered again by the next mail', async () => {
    const signed = (id: string, replyTo: string[] = []) =>
      mail(id, 'gede@kampus.test', [{ field: 'institution', value: 'Universitas Pendidikan Ganesha', source: 'signature' }], {
        thread: { mode: 'explicit', ...(replyTo.length > 0 ? { replyTo } : {}) },
      });
    const c = ingest(core.services, signed('<1@x>')).conversationId;
    ingest(core.services, signed('<2@x>', ['<1@x>']));
    ingest(core.services, signed('<3@x>', ['<2@x>']));
    const requesterId = (await core.must('conversations.get', { id: c })).requester.id;
    const identity = await core.must('requesters.identity', { requesterId });
    expect(identity.suggestions.filter((h) => h.field === 'institution').map((h) => h.value)).toEqual(['Universitas Pendidikan Ganesha']);

    // "Abaikan": the officer knows better (the requester wrote from a borrowed account).
    await core.must('requesters.dismissSuggestions', { requesterId, hintIds: identity.suggestions.filter((h) => h.field === 'institution').map((h) => h.id) });
    ingest(core.services, signed('<4@x>', ['<3@x>']));
    expect((await core.must('requesters.identity', { requesterId })).suggestions.filter((h) => h.field === 'institution')).toEqual([]);
    // A different value is news again.
    ingest(
      core.services,
      mail('<5@x>', 'gede@kampus.test', [{ field: 'institution', value: 'Dinas Pendidikan Kabupaten Buleleng', source: 'signature' }], {
        thread: { mode: 'explicit', replyTo: ['<4@x>'] },
      }),
    );
    expect((await core.must('requesters.identity', { requesterId })).suggestions.map((h) => h.value)).toContain('Dinas Pendidikan Kabupaten Buleleng');
  });

  it('another address is added to the requester once, and refused when it belongs to someone else', async () => {
    const a = ingest(core.services, mail('<a@x>', 'ayu@kampus.test', [])).conversationId;
    ingest(core.services, mail('<c@x>', 'lain@kantor.test', []));
    const requesterId = (await core.must('conversations.get', { id: a })).requester.id;
    await core.must('requesters.addEmailAddress', { requesterId, address: 'Ayu@Kantor-Baru.test' });
    await core.must('requesters.addEmailAddress', { requesterId, address: 'ayu@kantor-baru.test' });
    expect(core.services.db.prepare("SELECT requester_id FROM channel_identities WHERE source_id = 'ayu@kantor-baru.test'").pluck().all()).toEqual([
      requesterId,
    ]);
    const taken = await core.call('requesters.addEmailAddress', { requesterId, address: 'lain@kantor.test' });
    expect(taken.ok ? null : taken.error).toMatchObject({ kind: 'conflict', code: 'requesters.address_taken' });
  });
});
