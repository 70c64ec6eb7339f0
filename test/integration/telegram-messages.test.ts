// Messages both ways through the emulator: media in (stored with identical bytes), officer replies
// out (files, a split long text), edits, stickers and locations, the 20 MB limit.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testUser, type TestUser } from '../peers/telegram';
import { eventually, startTelegramHarness, type TelegramHarness } from '../helpers/telegram';

let h: TelegramHarness;
afterEach(async () => {
  await h?.close();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const db = () => h.core.services.db;

function messageByExternal(externalId: string) {
  return db().prepare("SELECT * FROM messages WHERE channel = 'telegram' AND external_id = ?").get(externalId) as
    { id: number; conversation_id: number; body_text: string; meta: string | null; edited_at: number | null; direction: string } | undefined;
}
const attachmentsOf = (messageId: number) =>
  db().prepare('SELECT sha256, file_name AS fileName, mime_type AS mimeType, size FROM attachments WHERE message_id = ? ORDER BY id').all(messageId) as {
    sha256: string;
    fileName: string;
    mimeType: string;
    size: number;
  }[];

async function stored(user: TestUser, messageId: number) {
  return eventually(() => messageByExternal(`${user.id}:${messageId}`), 5_000, `message ${messageId}`);
}

describe('Telegram messages', () => {
  it('stores photos (largest size), documents, voice and video with identical bytes, captions kept', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    const photo = randomBytes(50_000);
    const pdf = randomBytes(120_000);
    const voice = randomBytes(8_000);
    const video = randomBytes(30_000);
    const p = h.emulator.userSendsPhoto(user, photo, { caption: 'Tabel yang saya maksud' });
    const d = h.emulator.userSendsDocument(user, pdf, { fileName: 'Surat Permohonan.pdf', mimeType: 'application/pdf' });
    const v = h.emulator.userSendsVoice(user, voice);
    const m = h.emulator.userSendsVideo(user, video, { fileName: 'layar.mp4' });

    const photoRow = await stored(user, p.message_id);
    expect(photoRow.body_text).toBe('Tabel yang saya maksud');
    expect(attachmentsOf(photoRow.id)).toEqual([{ sha256: sha(photo), fileName: `foto-${p.message_id}.jpg`, mimeType: 'image/jpeg', size: photo.length }]);
    expect(attachmentsOf((await stored(user, d.message_id)).id)).toEqual([
      { sha256: sha(pdf), fileName: 'Surat Permohonan.pdf', mimeType: 'application/pdf', size: pdf.length },
    ]);
    expect(attachmentsOf((await stored(user, v.message_id)).id)[0]).toMatchObject({ sha256: sha(voice), mimeType: 'audio/ogg' });
    expect(attachmentsOf((await stored(user, m.message_id)).id)[0]).toMatchObject({ sha256: sha(video), fileName: 'layar.mp4', mimeType: 'video/mp4' });
    // The bytes on disk are the bytes the user sent.
    expect(h.core.services.attachments.read(sha(pdf)).equals(pdf)).toBe(true);
    const pushed = h.events.filter((e) => e.name === 'message.changed').map((e) => (e.payload as { messageId: number }).messageId);
    expect(pushed).toContain(photoRow.id);
  });

  it('explains politely when a document is over 20 MB, and keeps the message', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    h.emulator.userSendsText(user, '/start');
    await h.emulator.waitForSent(user.id, (r) => r.text?.includes('nama lengkap') ?? false);
    const big = Buffer.alloc(21 * 1024 * 1024, 7);
    const d = h.emulator.userSendsDocument(user, big, { fileName: 'sensus.zip', caption: 'data mentah' });
    const row = await stored(user, d.message_id);
    expect(row.body_text).toBe('data mentah');
    expect(attachmentsOf(row.id)).toEqual([]);
    const notice = await h.emulator.waitForSent(user.id, (r) => r.text?.includes('lebih besar dari 20 MB') ?? false);
    expect(notice.text).toContain('sensus.zip');
    const activity = db()
      .prepare("SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'activity' AND body_text LIKE '%20 MB%'")
      .get(row.conversation_id);
    expect(activity).toBeDefined();
  });

  it('keeps the history of an edited message, and records stickers and locations as timeline lines', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    const first = h.emulator.userSendsText(user, 'Butuh data inflasi 2024');
    const row = await stored(user, first.message_id);
    h.emulator.userEditsMessage(user, first.message_id, 'Butuh data inflasi 2025');
    const edited = await eventually(() => {
      const r = messageByExternal(`${user.id}:${first.message_id}`);
      return r?.edited_at ? r : undefined;
    });
    expect(edited.id).toBe(row.id);
    expect(edited.body_text).toBe('Butuh data inflasi 2025');
    expect(JSON.parse(edited.meta!).edits).toEqual([{ text: 'Butuh data inflasi 2024', until: edited.edited_at }]);
    const hits = await h.must('search.messages', { query: 'inflasi 2025' });
    expect(hits.map((x) => x.messageId)).toContain(row.id);

    const s = h.emulator.userSendsSticker(user, { emoji: '👍' });
    const l = h.emulator.userSendsLocation(user, { latitude: -8.1126, longitude: 115.0883 });
    const sticker = await stored(user, s.message_id);
    const location = await stored(user, l.message_id);
    expect(sticker).toMatchObject({ direction: 'activity', conversation_id: row.conversation_id });
    expect(sticker.body_text).toContain('stiker 👍');
    expect(location).toMatchObject({ direction: 'activity' });
    expect(location.body_text).toContain('-8.11260, 115.08830');
  });

  it("sends the officer's reply with files (photo as photo, PDF as document) and splits a text over 4,096 characters", async () => {
    h = await startTelegramHarness();
    const user = testUser();
    const first = h.emulator.userSendsText(user, 'Halo');
    const conversationId = (await stored(user, first.message_id)).conversation_id;
    await h.emulator.waitForSent(user.id, (r) => r.text?.includes('nama lengkap') ?? false);
    const png = randomBytes(4_000);
    const pdf = randomBytes(9_000);
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraf ${i + 1}: ${'data statistik Buleleng '.repeat(8).trim()}.`);
    const long = paragraphs.join('\n\n');
    expect(long.length).toBeGreaterThan(9_000);
    const mark = h.emulator.sentTo(user.id).length;
    const reply = await h.must('messages.send', {
      conversationId,
      text: long,
      attachments: [
        { fileName: 'grafik.png', mimeType: 'image/png', contentBase64: png.toString('base64') },
        { fileName: 'Tabel Kemiskinan.pdf', mimeType: 'application/pdf', contentBase64: pdf.toString('base64') },
      ],
    });
    await eventually(
      () => (db().prepare('SELECT delivery FROM messages WHERE id = ?').get(reply.id) as { delivery: string }).delivery === 'sent',
      8_000,
      'sent',
    );
    const out = h.emulator.sentTo(user.id).slice(mark);
    const texts = out.filter((r) => r.method === 'sendMessage');
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(t.text!.length).toBeLessThanOrEqual(4096);
    // Split at paragraph boundaries: nothing lost, nothing cut mid-paragraph.
    expect(texts.map((t) => t.text).join('\n\n')).toBe(long);
    const photo = out.find((r) => r.method === 'sendPhoto');
    const doc = out.find((r) => r.method === 'sendDocument');
    expect(photo?.file?.bytes.equals(png)).toBe(true);
    expect(doc?.file?.bytes.equals(pdf)).toBe(true);
    expect(doc?.file?.fileName).toBe('Tabel Kemiskinan.pdf');
    const row = db().prepare('SELECT external_id, meta FROM messages WHERE id = ?').get(reply.id) as { external_id: string; meta: string };
    expect(row.external_id).toBe(`${user.id}:${texts[0]!.messageId}`);
    expect(JSON.parse(row.meta).telegramMessageIds).toHaveLength(texts.length + 2);
  });
});
