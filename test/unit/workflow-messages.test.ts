import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelConnector, OutgoingItem, SendOutcome } from '../../src-main/core/domain/connector';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { OutboxWorker } from '../../src-main/core/outbox/worker';
import { recordRating } from '../../src-main/core/workflow/ratings';
import { ADMIN, startCoreWithAdmin, type TestCore } from '../helpers/core';

const wita = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const MONDAY_10 = wita(2026, 11, 23, 10);

/** Records what the outbox hands it, like a channel that accepts everything. */
class RecordingConnector implements ChannelConnector {
  readonly sent: OutgoingItem[] = [];
  constructor(readonly channel: 'telegram' | 'email') {}
  async send(item: OutgoingItem): Promise<SendOutcome> {
    this.sent.push(item);
    return { externalId: this.channel === 'email' ? `<sent-${item.messageId}@pst.bps.go.id>` : `chat:${item.messageId}` };
  }
}

let now = MONDAY_10;
let core: TestCore;
let telegram: RecordingConnector;
let email: RecordingConnector;
beforeEach(async () => {
  now = MONDAY_10;
  core = await startCoreWithAdmin({ now: () => now });
  telegram = new RecordingConnector('telegram');
  email = new RecordingConnector('email');
  core.services.connectors.set('telegram', telegram).set('email', email);
});
afterEach(() => core.dispose());

const drain = () => new OutboxWorker(core.services, core.services.connectors).drain();
const outbox = () =>
  (
    core.services.db
      .prepare('SELECT o.channel, o.payload, m.conversation_id AS conversationId FROM outbox o JOIN messages m ON m.id = o.message_id ORDER BY o.id')
      .all() as {
      channel: string;
      payload: string;
      conversationId: number;
    }[]
  ).map((r) => ({ channel: r.channel, conversationId: r.conversationId, ...JSON.parse(r.payload) }));
const row = (id: number) => core.services.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as Record<string, unknown>;

let seq = 0;
const tg = (text: string, at = now, user = '777'): InboundMessage => ({
  channel: 'telegram',
  externalId: `${user}:${++seq}`,
  sourceId: user,
  receivedAt: at,
  text,
  requester: { name: 'Putu Ayu', telegramUserId: user },
  thread: { mode: 'identity' },
});
const mail = (text: string, thread: InboundMessage['thread'] = { mode: 'explicit' }, extra: Partial<InboundMessage> = {}): InboundMessage => ({
  channel: 'email',
  externalId: `<in-${++seq}@gmail.com>`,
  sourceId: 'made@gmail.com',
  receivedAt: now,
  text,
  subject: 'Permohonan data',
  requester: { name: 'Made Sudarma', email: 'made@gmail.com' },
  thread,
  ...extra,
});

describe('acknowledgement and out-of-hours reply', () => {
  it('acknowledges a new conversation once, on its channel, with ticket, hours, free of charge and the promise, in a few lines', async () => {
    const first = ingest(core.services, tg('Selamat pagi, saya perlu data pariwisata'));
    ingest(core.services, tg('Untuk skripsi'));
    const sent = outbox();
    expect(sent).toHaveLength(1);
    const ack = sent[0]!;
    const ticket = row(first.conversationId).ticket as string;
    expect(ack).toMatchObject({ channel: 'telegram', kind: 'ack', ticket, outOfHours: false, conversationId: first.conversationId });
    expect(ack.text).toContain('Yth. Putu Ayu');
    expect(ack.text).toContain(`nomor tiket ${ticket}`);
    expect(ack.text).toContain('GRATIS');
    expect(ack.text).toContain('Jam layanan: Senin–Jumat 08.00–15.30 WITA');
    expect(ack.text).toContain('Permintaan diselesaikan paling lambat 3 hari kerja sejak persyaratan lengkap');
    // The bot asks the requirements one by one right after: the acknowledgement does not list them.
    expect(ack.text).not.toContain('Alamat email aktif');
    expect(ack.text.split('\n').length).toBeLessThanOrEqual(8);
    expect(ack.text).not.toMatch(/\{[a-z_]+\}/);
    expect(row(first.conversationId).ack_sent_at).toBe(MONDAY_10);
    // The inbox still shows the requester's own words.
    expect((await core.must('inbox.list', {})).items[0]!.lastMessagePreview).toBe('Untuk skripsi');
    await drain();
    expect(telegram.sent.map((i) => i.payload.kind)).toEqual(['ack']);
  });

  it('lists what is missing in an email acknowledgement, where no dialogue asks for it', async () => {
    ingest(core.services, mail('Permohonan data IPM'));
    const [ack] = outbox();
    expect(ack!.text).toMatch(/- Nomor WhatsApp\n- Pekerjaan\n- Keperluan/);
    expect(ack!.text).toContain('Permintaan diselesaikan paling lambat 3 hari kerja sejak persyaratan lengkap');
  });

  it('never acknowledges automated mail, mail that has already waited a working day, or uses an edited template', async () => {
    ingest(core.services, mail('Delivery Status Notification (Failure)', { mode: 'explicit' }, { automated: true, sourceId: 'mailer-daemon@googlemail.com' }));
    ingest(core.services, mail('Permohonan lama', { mode: 'explicit' }, { receivedAt: wita(2026, 11, 20, 9), sourceId: 'lama@gmail.com' }));
    expect(outbox()).toEqual([]);
    const ackTemplate = (await core.must('templates.list', {})).find((t) => t.systemKey === 'ack')!;
    await core.must('templates.update', { id: ackTemplate.id, body: 'Tiket {tiket} untuk {nama}. {kekurangan}' });
    ingest(core.services, mail('Permohonan data IPM'));
    expect(outbox().map((p) => p.text)).toEqual([expect.stringMatching(/^Tiket KONS-5108-20261123-\d{4} untuk Made Sudarma\. Agar permintaan/)]);
  });

  it('out of hours: one message for a brand-new conversation, then one reply per closed period', async () => {
    now = wita(2026, 11, 28, 10); // Saturday
    const { conversationId: id } = ingest(core.services, mail('Permohonan data inflasi'));
    const [ack] = outbox();
    expect(ack).toMatchObject({ kind: 'ack', outOfHours: true });
    expect(ack!.text).toMatch(
      /^Pesan Anda kami terima di luar jam layanan \(Senin–Jumat 08\.00–15\.30 WITA\)\. Petugas akan menanggapinya mulai Senin, 30 November 2026 pukul 08\.00 WITA\.\n\nYth\. Made Sudarma/,
    );
    const ticket = row(id).ticket as string;
    now = wita(2026, 11, 29, 20); // Sunday: same closed period → nothing more
    ingest(core.services, mail('Tambahan: data bulanan', { mode: 'explicit', ticket }));
    expect(outbox()).toHaveLength(1);
    now = wita(2026, 11, 30, 9); // Monday, open → nothing
    ingest(core.services, mail('Halo?', { mode: 'explicit', ticket }));
    now = wita(2026, 11, 30, 16); // Monday evening: a new closed period → one reply
    ingest(core.services, mail('Sudah ada kabar?', { mode: 'explicit', ticket }));
    now = wita(2026, 11, 30, 21);
    ingest(core.services, mail('Mohon segera', { mode: 'explicit', ticket }));
    const replies = outbox().slice(1);
    expect(replies.map((p) => p.kind)).toEqual(['auto_reply']);
    expect(replies[0]!.text).toContain('mulai Selasa, 1 Desember 2026 pukul 08.00 WITA');
  });

  it('no "we are closed" notice to a requester an officer is answering: not in a closed period with an officer reply, not within the hour after one', async () => {
    const { conversationId: id } = ingest(core.services, mail('Permohonan data inflasi Singaraja'));
    const ticket = row(id).ticket as string;
    const notices = () => outbox().filter((p) => p.kind === 'auto_reply');
    // Days pass between the steps: the officer signs in again each time (the session would have expired).
    const reply = async (text: string) => {
      await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
      await core.must('messages.send', { conversationId: id, text });
    };
    // Tuesday 16.00: closed, but an officer stayed late and answers.
    now = wita(2026, 12, 1, 16);
    await reply('Baik, datanya kami kirim besok pagi.');
    now = wita(2026, 12, 1, 16, 6);
    ingest(core.services, mail('Terima kasih, Pak.', { mode: 'explicit', ticket }));
    now = wita(2026, 12, 1, 19, 30); // hours later, same closed period: the officer is still the last word
    ingest(core.services, mail('Satu lagi: data per kecamatan juga ada?', { mode: 'explicit', ticket }));
    expect(notices()).toEqual([]);
    // Wednesday evening: a new closed period with no officer in it → the notice.
    now = wita(2026, 12, 2, 17);
    ingest(core.services, mail('Halo, ada kabar?', { mode: 'explicit', ticket }));
    expect(notices()).toHaveLength(1);
    // Thursday 15.20 (open) an officer answers; 15.40 (closed) the requester replies: 20 minutes later, no notice.
    now = wita(2026, 12, 3, 15, 20);
    await reply('Berikut tabelnya.');
    now = wita(2026, 12, 3, 15, 40);
    ingest(core.services, mail('Sudah saya terima, terima kasih.', { mode: 'explicit', ticket }));
    expect(notices()).toHaveLength(1);
  });

  it('on Telegram, the out-of-hours notice and the acknowledgement together still fit in 8 lines', () => {
    now = wita(2026, 11, 28, 10); // Saturday
    ingest(core.services, tg('Selamat pagi, saya perlu data inflasi Singaraja 2025'));
    const [ack] = outbox();
    expect(ack).toMatchObject({ kind: 'ack', outOfHours: true });
    expect(ack!.text).toContain('di luar jam layanan');
    expect(ack!.text).toContain('Permintaan diselesaikan paling lambat 3 hari kerja sejak persyaratan lengkap');
    expect(ack!.text.split('\n').length).toBeLessThanOrEqual(8);
  });
});

describe('closure and ratings', () => {
  async function resolved(message: InboundMessage) {
    const { conversationId: id } = ingest(core.services, message);
    await core.must('conversations.resolve', { id, summary: 'Data dikirim dalam format xlsx', topic: 'Pariwisata' });
    return id;
  }

  it('asks for a rating once per closure on the conversation channel; Telegram answers go through recordRating', async () => {
    const id = await resolved(tg('Data kunjungan wisatawan 2025'));
    const requests = () => outbox().filter((p) => p.kind === 'rating_request');
    expect(requests()).toEqual([
      expect.objectContaining({ channel: 'telegram', conversationId: id, ratingRequestId: expect.any(Number), scale: { min: 1, max: 5 } }),
    ]);
    const requestId = requests()[0]!.ratingRequestId as number;

    expect(recordRating(core.services, { ratingRequestId: requestId, score: 5, source: 'telegram' })).toMatchObject({
      outcome: 'recorded',
      rating: { score: 5, closure: 0, source: 'telegram' },
    });
    expect(row(id).status).toBe('rated');
    // A second press: the first score stays; a comment afterwards is added.
    expect(recordRating(core.services, { ratingRequestId: requestId, score: 2, source: 'telegram' })).toMatchObject({
      outcome: 'already_rated',
      rating: { score: 5 },
    });
    expect(recordRating(core.services, { ratingRequestId: requestId, feedback: 'Cepat sekali', source: 'telegram' })).toMatchObject({
      outcome: 'updated',
      rating: { score: 5, feedback: 'Cepat sekali' },
    });
    expect(recordRating(core.services, { ratingRequestId: 99_999, score: 4, source: 'telegram' }).outcome).toBe('no_request');
    expect(requests()).toHaveLength(1);

    // Reopened by the requester and closed again: a new closure, a new request.
    ingest(core.services, tg('Maaf, satu lagi: data 2024'));
    expect(row(id)).toMatchObject({ status: 'awaiting_requirements', reopened_count: 1 });
    await core.must('conversations.resolve', { id, summary: 'Data 2024 dikirim', topic: 'Pariwisata' });
    const ids = requests().map((p) => p.ratingRequestId as number);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(requestId);
    expect(ids[1]).not.toBe(requestId);
    // A late press on the OLD keyboard changes nothing of the new closure.
    expect(recordRating(core.services, { ratingRequestId: requestId, score: 1, source: 'telegram' }).outcome).toBe('already_rated');
    expect(row(id).status).toBe('resolved');
  });

  it('with the survey enabled, a first score brings the 9 SKM questions; the answers are stored', async () => {
    await core.must('workflow.updateSettings', { surveyEnabled: true });
    const id = await resolved(tg('Data IPM'));
    const requestId = outbox().find((p) => p.kind === 'rating_request')!.ratingRequestId as number;
    recordRating(core.services, { ratingRequestId: requestId, score: 4, source: 'telegram' });
    const survey = outbox().find((p) => p.kind === 'survey')!;
    expect(survey).toMatchObject({ channel: 'telegram', ratingRequestId: requestId });
    expect(survey.questions).toHaveLength(9);
    expect(survey.questions[3]).toEqual({
      code: 'U4',
      name: 'Biaya/Tarif',
      question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      options: [
        { value: 1, label: 'Sangat mahal' },
        { value: 2, label: 'Cukup mahal' },
        { value: 3, label: 'Murah' },
        { value: 4, label: 'Gratis' },
      ],
    });
    const skm = [4, 3, 3, 4, 3, 4, 4, 3, 4];
    expect(recordRating(core.services, { ratingRequestId: requestId, skm, source: 'telegram' })).toMatchObject({
      outcome: 'updated',
      rating: { score: 4, skm },
    });
    expect((await core.must('conversations.get', { id })).ratings).toEqual([expect.objectContaining({ score: 4, skm })]);
  });

  it('reads email replies to the rating request: a score, feedback only, a survey; other mail reopens', async () => {
    await core.must('workflow.updateSettings', { surveyEnabled: true });
    const a = await resolved(mail('Data PDRB'));
    await drain(); // the request leaves and gets its Message-ID
    const request = outbox().find((p) => p.kind === 'rating_request' && p.conversationId === a)!;
    expect(request.channel).toBe('email');
    expect(request.text).toContain('MEMBALAS email ini');
    const ticketA = row(a).ticket as string;
    ingest(core.services, mail('Nilai: 4 - cukup membantu\n\nPada 23 Nov 2026, PST menulis:\n> Mohon beri penilaian', { mode: 'explicit', ticket: ticketA }));
    expect(row(a)).toMatchObject({ status: 'rated', reopened_count: 0 });
    expect((await core.must('conversations.get', { id: a })).ratings[0]).toMatchObject({ score: 4, feedback: 'cukup membantu', source: 'email' });
    // the survey follows by email; the reply "U1: 4 …" fills it
    await drain();
    expect(outbox().find((p) => p.kind === 'survey' && p.conversationId === a)!.text).toContain(
      'U4 Biaya/Tarif: Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan? 1 = Sangat mahal, 2 = Cukup mahal, 3 = Murah, 4 = Gratis',
    );
    ingest(core.services, mail('U1: 4\nU2: 3\nU3: 3\nU4: 4\nU5: 3\nU6: 4\nU7: 4\nU8: 3\nU9: 4', { mode: 'explicit', ticket: ticketA }));
    expect((await core.must('conversations.get', { id: a })).ratings[0]!.skm).toEqual([4, 3, 3, 4, 3, 4, 4, 3, 4]);
    // a repeated bare score keeps the first and does not reopen
    ingest(core.services, mail('5', { mode: 'explicit', ticket: ticketA }));
    expect(row(a)).toMatchObject({ status: 'rated', reopened_count: 0 });
    expect((await core.must('conversations.get', { id: a })).ratings[0]!.score).toBe(4);

    const b = await resolved(mail('Data kemiskinan', { mode: 'explicit' }, { sourceId: 'ayu@gmail.com' }));
    await drain();
    const requestMail = email.sent.find((i) => i.payload.kind === 'rating_request' && i.conversationId === b)!;
    ingest(
      core.services,
      mail('Pelayanannya ramah, terima kasih', { mode: 'explicit', replyTo: [`<sent-${requestMail.messageId}@pst.bps.go.id>`] }, { sourceId: 'ayu@gmail.com' }),
    );
    expect(row(b)).toMatchObject({ status: 'rated', reopened_count: 0 });
    expect((await core.must('conversations.get', { id: b })).ratings[0]).toMatchObject({ score: null, feedback: 'Pelayanannya ramah, terima kasih' });

    const c = await resolved(mail('Data penduduk', { mode: 'explicit' }, { sourceId: 'kadek@gmail.com' }));
    ingest(core.services, mail('Maaf, apakah ada data per desa juga?', { mode: 'explicit', ticket: row(c).ticket as string }, { sourceId: 'kadek@gmail.com' }));
    expect(row(c)).toMatchObject({ status: 'awaiting_requirements', reopened_count: 1 });
  });

  it('officers enter a rating given by phone, once per closure, only for a closed conversation', async () => {
    const open = ingest(core.services, mail('Data', { mode: 'explicit' }, { sourceId: 'a@b.id' })).conversationId;
    expect(await core.call('ratings.record', { conversationId: open, score: 5, via: 'telepon' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const id = await resolved(mail('Data pertanian', { mode: 'explicit' }, { sourceId: 'c@d.id' }));
    const rating = await core.must('ratings.record', { conversationId: id, score: 5, feedback: 'Puas', via: 'telepon' });
    expect(rating).toMatchObject({ score: 5, feedback: 'Puas', source: 'manual', enteredBy: 1 });
    expect(row(id).status).toBe('rated');
    expect(await core.call('ratings.record', { conversationId: id, score: 3, via: 'langsung' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('ratings.record', { conversationId: id, score: 6, via: 'langsung' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect((await core.must('audit.list', { limit: 1 }))[0]).toMatchObject({ action: 'ratings.record', entityType: 'rating', entityId: String(rating.id) });
  });

  it('computes the IKM of the stored survey answers of a period (hand-computed: 2350/27 = 87.04, B)', async () => {
    const answers = [
      [4, 4, 3, 4, 3, 4, 4, 3, 4],
      [3, 4, 3, 4, 3, 3, 4, 3, 3],
      [4, 3, 2, 4, 3, 4, 4, 4, 3],
    ];
    for (const [i, skm] of answers.entries()) {
      const id = await resolved(mail('Data', { mode: 'explicit' }, { sourceId: `r${i}@gmail.com` }));
      await core.must('ratings.record', { conversationId: id, score: 4, skm, via: 'langsung' });
    }
    now = wita(2026, 12, 2, 10); // outside the period
    await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const late = await resolved(mail('Data', { mode: 'explicit' }, { sourceId: 'late@gmail.com' }));
    recordRating(core.services, { conversationId: late, score: 1, skm: [1, 1, 1, 1, 1, 1, 1, 1, 1], source: 'manual' });

    const report = await core.must('ikm.compute', { from: wita(2026, 11, 23, 0), to: wita(2026, 11, 24, 0) });
    // sums 11, 11, 8, 12, 9, 11, 12, 10, 10 = 94; IKM = 94/3/9 = 3.4815; × 25 = 87.037 → 87.04 (B, Baik)
    expect(report.respondents).toBe(3);
    expect(report.unsur[2]).toMatchObject({ code: 'U3', respondents: 3, nrr: 8 / 3 });
    expect(report.ikm).toBeCloseTo(94 / 27, 10);
    expect(report).toMatchObject({ converted: 87.04, grade: 'B', label: 'Baik', ratings: { count: 3, withScore: 3, averageScore: 4 } });
  });
});
