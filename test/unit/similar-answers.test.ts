import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

/**
 * Similar past consultations as an officer meets them: a new request for population figures
 * brings up how the office answered such a request before, in the office's words only, and the
 * answer taken as a draft greets the new requester. The earlier requester's name, ticket,
 * institution and contacts are planted in the reply to prove they never come along.
 */
let core: TestCore;
afterEach(() => core.dispose());

const KOMANG = { username: 'komang', displayName: 'Komang Wirawan', role: 'officer' as const, password: 'sandi-komang-kuat' };
const XLSX = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(1500, 0x41)]);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let clock = Date.UTC(2026, 10, 2, 2); // Monday 10:00 WITA
const tick = () => (clock += 3_600_000);

async function officer() {
  await core.must('officers.create', KOMANG);
  const session = memorySession();
  await core.must('auth.login', { username: KOMANG.username, password: KOMANG.password }, session);
  return session;
}

function ask(n: number, who: { name: string; email: string }, subject: string, text: string): number {
  return ingest(core.services, {
    channel: 'email',
    externalId: `<req-${n}@mail.example.test>`,
    sourceId: who.email,
    receivedAt: tick(),
    subject,
    text,
    requester: { name: who.name, email: who.email },
    thread: { mode: 'explicit' },
  }).conversationId;
}

describe('similar past consultations', () => {
  it('offers the office’s earlier answer without the earlier requester, and drafts it for the new one', async () => {
    core = await startCoreWithAdmin({ now: () => clock });
    const komang = await officer();

    // Earlier: Ni Luh Putu Sukaningsih of Undiksha asked for population by kecamatan.
    const sukaningsih = { name: 'Ni Luh Putu Sukaningsih', email: 'sukaningsih.putu@undiksha.ac.id' };
    const first = ask(
      1,
      sukaningsih,
      'Permohonan data penduduk',
      'Selamat pagi, saya Sukaningsih (WA 081337001122), mohon data jumlah penduduk per kecamatan Buleleng tahun 2024 untuk skripsi.',
    );
    await core.must(
      'conversations.updateRequirements',
      { id: first, requester: { institution: 'Universitas Pendidikan Ganesha', whatsapp: '081337001122' } },
      komang,
    );
    const ticket = (await core.must('conversations.get', { id: first })).ticket;
    const reply = `Yth. Ni Luh Putu Sukaningsih,\n\nData jumlah penduduk menurut kecamatan di Kabupaten Buleleng tahun 2024 kami lampirkan (tabel Excel), dari publikasi Kabupaten Buleleng Dalam Angka 2025. Bu Sukaningsih dapat mengutip sumber "BPS Kabupaten Buleleng". Bila ada pertanyaan, balas dengan nomor tiket ${ticket} atau hubungi kami; kami juga sudah mengirim salinan ke sukaningsih.putu@undiksha.ac.id dan WA +6281337001122 (Universitas Pendidikan Ganesha).\n\nSalam,\nPST BPS Kabupaten Buleleng`;
    await core.must(
      'messages.send',
      {
        conversationId: first,
        text: reply,
        attachments: [{ fileName: 'Penduduk per Kecamatan 2024.xlsx', mimeType: XLSX_TYPE, contentBase64: XLSX.toString('base64') }],
      },
      komang,
    );
    tick();
    await core.must(
      'conversations.resolve',
      { id: first, summary: 'Diberikan tabel penduduk per kecamatan 2024 (Buleleng Dalam Angka 2025)', topic: 'Kependudukan' },
      komang,
    );

    // Earlier too, unrelated: inflation in Singaraja.
    const other = ask(
      2,
      { name: 'Gede Arimbawa', email: 'gede.arimbawa@gmail.com' },
      'Inflasi Singaraja',
      'Mohon data inflasi Kota Singaraja bulan Oktober 2025.',
    );
    await core.must(
      'messages.send',
      { conversationId: other, text: 'Yth. Gede Arimbawa, inflasi Kota Singaraja Oktober 2025 ada di Berita Resmi Statistik bulan November 2025.' },
      komang,
    );
    await core.must('conversations.resolve', { id: other, summary: 'BRS inflasi Oktober 2025', topic: 'Harga/Inflasi' }, komang);

    // Still open, so never offered, though it asks the same.
    const open = ask(3, { name: 'Wayan Sudarma', email: 'wayan.s@bulelengkab.go.id' }, 'Data penduduk', 'Mohon data jumlah penduduk per kecamatan.');
    await core.must('messages.send', { conversationId: open, text: 'Sedang kami siapkan, Pak Wayan.' }, komang);

    // Now: a student writes informally, with a typo-free key word and a year.
    const now = ask(
      4,
      { name: 'Kadek Ayu Pramesti', email: 'kadek.pramesti@student.stikom-bali.ac.id' },
      'tanya data',
      'halo kak, mau minta info jumlah pddk tiap kecamatan di buleleng thn 2024 dong, buat tugas. makasih',
    );
    const suggestions = await core.must('similar.suggest', { conversationId: now }, komang);
    expect(suggestions.map((s) => s.conversationId)).toEqual([first]);
    const [best] = suggestions;
    expect(best).toMatchObject({ topic: 'Kependudukan', files: [{ fileName: 'Penduduk per Kecamatan 2024.xlsx', mimeType: XLSX_TYPE, size: XLSX.length }] });
    expect(best!.resolvedAt).toBeGreaterThan(0);
    expect(best!.answer).toMatch(/^Yth\. \{nama\},/);
    expect(best!.answer).toContain('{nama} dapat mengutip');
    expect(best!.answer).toContain('nomor tiket {tiket}');
    // Nothing of hers, and nothing she wrote.
    const shown = JSON.stringify(suggestions);
    for (const planted of ['Sukaningsih', 'Luh Putu', 'undiksha', ticket, '081337001122', 'skripsi'])
      expect(shown.toLowerCase()).not.toContain(planted.toLowerCase());

    // Taken as a draft: refilled for Kadek, the file comes along.
    const draft = await core.must('similar.useAsDraft', { conversationId: now, sourceConversationId: first }, komang);
    const nowTicket = (await core.must('conversations.get', { id: now })).ticket;
    expect(draft.text).toMatch(/^Yth\. Kadek Ayu Pramesti,/);
    expect(draft.text).toContain(`nomor tiket ${nowTicket}`);
    expect(draft.text).toContain('kadek.pramesti@student.stikom-bali.ac.id');
    expect(draft.text).not.toMatch(/Sukaningsih|undiksha/i);
    expect(draft.files).toEqual([
      { fileName: 'Penduduk per Kecamatan 2024.xlsx', mimeType: XLSX_TYPE, size: XLSX.length, contentBase64: XLSX.toString('base64') },
    ]);

    // Sent with one word changed: counted as used and edited.
    await core.must('messages.send', { conversationId: now, text: draft.text.replace('kami lampirkan', 'terlampir') }, komang);
    const uses = core.services.db
      .prepare(
        'SELECT source_conversation_id AS source, used_at IS NOT NULL AS used, sent_message_id IS NOT NULL AS sent, edited FROM similar_uses WHERE conversation_id = ?',
      )
      .all(now);
    expect(uses).toEqual([{ source: first, used: 1, sent: 1, edited: 1 }]);
  });

  it('an anonymised consultation still serves with the office’s answer; its need leaves the index', async () => {
    core = await startCoreWithAdmin({ now: () => clock });
    const komang = await officer();
    const first = ask(
      1,
      { name: 'Putu Eka Saputra', email: 'eka.saputra@gmail.com' },
      'Data kemiskinan',
      'Mohon data persentase penduduk miskin Buleleng 2020-2024 untuk Desa Pemuteran.',
    );
    await core.must(
      'messages.send',
      {
        conversationId: first,
        text: 'Yth. Putu Eka Saputra, persentase penduduk miskin Buleleng 2020-2024 ada pada tabel Kemiskinan di website BPS Kabupaten Buleleng.',
      },
      komang,
    );
    await core.must('conversations.resolve', { id: first, summary: 'Tabel persentase penduduk miskin 2020-2024', topic: 'Kemiskinan' }, komang);
    const requesterId = (await core.must('conversations.get', { id: first })).requester.id;
    await core.must('requesters.erase', { id: requesterId, reason: 'Permintaan pengguna layanan' });

    const now = ask(2, { name: 'Made Suartini', email: 'made.suartini@yahoo.co.id' }, 'kemiskinan', 'Mohon info data kemiskinan buleleng terbaru');
    const [best] = await core.must('similar.suggest', { conversationId: now }, komang);
    expect(best).toMatchObject({
      conversationId: first,
      topic: 'Kemiskinan',
      answer: 'Yth. {nama}, persentase penduduk miskin Buleleng 2020-2024 ada pada tabel Kemiskinan di website BPS Kabupaten Buleleng.',
    });
    // "Pemuteran" was only in what Putu asked: it is gone from the index.
    const pemuteran = ask(3, { name: 'Komang Ari', email: 'komang.ari@gmail.com' }, 'Pemuteran', 'Pemuteran');
    expect(await core.must('similar.suggest', { conversationId: pemuteran }, komang)).toEqual([]);
  });

  it('a reopened consultation is not offered; closed again, it is offered with its newest answer', async () => {
    core = await startCoreWithAdmin({ now: () => clock });
    const komang = await officer();
    const first = ask(1, { name: 'Ketut Mertayasa', email: 'ketut.m@gmail.com' }, 'TPK hotel', 'Mohon data tingkat penghunian kamar hotel Buleleng 2025');
    await core.must('messages.send', { conversationId: first, text: 'TPK hotel Buleleng 2025 belum rilis.' }, komang);
    await core.must('conversations.resolve', { id: first, summary: 'belum rilis', topic: 'Pariwisata' }, komang);
    await core.must('conversations.reopen', { id: first, reason: 'sudah rilis' }, komang);
    const now = ask(2, { name: 'Luh Sari', email: 'luh.sari@gmail.com' }, 'hotel', 'tingkat penghunian kamar hotel 2025?');
    expect(await core.must('similar.suggest', { conversationId: now }, komang)).toEqual([]);
    await core.must('messages.send', { conversationId: first, text: 'TPK hotel Buleleng 2025 sudah rilis: 58,3 persen.' }, komang);
    await core.must('conversations.resolve', { id: first, summary: 'TPK 2025', topic: 'Pariwisata' }, komang);
    expect((await core.must('similar.suggest', { conversationId: now }, komang)).map((s) => s.answer)).toEqual([
      'TPK hotel Buleleng 2025 sudah rilis: 58,3 persen.',
    ]);
  });
});

describe('similar past consultations in the weekly report', () => {
  it('counts consultations answered with an earlier answer, and those edited before sending', async () => {
    core = await startCoreWithAdmin({ now: () => clock });
    const komang = await officer();
    const earlier = ask(1, { name: 'Ketut Widana', email: 'ketut.widana@gmail.com' }, 'IPM', 'Mohon data IPM Kabupaten Buleleng 2020-2024');
    await core.must(
      'messages.send',
      { conversationId: earlier, text: 'Yth. Ketut Widana, IPM Buleleng 2020-2024 ada pada publikasi IPM Kabupaten Buleleng.' },
      komang,
    );
    await core.must('conversations.resolve', { id: earlier, summary: 'Publikasi IPM', topic: 'IPM' }, komang);

    const asTaken = ask(2, { name: 'Ayu Candra', email: 'ayu.candra@gmail.com' }, 'IPM', 'data ipm buleleng dong kak');
    const edited = ask(3, { name: 'Gede Suarjana', email: 'gede.suarjana@gmail.com' }, 'IPM', 'Indeks Pembangunan Manusia Buleleng');
    const shownOnly = ask(4, { name: 'Made Rai', email: 'made.rai@gmail.com' }, 'IPM', 'IPM kabupaten buleleng terbaru');
    for (const id of [asTaken, edited, shownOnly])
      expect((await core.must('similar.suggest', { conversationId: id }, komang)).map((s) => s.conversationId)).toEqual([earlier]);
    const a = await core.must('similar.useAsDraft', { conversationId: asTaken, sourceConversationId: earlier }, komang);
    await core.must('messages.send', { conversationId: asTaken, text: a.text }, komang);
    const b = await core.must('similar.useAsDraft', { conversationId: edited, sourceConversationId: earlier }, komang);
    await core.must('messages.send', { conversationId: edited, text: `${b.text} Data 2025 rilis Desember.` }, komang);
    await core.must('messages.send', { conversationId: shownOnly, text: 'Yth. Made Rai, IPM terbaru: 74,36 (2024).' }, komang);
    for (const id of [asTaken, edited, shownOnly]) await core.must('conversations.resolve', { id, summary: 'IPM', topic: 'IPM' }, komang);

    const report = await core.must('reports.build', { period: { kind: 'month', month: '2026-11' } });
    expect(report.summary).toMatchObject({ resolvedCount: 4, similarShown: 3, answeredWithEarlier: 2, answeredWithEarlierEdited: 1 });
  });
});
