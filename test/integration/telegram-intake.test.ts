// The intake dialogue through the Bot API emulator: a requester completes the requirements of the
// service standard, corrects an answer, uses the commands, and survives a restart mid-intake.
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
  const found = await eventually(
    () => {
      const sent = h.emulator.sentTo(user.id);
      const index = sent.findIndex((r, i) => i >= skip && (r.text ?? r.caption ?? '').includes(text));
      return index >= 0 ? { ...sent[index]!, index } : undefined;
    },
    5_000,
    `"${text}" to ${user.id}`,
  );
  return found;
}

const count = (user: TestUser) => h.emulator.sentTo(user.id).length;

function requesterOf(userId: number) {
  return h.core.services.db
    .prepare("SELECT r.* FROM requesters r JOIN channel_identities ci ON ci.requester_id = r.id WHERE ci.channel = 'telegram' AND ci.source_id = ?")
    .get(String(userId)) as Record<string, unknown>;
}
function conversationOf(userId: number) {
  return h.core.services.db
    .prepare('SELECT c.* FROM conversations c JOIN channel_identities ci ON ci.requester_id = c.requester_id WHERE ci.source_id = ? ORDER BY c.id DESC LIMIT 1')
    .get(String(userId)) as Record<string, unknown> & { id: number; status: string };
}
const incomingTexts = (conversationId: number) =>
  (
    h.core.services.db.prepare("SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'incoming' ORDER BY id").all(conversationId) as {
      body_text: string;
    }[]
  ).map((r) => r.body_text);

const outboxUnsent = () => (h.core.services.db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get() as { n: number }).n;

describe('Telegram intake dialogue', () => {
  it('welcomes with the service facts, asks every requirement, validates, completes and starts the SLA', async () => {
    h = await startTelegramHarness();
    const user = testUser({ firstName: 'Ketut', username: 'ketut_s' });
    await eventually(() => h.emulator.commands().length > 0, 5_000, 'setMyCommands');
    expect(h.emulator.commands().map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'status', 'batal', 'bantuan']));

    h.emulator.userSendsText(user, '/start');
    const ack = await said(user, 'KONS-5108-');
    expect(ack.text).toContain('GRATIS');
    expect(ack.text).toMatch(/08\.00.15\.30 WITA/);
    expect(ack.text).toContain('3 hari kerja');
    await said(user, 'nama lengkap', ack.index + 1);

    let mark = count(user);
    h.emulator.userSendsText(user, 'Ketut Sari Dewi');
    await said(user, 'instansi', mark);
    mark = count(user);
    h.emulator.userSendsText(user, 'Universitas Pendidikan Ganesha');
    await said(user, 'email aktif', mark);
    mark = count(user);
    h.emulator.userSendsText(user, 'ketut-at-undiksha');
    await said(user, 'tidak valid', mark);
    mark = count(user);
    h.emulator.userSendsText(user, 'Ketut.Sari@Undiksha.ac.id');
    await said(user, 'WhatsApp', mark);
    mark = count(user);
    h.emulator.userSendsText(user, '12345');
    await said(user, 'tidak valid', mark);
    mark = count(user);
    h.emulator.userSendsText(user, '0812-3456-7890');
    const occupation = await said(user, 'pekerjaan', mark);
    const buttons = (occupation.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual([
      'Pelajar/Mahasiswa',
      'Peneliti/Dosen',
      'ASN/TNI/Polri',
      'Pegawai BUMN/BUMD',
      'Pegawai Swasta',
      'Wiraswasta',
      'Lainnya',
    ]);
    mark = count(user);
    const press = h.emulator.userPressesButton(user, occupation.messageId, buttons[1]!.callback_data);
    expect((await h.emulator.waitForCallbackAnswer(press.queryId)).answer).not.toBeNull();
    await said(user, 'keperluan', mark);

    expect(conversationOf(user.id).status).toBe('new');
    mark = count(user);
    h.emulator.userSendsText(user, 'Data jumlah penduduk miskin Kabupaten Buleleng 2020-2025 per kecamatan');
    const summary = await said(user, 'sudah lengkap', mark);
    expect(summary.text).toContain('WhatsApp: +6281234567890');
    expect(summary.text).toContain('Pekerjaan: Peneliti/Dosen');

    const r = requesterOf(user.id);
    expect(r).toMatchObject({
      name: 'Ketut Sari Dewi',
      institution: 'Universitas Pendidikan Ganesha',
      email: 'ketut.sari@undiksha.ac.id',
      whatsapp: '+6281234567890',
      occupation: 'Peneliti/Dosen',
      telegram_username: 'ketut_s',
    });
    const c = conversationOf(user.id);
    expect(c.status).toBe('in_progress');
    expect(c.need).toBe('Data jumlah penduduk miskin Kabupaten Buleleng 2020-2025 per kecamatan');
    expect(c.requirements_complete_at).not.toBeNull();
    expect(c.sla_due_at).not.toBeNull();
    // Nothing the requester wrote is lost: every answer (invalid ones too) is an incoming message.
    expect(incomingTexts(c.id)).toEqual([
      '/start',
      'Ketut Sari Dewi',
      'Universitas Pendidikan Ganesha',
      'ketut-at-undiksha',
      'Ketut.Sari@Undiksha.ac.id',
      '12345',
      '0812-3456-7890',
      'Data jumlah penduduk miskin Kabupaten Buleleng 2020-2025 per kecamatan',
    ]);

    // Correction from the summary's buttons goes through the workflow (the officer sees a line).
    mark = count(user);
    const edit = h.emulator.userPressesButton(user, summary.messageId, 'i:e:email');
    await h.emulator.waitForCallbackAnswer(edit.queryId);
    await said(user, 'email aktif', mark);
    mark = count(user);
    h.emulator.userSendsText(user, 'ketut@gmail.com');
    await said(user, 'Email sudah diubah', mark);
    expect(requesterOf(user.id).email).toBe('ketut@gmail.com');
    const lines = (
      h.core.services.db.prepare("SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'activity'").all(c.id) as { body_text: string }[]
    ).map((x) => x.body_text);
    expect(lines.some((l) => l.includes('Data persyaratan diperbarui') && l.includes('email'))).toBe(true);

    // The officer sees where the dialogue stands.
    expect(await h.must('telegram.intake', { conversationId: c.id })).toMatchObject({ mode: 'idle', step: null });

    mark = count(user);
    h.emulator.userSendsText(user, '/status');
    const status = await said(user, 'Status:', mark);
    expect(status.text).toContain(String(c.ticket));
    expect(status.text).toContain('Diproses');
    expect(status.text).toContain('Batas waktu penyelesaian');
    mark = count(user);
    h.emulator.userSendsText(user, '/bantuan');
    expect((await said(user, '/status', mark)).text).toContain('/batal');
    mark = count(user);
    h.emulator.userSendsText(user, '/batal');
    await said(user, 'Tidak ada pengisian data', mark);
    // Commands are timeline lines, not messages that reopen or count as questions.
    expect(incomingTexts(c.id)).not.toContain('/status');
  });

  it('keeps the dialogue across a restart, and /batal stops it', async () => {
    h = await startTelegramHarness();
    const user = testUser();
    h.emulator.userSendsText(user, 'Selamat pagi, saya perlu data PDRB');
    await said(user, 'nama lengkap');
    let mark = count(user);
    h.emulator.userSendsText(user, 'Made Wirawan');
    await said(user, 'instansi', mark);
    const convId = conversationOf(user.id).id;
    expect(await h.must('telegram.intake', { conversationId: convId })).toMatchObject({ mode: 'intake', step: 'institution' });

    await h.restart();
    mark = count(user);
    h.emulator.userSendsText(user, 'Bappeda Buleleng');
    await said(user, 'email aktif', mark);
    expect(requesterOf(user.id)).toMatchObject({ name: 'Made Wirawan', institution: 'Bappeda Buleleng' });

    mark = count(user);
    h.emulator.userSendsText(user, '/batal');
    await said(user, 'Pengisian data dihentikan', mark);
    mark = count(user);
    h.emulator.userSendsText(user, 'made@bappeda.go.id');
    await eventually(() => incomingTexts(convId).includes('made@bappeda.go.id'), 5_000, 'stored');
    // A bot reply to it would have been enqueued in the same transaction that stored it: once the
    // outbox holds nothing unsent, every reply it caused has reached the emulator.
    await eventually(() => outboxUnsent() === 0, 5_000, 'the outbox drained');
    // Stopped: the text is stored, not taken as an answer, and no question follows.
    expect(requesterOf(user.id).email).toBeNull();
    expect(
      h.emulator
        .sentTo(user.id)
        .slice(mark)
        .filter((m) => m.text?.includes('WhatsApp')),
    ).toEqual([]);

    // /start resumes with the first missing requirement.
    mark = count(user);
    h.emulator.userSendsText(user, '/start');
    const resumed = await said(user, 'email aktif', mark);
    expect(resumed.text).toContain('GRATIS');
    expect(conversationOf(user.id).id).toBe(convId);
  });
});
