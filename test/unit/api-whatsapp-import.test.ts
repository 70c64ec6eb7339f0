import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, startCoreWithAdmin, type TestCore } from '../helpers/core';

let core: TestCore;
afterEach(() => core.dispose());

const bytes = (name: string) => readFileSync(new URL(`../fixtures/whatsapp/${name}`, import.meta.url));
const upload = (name: string) => ({ fileName: name, contentBase64: bytes(name).toString('base64') });
/** A WITA wall-clock time as an instant (UTC+8). */
const wita = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);
/** Friday 4 December 2026, 10:00 WITA: the officer imports the chats of the week. */
const FRIDAY_10 = wita(2026, 12, 4, 10, 0);

/** The timeline as the officer reads it, oldest first. */
const byTime = (a: { createdAt: number; id: number }, b: { createdAt: number; id: number }) => a.createdAt - b.createdAt || a.id - b.id;

async function office(name = 'PST BPS Buleleng', number = '') {
  await core.must('workflow.updateSettings', { whatsappOfficeName: name, whatsappOfficeNumber: number });
}

describe('importing a WhatsApp chat export', () => {
  it('Android, Indonesian: a new consultation for the saved contact, the office line is the first response, a re-import adds only what is new', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    const first = await core.must('whatsapp.importChat', { ...upload('android-id.txt'), requesterNumber: '0812-9876-5432' });
    // Budi wrote five times (one a file left out of the export, one taken back); the office answered once.
    expect(first).toMatchObject({ added: 6, alreadyThere: 0, missingFiles: [], requesterNumber: '+6281298765432' });
    const c = first.conversation;
    expect(c).toMatchObject({ channel: 'whatsapp', assigneeId: 1, firstResponseAt: wita(2026, 12, 1, 8, 5) });
    expect(c.requester).toMatchObject({ name: 'Budi Santoso', whatsapp: '+6281298765432' });
    // The consultation began on 30 November at 23.58 WITA, when Budi first wrote.
    expect(c.ticket).toMatch(/^KONS-5108-20261130-\d{4}$/);

    const lines = (await core.must('messages.list', { conversationId: c.id })).filter((m) => m.direction !== 'activity').sort(byTime);
    expect(lines.map((m) => [m.direction, m.createdAt])).toEqual([
      ['incoming', wita(2026, 11, 30, 23, 58)],
      ['incoming', wita(2026, 11, 30, 23, 59)],
      ['incoming', wita(2026, 12, 1, 0, 1)],
      ['incoming', wita(2026, 12, 1, 0, 2)],
      ['outgoing', wita(2026, 12, 1, 8, 5)],
      ['incoming', wita(2026, 12, 1, 8, 7)],
    ]);
    expect(lines[1]?.text).toBe('Saya membutuhkan data jumlah penduduk Kabupaten Buleleng per kecamatan tahun 2020-2025\nuntuk skripsi saya.\n\nTerima kasih.');
    expect(lines[2]?.text).toBe('(Media tidak disertakan dalam ekspor chat)');
    expect(lines[3]?.text).toBe('(Pesan ini telah dihapus oleh pengirim)');
    expect(lines[4]).toMatchObject({ delivery: 'sent', sentOutsideConsole: true, channel: 'whatsapp' });
    // The console sends nothing on WhatsApp: no acknowledgement, no out-of-hours reply.
    expect(core.services.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);

    const same = await core.must('whatsapp.importChat', { ...upload('android-id.txt'), requesterNumber: '0812 9876 5432' });
    expect(same).toMatchObject({ added: 0, alreadyThere: 6 });
    expect(same.conversation.id).toBe(c.id);
    const longer = await core.must('whatsapp.importChat', { ...upload('android-id-longer.txt'), conversationId: c.id });
    expect(longer).toMatchObject({ added: 2, alreadyThere: 6 });
    const after = (await core.must('messages.list', { conversationId: c.id })).filter((m) => m.direction !== 'activity').sort(byTime);
    expect(after.slice(-2).map((m) => m.text)).toEqual([
      'Data penduduk per kecamatan 2020-2025 ada di publikasi Kabupaten Buleleng Dalam Angka, tabel 3.1.',
      'Sudah saya temukan, terima kasih banyak 🙏',
    ]);
    expect(core.services.db.prepare("SELECT count(*) FROM conversations WHERE channel = 'whatsapp'").pluck().get()).toBe(1);
  });

  it('Android, English, as a zip: the photo and the PDF come with their messages, and the number finds the requester already known', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office('', '0811-3800-145');
    // Sarah came to the desk last month and left her WhatsApp number.
    const walkIn = await core.must('conversations.createWalkIn', {
      via: 'langsung',
      requester: { name: 'Sarah Miller', whatsapp: '0812 3456 7890' },
      need: 'Data pariwisata',
    });
    // The office's own lines carry its name, not its number: with only the number set, one side is unknown.
    expect(await core.call('whatsapp.importChat', upload('android-en-media.zip'))).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', message: expect.stringContaining('Pengaturan') },
    });
    await office('PST BPS Buleleng');
    const result = await core.must('whatsapp.importChat', upload('android-en-media.zip'));
    expect(result).toMatchObject({ added: 7, missingFiles: [], requesterNumber: '+6281234567890' });
    expect(result.conversation.requesterId).toBe(walkIn.requesterId);
    const lines = await core.must('messages.list', { conversationId: result.conversation.id });
    const photo = lines.find((m) => m.text === 'This is the table I found');
    expect(photo?.attachments.map((a) => [a.fileName, a.mimeType, a.size])).toEqual([['IMG-20261201-WA0001.jpg', 'image/jpeg', 1232]]);
    const pdf = lines.find((m) => m.attachments.some((a) => a.fileName === 'Tabel_Pariwisata_2024.pdf'));
    expect(pdf?.attachments[0]).toMatchObject({ mimeType: 'application/pdf' });
    expect(pdf?.createdAt).toBe(wita(2026, 12, 1, 0, 4));
    expect(lines.find((m) => m.text === 'Thank you!')?.createdAt).toBe(wita(2026, 12, 1, 12, 30));
  });

  it('the same chat as a bare .txt names the files it does not carry', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    const result = await core.must('whatsapp.importChat', upload('android-en.txt'));
    expect(result.missingFiles).toEqual(['IMG-20261201-WA0001.jpg', 'Tabel_Pariwisata_2024.pdf']);
    const lines = await core.must('messages.list', { conversationId: result.conversation.id });
    expect(lines.find((m) => m.text.startsWith('This is the table I found'))?.text).toBe(
      'This is the table I found\n📎 IMG-20261201-WA0001.jpg (tidak ada dalam ekspor chat)',
    );
  });

  it('iOS, Indonesian and English: every line lands at its time, the phone notice is left out', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    const ayu = await core.must('whatsapp.importChat', { ...upload('ios-id.txt'), requesterNumber: '081999888777' });
    expect(ayu).toMatchObject({ added: 6 });
    expect(ayu.conversation.firstResponseAt).toBe(wita(2026, 12, 1, 8, 10));
    const made = await core.must('whatsapp.importChat', { ...upload('ios-en.txt'), requesterNumber: '+62 878 1234 5678' });
    expect(made).toMatchObject({ added: 6 });
    const madeLines = (await core.must('messages.list', { conversationId: made.conversation.id })).filter((m) => m.direction !== 'activity').sort(byTime);
    expect(madeLines.map((m) => m.createdAt)).toEqual([
      wita(2026, 11, 30, 23, 58, 40),
      wita(2026, 11, 30, 23, 59, 59),
      wita(2026, 12, 1, 0, 0, 30),
      wita(2026, 12, 1, 0, 1, 5),
      wita(2026, 12, 1, 8, 30),
      wita(2026, 12, 1, 13, 2, 17),
    ]);
    expect(madeLines.some((m) => /end-to-end/.test(m.text))).toBe(false);
    expect(made.conversation.requester.name).toBe('Made Wirawan');
  });

  it('a phone on WIB wrote its own clock: the same lines land an hour later in WITA', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    const made = await core.must('whatsapp.importChat', { ...upload('ios-en.txt'), requesterNumber: '+62 878 1234 5678', timeZone: 'Asia/Jakarta' });
    const lines = (await core.must('messages.list', { conversationId: made.conversation.id })).filter((m) => m.direction !== 'activity').sort(byTime);
    // 23.58.40 WIB on 30 November is 00.58.40 WITA on 1 December.
    expect(lines.map((m) => m.createdAt)).toEqual([
      wita(2026, 12, 1, 0, 58, 40),
      wita(2026, 12, 1, 0, 59, 59),
      wita(2026, 12, 1, 1, 0, 30),
      wita(2026, 12, 1, 1, 1, 5),
      wita(2026, 12, 1, 9, 30),
      wita(2026, 12, 1, 14, 2, 17),
    ]);
    expect(await core.call('whatsapp.importChat', { ...upload('ios-en.txt'), timeZone: 'Europe/London' } as never)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
  });

  it('refuses what it cannot place: no number for a saved contact, a chat into another channel, a file that is no export', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    expect(await core.call('whatsapp.importChat', upload('android-id.txt'))).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const walkIn = await core.must('conversations.createWalkIn', { via: 'telepon', requester: { name: 'Budi' }, need: 'Data penduduk' });
    expect(await core.call('whatsapp.importChat', { ...upload('android-id.txt'), requesterNumber: '0812 9876 5432', conversationId: walkIn.id })).toMatchObject(
      {
        ok: false,
        error: { kind: 'conflict' },
      },
    );
    const notAChat = { fileName: 'catatan.txt', contentBase64: Buffer.from('Daftar belanja\n- kopi\n- gula').toString('base64') };
    expect(await core.call('whatsapp.importChat', notAChat)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(core.services.db.prepare("SELECT count(*) FROM messages WHERE channel = 'whatsapp'").pluck().get()).toBe(0);
  });

  it('answered by click-to-chat, closed, rated from the WhatsApp answer, and counted in its own row of the weekly report', async () => {
    let now = FRIDAY_10;
    core = await startCoreWithAdmin({ now: () => now });
    await office();
    const { conversation } = await core.must('whatsapp.importChat', { ...upload('ios-id.txt'), requesterNumber: '081999888777' });
    // Sending from the console is not possible on WhatsApp: the reply leaves from the office phone.
    expect(await core.call('messages.send', { conversationId: conversation.id, text: 'Data terlampir' })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    now += 5 * 60_000;
    const reply = await core.must('messages.recordAnswer', {
      conversationId: conversation.id,
      text: 'Data kunjungan wisatawan 2025 kami kirim lewat email.',
      via: 'whatsapp',
    });
    expect(reply).toMatchObject({ direction: 'outgoing', channel: 'whatsapp', delivery: 'sent', authorOfficerId: 1 });
    expect(core.services.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    const topic = (await core.must('workflow.getSettings', {})).topics[0]!;
    await core.must('conversations.resolve', { id: conversation.id, summary: 'Data dikirim', topic });
    const rating = await core.must('ratings.record', { conversationId: conversation.id, score: 5, feedback: 'Cepat sekali', via: 'whatsapp' });
    expect(rating).toMatchObject({ score: 5, feedback: 'Cepat sekali', source: 'whatsapp' });
    const report = await core.must('reports.build', { period: { kind: 'week', week: '2026-W49' } });
    expect(report.byChannel.find((r) => r.channel === 'whatsapp')).toMatchObject({ label: 'WhatsApp', newCount: 1, resolvedCount: 1 });
  });

  it('opened by the officer from the number: the requester known by that number keeps one history, and the export joins it later', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    const desk = await core.must('conversations.createWalkIn', {
      via: 'langsung',
      requester: { name: 'Ni Luh Putu Ayu', whatsapp: '0819 9988 8777' },
      need: 'Data hotel',
    });
    const opened = await core.must('conversations.createWalkIn', {
      via: 'whatsapp',
      requester: { name: 'Ayu', whatsapp: '+62 819-9988-8777' },
      need: 'Mohon data kunjungan wisatawan 2025 per bulan',
    });
    expect(opened).toMatchObject({ channel: 'whatsapp', subject: 'Konsultasi WhatsApp', requesterId: desk.requesterId, assigneeId: 1 });
    // Without a number there is nobody to answer on WhatsApp.
    expect(await core.call('conversations.createWalkIn', { via: 'whatsapp', requester: { name: 'Tanpa nomor' }, need: 'Data' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    const joined = await core.must('whatsapp.importChat', { ...upload('ios-id.txt'), conversationId: opened.id });
    expect(joined).toMatchObject({ added: 6, requesterNumber: '+6281999888777' });
    expect(joined.conversation.id).toBe(opened.id);
    // A chat of someone else's number does not go into her consultation.
    expect(await core.call('whatsapp.importChat', { ...upload('android-en.txt'), conversationId: opened.id })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
  });

  it('a labelled identity block in the chat is read as in email, and the number is the WhatsApp requirement itself', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    const chat = [
      '03/12/26 09.00 - +62 857-3711-2468: Selamat pagi, mau minta data',
      '03/12/26 09.02 - PST BPS Buleleng: Selamat pagi, mohon isi identitas berikut ya',
      '03/12/26 09.10 - +62 857-3711-2468: *Nama:* Kadek Dwi Lestari',
      'Instansi: Universitas Pendidikan Ganesha',
      'Pekerjaan: Mahasiswa',
      'Email: Kadek.Dwi@undiksha.ac.id',
      'Keperluan: Data IPM Kabupaten Buleleng 2020-2024 untuk skripsi',
    ].join('\n');
    const result = await core.must('whatsapp.importChat', {
      fileName: 'Chat WhatsApp dengan +62 857-3711-2468.txt',
      contentBase64: Buffer.from(chat).toString('base64'),
    });
    expect(result.conversation.requester).toMatchObject({
      name: 'Kadek Dwi Lestari',
      institution: 'Universitas Pendidikan Ganesha',
      email: 'kadek.dwi@undiksha.ac.id',
      whatsapp: '+6285737112468',
    });
    expect(result.conversation.need).toBe('Data IPM Kabupaten Buleleng 2020-2024 untuk skripsi');
    // Everything the standard asks is there: the clock runs.
    expect(result.conversation.status).toBe('in_progress');
    // From the block's arrival on Thursday 09.10, not from the import on Friday: due Tuesday 09.10.
    expect(result.conversation.requirementsCompleteAt).toBe(wita(2026, 12, 3, 9, 10));
    expect(result.conversation.slaDueAt).toBe(wita(2026, 12, 8, 9, 10));
    expect(result.conversation.firstResponseAt).toBe(wita(2026, 12, 3, 9, 2));
  });

  it('an answer sent by click-to-chat and confirmed is not imported a second time from the longer export', async () => {
    let now = wita(2026, 12, 1, 9, 30);
    core = await startCoreWithAdmin({ now: () => now });
    await office();
    const { conversation } = await core.must('whatsapp.importChat', { ...upload('android-id.txt'), requesterNumber: '0812 9876 5432' });
    // Sent from WhatsApp Desktop at 09.40, confirmed in the console a minute later.
    now = wita(2026, 12, 1, 9, 41);
    await core.must('messages.recordAnswer', {
      conversationId: conversation.id,
      text: 'Data penduduk per kecamatan 2020-2025 ada di publikasi Kabupaten Buleleng Dalam Angka, tabel 3.1.',
      via: 'whatsapp',
    });
    now = wita(2026, 12, 1, 9, 50);
    const longer = await core.must('whatsapp.importChat', { ...upload('android-id-longer.txt'), conversationId: conversation.id });
    expect(longer).toMatchObject({ added: 1, alreadyThere: 7 });
    const lines = (await core.must('messages.list', { conversationId: conversation.id })).filter((m) => m.text.includes('tabel 3.1'));
    expect(lines.map((m) => m.origin)).toEqual(['answered_by_whatsapp']);
    // Again: still nothing new.
    expect(await core.must('whatsapp.importChat', { ...upload('android-id-longer.txt'), conversationId: conversation.id })).toMatchObject({
      added: 0,
      alreadyThere: 8,
    });
  });

  it('a zip that unpacks to far more than any chat export is stopped while unpacking; a broken zip is said as such', async () => {
    core = await startCoreWithAdmin({ now: () => FRIDAY_10 });
    await office();
    const zip = new JSZip();
    zip.file('WhatsApp Chat with +62 812-3456-7890.txt', bytes('android-en.txt'));
    // 101 MB of zeros deflate to about 100 KB.
    zip.file('VID-20261201-WA0002.mp4', Buffer.alloc(101 * 1024 * 1024));
    const packed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(packed.length).toBeLessThan(2 * 1024 * 1024);
    expect(await core.call('whatsapp.importChat', { fileName: 'bom.zip', contentBase64: packed.toString('base64') })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', message: expect.stringContaining('100 MB') },
    });
    const broken = Buffer.concat([bytes('android-en-media.zip').subarray(0, 400), Buffer.alloc(200, 7)]);
    expect(await core.call('whatsapp.importChat', { fileName: 'rusak.zip', contentBase64: broken.toString('base64') })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', message: 'Berkas ZIP tidak dapat dibaca' },
    });
    expect(core.services.db.prepare("SELECT count(*) FROM messages WHERE channel = 'whatsapp'").pluck().get()).toBe(0);
  }, 30_000);

  it('a chat going on weeks after its consultation was closed continues in one new consultation, as any channel would', async () => {
    let now = wita(2026, 12, 1, 10, 0);
    core = await startCoreWithAdmin({ now: () => now });
    await office();
    const { conversation } = await core.must('whatsapp.importChat', { ...upload('android-id.txt'), requesterNumber: '0812 9876 5432' });
    const topic = (await core.must('workflow.getSettings', {})).topics[0]!;
    await core.must('conversations.resolve', { id: conversation.id, summary: 'Dijawab', topic });
    now = wita(2027, 1, 20, 10, 0);
    await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const later = `${bytes('android-id.txt').toString('utf8')}19/01/27 09.00 - Budi Santoso: Selamat pagi, saya perlu data lagi\n19/01/27 09.01 - Budi Santoso: Data IPM 2025\n19/01/27 09.30 - PST BPS Buleleng: Baik, kami proses\n`;
    const result = await core.must('whatsapp.importChat', {
      fileName: 'Chat WhatsApp dengan Budi Santoso.txt',
      contentBase64: Buffer.from(later).toString('base64'),
      conversationId: conversation.id,
    });
    expect(result).toMatchObject({ added: 3, alreadyThere: 6 });
    expect(result.conversation.id).not.toBe(conversation.id);
    expect(result.conversation.ticket).toMatch(/^KONS-5108-20270119-\d{4}$/);
    const lines = (await core.must('messages.list', { conversationId: result.conversation.id })).filter((m) => m.direction !== 'activity').sort(byTime);
    expect(lines.map((m) => m.text)).toEqual(['Selamat pagi, saya perlu data lagi', 'Data IPM 2025', 'Baik, kami proses']);
    expect(core.services.db.prepare("SELECT count(*) FROM conversations WHERE channel = 'whatsapp'").pluck().get()).toBe(2);
  });
});
