// The intake asks for a clear need and forgives what people type on their phones: emoji-only
// answers refused with a helpful prompt, "mhs" or "Mahasiswa S1" for the occupation, "-" for no
// institution, a need already written in the first message offered back, unknown commands answered,
// and a short first contact. Against the Bot API emulator, as a requester would meet it.
import { afterEach, describe, expect, it } from 'vitest';
import type { SentRecord, TestUser } from '../peers/telegram';
import { testUser } from '../peers/telegram';
import { eventually, startTelegramHarness, type TelegramHarness } from '../helpers/telegram';

let h: TelegramHarness;
afterEach(async () => {
  await h?.close();
});

/** Waits for a bot message to `user` containing `text`, sent after the first `skip` messages. */
async function said(user: TestUser, text: string, skip = 0): Promise<SentRecord & { index: number }> {
  return eventually(
    () => {
      const sent = h.emulator.sentTo(user.id);
      const index = sent.findIndex((r, i) => i >= skip && (r.text ?? '').includes(text));
      return index >= 0 ? { ...sent[index]!, index } : undefined;
    },
    5_000,
    `"${text}" to ${user.id}`,
  );
}
const count = (user: TestUser) => h.emulator.sentTo(user.id).length;
const buttonsOf = (r: SentRecord) => (r.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();

function conversationOf(userId: number) {
  return h.core.services.db
    .prepare('SELECT c.* FROM conversations c JOIN channel_identities ci ON ci.requester_id = c.requester_id WHERE ci.source_id = ? ORDER BY c.id DESC LIMIT 1')
    .get(String(userId)) as { id: number; status: string; need: string | null; requirements_complete_at: number | null; requester_id: number };
}

/** Answers one question and waits for the next one to contain `next`. */
async function answer(user: TestUser, text: string, next: string): Promise<SentRecord & { index: number }> {
  const mark = count(user);
  h.emulator.userSendsText(user, text);
  return said(user, next, mark);
}

describe('Telegram intake: a clear need and forgiving answers', () => {
  it('refuses an emoji-only name and need with a helpful prompt, takes "-" and "mhs", and starts the clock only with a clear need', async () => {
    h = await startTelegramHarness();
    const user = testUser({ firstName: 'Kadek', username: 'kadek_ayu' });
    h.emulator.userSendsText(user, '/start');
    const ack = await said(user, 'KONS-5108-');
    // Short first contact: ticket, free, hours and the promise; the requirements are asked next, not listed.
    expect(ack.text!.split('\n').length).toBeLessThanOrEqual(8);
    expect(ack.text).toContain('GRATIS');
    expect(ack.text).toContain('Permintaan diselesaikan paling lambat 3 hari kerja sejak persyaratan lengkap');
    expect(ack.text).not.toContain('Alamat email aktif');
    await said(user, 'nama lengkap', ack.index + 1);

    await answer(user, '🙏🙏🙏', 'dengan huruf');
    await answer(user, 'Ni Kadek Ayu Wulandari', 'instansi');
    await answer(user, '-', 'email aktif');
    await answer(user, 'kadek.ayu@gmail.com', 'WhatsApp');
    await answer(user, '081337001122', 'pekerjaan');
    await answer(user, 'mhs', 'keperluan');
    const refused = await answer(user, '👍', 'Mohon jelaskan data apa yang Anda butuhkan, misalnya: jumlah penduduk per kecamatan tahun 2024');
    expect(refused.text).toContain('Mohon jelaskan data apa yang Anda butuhkan');
    // Not clear yet: the 3-working-day clock has not started.
    expect(conversationOf(user.id)).toMatchObject({ need: null, requirements_complete_at: null });
    expect(['new', 'awaiting_requirements']).toContain(conversationOf(user.id).status);
    await answer(user, 'data', 'Mohon jelaskan data apa');

    const summary = await answer(user, 'Jumlah penduduk per kecamatan di Buleleng tahun 2024', 'sudah lengkap');
    expect(summary.text).toContain('Instansi: Perorangan');
    expect(summary.text).toContain('Pekerjaan: Pelajar/Mahasiswa');
    const c = conversationOf(user.id);
    expect(c.status).toBe('in_progress');
    expect(c.need).toBe('Jumlah penduduk per kecamatan di Buleleng tahun 2024');
    const requester = h.core.services.db.prepare('SELECT name, institution, individual, occupation FROM requesters WHERE id = ?').get(c.requester_id);
    expect(requester).toEqual({ name: 'Ni Kadek Ayu Wulandari', institution: null, individual: 1, occupation: 'Pelajar/Mahasiswa' });
    expect((await h.must('requesters.get', { id: c.requester_id })).institution).toBe('Perorangan');

    // The weekly report counts her as "Perorangan", not as an institution called "-".
    const report = await h.must('reports.build', { period: { kind: 'week', week: '2026-W02' } });
    expect(report.requesters.byInstitution.map((r) => r.label)).toContain('Perorangan');
    expect(report.requesters.byInstitution.map((r) => r.label)).not.toContain('-');

    // /start now says the same promise as the acknowledgement.
    const start = await answer(user, '/start', 'sedang kami proses');
    expect(start.text).toContain('Permintaan diselesaikan paling lambat 3 hari kerja sejak persyaratan lengkap');
  });

  it('takes typed occupations ("Mahasiswa S1", "pns"), and asks to confirm a guess with its button first', async () => {
    h = await startTelegramHarness();
    const sure = testUser({ firstName: 'Gede' });
    h.emulator.userSendsText(sure, '/start');
    await said(sure, 'nama lengkap');
    await answer(sure, 'I Gede Putra', 'instansi');
    await answer(sure, 'Universitas Pendidikan Ganesha', 'email aktif');
    await answer(sure, 'gede@undiksha.ac.id', 'WhatsApp');
    await answer(sure, '+62 812 3456 7000', 'pekerjaan');
    await answer(sure, 'Mahasiswa S1', 'keperluan');
    expect(h.core.services.db.prepare('SELECT occupation FROM requesters WHERE id = ?').pluck().get(conversationOf(sure.id).requester_id)).toBe(
      'Pelajar/Mahasiswa',
    );

    const guess = testUser({ firstName: 'Nyoman' });
    h.emulator.userSendsText(guess, '/start');
    await said(guess, 'nama lengkap');
    await answer(guess, 'Nyoman Sudiarta', 'instansi');
    await answer(guess, 'Dinas Kesehatan Kabupaten Buleleng', 'email aktif');
    await answer(guess, 'nyoman.s@bulelengkab.go.id', 'WhatsApp');
    await answer(guess, '0819-1234-5678', 'pekerjaan');
    await answer(guess, 'pns', 'keperluan');
    expect(h.core.services.db.prepare('SELECT occupation FROM requesters WHERE id = ?').pluck().get(conversationOf(guess.id).requester_id)).toBe(
      'ASN/TNI/Polri',
    );
    // Correct it by typing something less certain: the bot guesses and asks to confirm.
    const summaryMark = count(guess);
    await answer(guess, 'Data angka kematian bayi Buleleng 2023', 'sudah lengkap');
    const summary = h.emulator.sentTo(guess.id)[count(guess) - 1]!;
    expect(count(guess)).toBeGreaterThan(summaryMark);
    let mark = count(guess);
    h.emulator.userPressesButton(guess, summary.messageId, 'i:e:occupation');
    await said(guess, 'pekerjaan', mark);
    const confirm = await answer(guess, 'mahasiswa pascasarjana undiksha', 'Apakah maksud Anda Pelajar/Mahasiswa?');
    const buttons = buttonsOf(confirm);
    expect(buttons[0]!.text).toBe('✔ Pelajar/Mahasiswa');
    expect(buttons).toHaveLength(7);
    mark = count(guess);
    h.emulator.userPressesButton(guess, confirm.messageId, buttons[0]!.callback_data);
    await said(guess, 'Pekerjaan sudah diubah', mark);
    expect(h.core.services.db.prepare('SELECT occupation FROM requesters WHERE id = ?').pluck().get(conversationOf(guess.id).requester_id)).toBe(
      'Pelajar/Mahasiswa',
    );
  });

  it('offers back a need the first message already stated, instead of asking it again', async () => {
    h = await startTelegramHarness();
    const user = testUser({ firstName: 'Luh', username: 'luh_sari' });
    const first = 'Selamat pagi kak 🙏 saya perlu data IPM Kabupaten Buleleng 2019-2024 untuk skripsi';
    h.emulator.userSendsText(user, first);
    await said(user, 'nama lengkap');
    await answer(user, 'Luh Sari', 'instansi');
    await answer(user, 'Universitas Udayana', 'email aktif');
    await answer(user, 'luhsari@student.unud.ac.id', 'WhatsApp');
    await answer(user, '081200001111', 'pekerjaan');
    const offer = await answer(user, 'mahasiswa', 'Apakah ini keperluan Anda?');
    expect(offer.text).toContain(first);
    expect(offer.text).not.toContain('jelaskan keperluan Anda dan data apa');
    const [yes] = buttonsOf(offer);
    expect(yes!.text).toBe('Ya, benar');
    const mark = count(user);
    const press = h.emulator.userPressesButton(user, offer.messageId, yes!.callback_data);
    expect((await h.emulator.waitForCallbackAnswer(press.queryId)).answer?.text).toBe('Keperluan tersimpan.');
    await said(user, 'sudah lengkap', mark);
    expect(conversationOf(user.id)).toMatchObject({ status: 'in_progress', need: first });

    // A returning requester, weeks later, whose first message states the need: only that is offered.
    const earlier = conversationOf(user.id).id;
    await h.must('conversations.resolve', { id: earlier, summary: 'Data IPM dikirim', topic: 'IPM' });
    h.advance(15 * 24 * 3_600_000);
    const again = 'Mohon data jumlah wisatawan mancanegara di Lovina tahun 2024';
    const back = count(user);
    h.emulator.userSendsText(user, again);
    const offered = await said(user, 'Apakah ini keperluan Anda?', back);
    expect(offered.text).toContain(again);
    expect(
      h.emulator
        .sentTo(user.id)
        .slice(back)
        .some((r) => r.text?.includes('nama lengkap')),
    ).toBe(false);
    expect(conversationOf(user.id).id).not.toBe(earlier);
    // Typing another need instead of pressing the button is taken as the answer.
    await answer(user, 'Jumlah wisatawan mancanegara per bulan di Kecamatan Buleleng tahun 2024', 'sudah lengkap');
    expect(conversationOf(user.id).need).toBe('Jumlah wisatawan mancanegara per bulan di Kecamatan Buleleng tahun 2024');
  });

  it('answers an unknown command with the help text, then repeats the question it was asking; /start keeps the promise wording', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    h.emulator.userSendsText(user, '/start');
    await said(user, 'nama lengkap');
    const mark = count(user);
    h.emulator.userSendsText(user, '/foo');
    const help = await said(user, 'tidak kami kenal', mark);
    expect(help.text).toContain('/bantuan');
    expect(help.text).toContain('/status');
    await said(user, 'nama lengkap', help.index + 1);
    // The typo is a timeline line, not an answer: the name is still empty.
    expect(h.core.services.db.prepare('SELECT name FROM requesters WHERE id = ?').pluck().get(conversationOf(user.id).requester_id)).toBeNull();
    // /start mid-intake words the promise as the acknowledgement does, then asks again.
    const restart = await answer(user, '/start', 'Kita lanjutkan');
    expect(restart.text).toContain('Permintaan diselesaikan paling lambat 3 hari kerja sejak persyaratan lengkap');
    expect(restart.text).not.toContain('dijawab');
    await said(user, 'nama lengkap', restart.index + 1);
  });
});
