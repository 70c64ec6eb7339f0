// The workflow seen from Telegram: the out-of-hours reply once per closed period, the star rating
// after closure (native buttons, feedback text, late and repeated presses), the SKM survey.
import { afterEach, describe, expect, it } from 'vitest';
import { testUser, type SentRecord, type TestUser } from '../peers/telegram';
import { eventually, SATURDAY_10_WITA, startTelegramHarness, type TelegramHarness } from '../helpers/telegram';

let h: TelegramHarness;
afterEach(async () => {
  await h?.close();
});

const db = () => h.core.services.db;
const HOUR = 3_600_000;

async function firstContact(user: TestUser): Promise<number> {
  const m = h.emulator.userSendsText(user, 'Saya perlu data kunjungan wisatawan');
  const row = await eventually(
    () =>
      db().prepare("SELECT conversation_id AS id FROM messages WHERE channel = 'telegram' AND external_id = ?").get(`${user.id}:${m.message_id}`) as
        { id: number } | undefined,
  );
  await h.emulator.waitForSent(user.id, (r) => r.text?.includes('nama lengkap') ?? false);
  return row.id;
}

async function waitRecord(user: TestUser, predicate: (r: SentRecord) => boolean, what: string): Promise<SentRecord> {
  return eventually(() => h.emulator.sentTo(user.id).find(predicate), 5_000, what);
}

const outOfHoursCount = (user: TestUser) => h.emulator.sentTo(user.id).filter((r) => r.text?.includes('di luar jam layanan')).length;

function ratingOf(conversationId: number) {
  return db().prepare('SELECT * FROM ratings WHERE conversation_id = ?').get(conversationId) as Record<string, number | string | null> | undefined;
}
const statusOf = (id: number) => (db().prepare('SELECT status FROM conversations WHERE id = ?').get(id) as { status: string }).status;

describe('Telegram and the service workflow', () => {
  it('answers outside service hours once per closed period', async () => {
    h = await startTelegramHarness({ at: SATURDAY_10_WITA });
    const user = testUser();
    await firstContact(user);
    await eventually(() => outOfHoursCount(user) === 1, 5_000, 'out-of-hours paragraph');
    h.emulator.userSendsText(user, 'Wayan Sudarma');
    await h.emulator.waitForSent(user.id, (r) => r.text?.includes('instansi') ?? false);
    h.emulator.userSendsText(user, 'Dinas Pariwisata');
    await h.emulator.waitForSent(user.id, (r) => r.text?.includes('email aktif') ?? false);
    expect(outOfHoursCount(user)).toBe(1);

    // Monday 16:00 WITA: a new closed period (after Monday's opening hours) gets its own reply.
    h.advance(2 * 24 * HOUR + 6 * HOUR);
    h.emulator.userSendsText(user, 'wayan@gmail.com');
    await h.emulator.waitForSent(user.id, (r) => r.text?.includes('WhatsApp') ?? false);
    await eventually(() => outOfHoursCount(user) === 2, 5_000, 'second out-of-hours reply');
  });

  it('asks for stars after closure, stores the press and the feedback, and answers late presses gracefully', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    const conversationId = await firstContact(user);
    await h.must('conversations.resolve', { id: conversationId, summary: 'Data wisatawan 2025 dikirim', topic: 'Pariwisata' });
    const request = await waitRecord(user, (r) => r.text?.includes('pilih 1 sampai 5') ?? false, 'rating request');
    const keyboard = (request.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(keyboard).toHaveLength(5);
    for (const b of keyboard) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

    // Two presses before the bot reacts: the first counts, the second is answered politely.
    const four = h.emulator.userPressesButton(user, request.messageId, keyboard[3]!.callback_data);
    const five = h.emulator.userPressesButton(user, request.messageId, keyboard[4]!.callback_data);
    expect((await h.emulator.waitForCallbackAnswer(four.queryId)).answer?.text).toContain('Nilai 4 tersimpan');
    expect((await h.emulator.waitForCallbackAnswer(five.queryId)).answer?.text).toContain('sudah kami terima');
    expect(ratingOf(conversationId)).toMatchObject({ score: 4, source: 'telegram', feedback: null });
    expect(statusOf(conversationId)).toBe('rated');
    await eventually(
      () =>
        h.emulator
          .sentTo(user.id)
          .find((r) => r.messageId === request.messageId)
          ?.text?.includes('★★★★☆'),
      5_000,
      'stars shown',
    );

    await waitRecord(user, (r) => r.text?.includes('saran atau masukan') ?? false, 'feedback prompt');
    h.emulator.userSendsText(user, 'Petugas sangat membantu, terima kasih');
    await waitRecord(user, (r) => r.text?.includes('Terima kasih atas saran') ?? false, 'thanks');
    expect(ratingOf(conversationId)).toMatchObject({ score: 4, feedback: 'Petugas sangat membantu, terima kasih' });
    // The feedback is kept in the timeline and does not reopen the consultation.
    expect(statusOf(conversationId)).toBe('rated');
    const kept = db()
      .prepare("SELECT direction FROM messages WHERE conversation_id = ? AND body_text = 'Petugas sangat membantu, terima kasih'")
      .get(conversationId);
    expect(kept).toEqual({ direction: 'incoming' });

    // A later message is a new question again: it reopens (DESIGN §2).
    h.emulator.userSendsText(user, 'Satu pertanyaan lagi tentang data 2024');
    await eventually(() => statusOf(conversationId) !== 'rated', 5_000, 'reopen');
  });

  it('runs the SKM survey button by button when it is enabled, in questions a citizen understands', async () => {
    h = await startTelegramHarness();
    const questions = (await h.must('workflow.getSettings', {})).surveyQuestions;
    // The admin rewords one question; the others stay as in PermenPANRB 14/2017's questionnaire.
    const reworded = questions.map((q, i) => (i === 2 ? 'Seberapa cepat petugas PST menjawab permintaan data Saudara?' : q));
    await h.must('workflow.updateSettings', { surveyEnabled: true, surveyQuestions: reworded });
    const user = testUser();
    const conversationId = await firstContact(user);
    await h.must('conversations.resolve', { id: conversationId, summary: 'Selesai', topic: 'Pariwisata' });
    const request = await waitRecord(user, (r) => r.text?.includes('pilih 1 sampai 5') ?? false, 'rating request');
    const press = h.emulator.userPressesButton(
      user,
      request.messageId,
      (request.replyMarkup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![4]!.callback_data,
    );
    await h.emulator.waitForCallbackAnswer(press.queryId);
    const survey = await waitRecord(user, (r) => r.text?.includes('Pertanyaan 1 dari 9') ?? false, 'survey');
    const answers = [4, 3, 4, 4, 3, 4, 4, 2, 3];
    for (const [i, value] of answers.entries()) {
      const current = await eventually(
        () => h.emulator.sentTo(user.id).find((r) => r.messageId === survey.messageId && r.text?.includes(`Pertanyaan ${i + 1} dari 9`)),
        5_000,
        `question ${i + 1}`,
      );
      const options = (current.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
      expect(options).toHaveLength(4);
      if (i === 0) {
        expect(current.text).toContain('(Persyaratan)');
        expect(current.text).toContain('Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?');
        expect(options.map((o) => o.text)).toEqual(['1. Tidak sesuai', '2. Kurang sesuai', '3. Sesuai', '4. Sangat sesuai']);
      }
      if (i === 2) expect(current.text).toContain('Seberapa cepat petugas PST menjawab permintaan data Saudara?');
      const p = h.emulator.userPressesButton(user, survey.messageId, options[value - 1]!.callback_data);
      await h.emulator.waitForCallbackAnswer(p.queryId);
    }
    await eventually(() => ratingOf(conversationId)?.u9 !== null && ratingOf(conversationId)?.u9 !== undefined, 5_000, 'skm stored');
    const r = ratingOf(conversationId)!;
    expect([r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9]).toEqual(answers);
    expect(r.score).toBe(5);
    await waitRecord(user, (x) => x.text?.includes('saran atau masukan') ?? false, 'feedback prompt after the survey');
  });
});
