// A phone caller who left their email address gets the answer by mail after all: through the
// durable outbox and the real SMTP peer, as a new mail thread carrying the ticket tag, and their
// reply to it comes back into the same consultation. A visitor who once wrote to the bot gets it
// by Telegram, through the Bot API emulator.
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTelegramHarness, type TelegramHarness } from '../helpers/telegram';
import { testUser } from '../peers/telegram';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { parsedMailbox } from '../peers/mail/imap-util';
import { CITIZEN, mail, OFFICE, startEmailEnv, until, type EmailEnv } from './fixtures/email-env';

const available = requireMailPeers('walk-in-reply');

/** The requester's INBOX at the peer, parsed. */
const inbox = async (peers: MailPeers, user: string): Promise<ParsedMail[]> => (await parsedMailbox(peers.imapConfig(user), 'INBOX')).map((m) => m.parsed);

describe.skipIf(!available)('answering a walk-in or phone requester by email', () => {
  let peers: MailPeers;
  let env: EmailEnv;
  beforeAll(async () => {
    peers = await startMailPeers();
    env = await startEmailEnv(peers);
    await until('connected', () => env.channels.email.status()?.state === 'idle');
  });
  afterAll(async () => {
    await env?.dispose();
    await peers?.close();
  });

  it('goes out as a new mail with the ticket tag, and the requester answer threads back', async () => {
    const call = await env.core.must('conversations.createWalkIn', {
      via: 'telepon',
      requester: { name: 'Ni Luh Putu Sari', institution: 'Universitas Pendidikan Ganesha', email: CITIZEN },
      need: 'Tabel IPM Kabupaten Buleleng 2020–2024 per kecamatan, dikirim ke email',
    });
    expect(call).toMatchObject({ channel: 'manual', walkInReplyChannels: ['email'] });
    // No Telegram chat known: refused in words the officer can act on.
    expect(await env.core.call('messages.send', { conversationId: call.id, text: 'Tes', via: 'telegram' })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/belum pernah menghubungi bot Telegram/) },
    });

    const sent = await env.core.must('messages.send', {
      conversationId: call.id,
      text: 'Selamat siang Bu Sari, tabel IPM per kecamatan kami lampirkan sesuai permintaan lewat telepon tadi.',
      attachments: [{ fileName: 'ipm-buleleng.csv', mimeType: 'text/csv', contentBase64: Buffer.from('kecamatan,2024\nGerokgak,70.1\n').toString('base64') }],
      via: 'email',
    });
    expect(sent).toMatchObject({ channel: 'email', direction: 'outgoing' });
    await until('sent', () => env.count("SELECT count(*) AS n FROM messages WHERE id = ? AND delivery = 'sent'", sent.id) === 1);
    const ourId = (env.core.services.db.prepare('SELECT external_id AS id FROM messages WHERE id = ?').get(sent.id) as { id: string }).id;

    let received: ParsedMail | undefined;
    for (let i = 0; i < 100 && !received; i++) {
      received = (await inbox(peers, CITIZEN)).find((m) => m.messageId === ourId);
      if (!received) await new Promise((r) => setTimeout(r, 50));
    }
    expect(received, 'the mail reached the requester').toBeDefined();
    expect(received!.to).toMatchObject({ value: [{ address: CITIZEN }] });
    expect(received!.subject).toBe(`Jawaban konsultasi statistik PST BPS Kabupaten Buleleng [${call.ticket}]`);
    expect(received!.inReplyTo).toBeUndefined(); // a new thread: the requester never wrote
    expect(received!.text).toContain('tabel IPM per kecamatan kami lampirkan');
    expect(received!.attachments.map((a) => a.filename)).toEqual(['ipm-buleleng.csv']);

    // Her reply carries the tag in "Re:": it joins the phone consultation, not a new one.
    await peers.deliver(
      OFFICE,
      mail({ subject: `Re: ${received!.subject}`, messageId: '<terima-kasih@undiksha.test>', inReplyTo: ourId, body: 'Terima kasih, sudah saya terima.' }),
    );
    const back = await until(
      'reply stored',
      () =>
        env.core.services.db.prepare('SELECT conversation_id AS c FROM messages WHERE external_id = ?').get('<terima-kasih@undiksha.test>') as
          { c: number } | undefined,
    );
    expect(back.c).toBe(call.id);
  });
});

describe('answering a walk-in requester by Telegram', () => {
  let h: TelegramHarness | undefined;
  afterEach(async () => h?.close());

  it('goes to the chat the requester opened with the bot earlier, through the outbox', async () => {
    h = await startTelegramHarness();
    const harness = h;
    const user = testUser({ firstName: 'Kadek' });
    const first = harness.emulator.userSendsText(user, 'Halo, saya mau tanya data pertanian');
    const row = await eventually(
      () =>
        harness.core.services.db
          .prepare('SELECT c.requester_id AS requesterId FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.external_id = ?')
          .get(`${user.id}:${first.message_id}`) as { requesterId: number } | undefined,
      5_000,
      'first message',
    );
    // The same person comes to the desk a week later: found among known requesters.
    const visit = await harness.must('conversations.createWalkIn', {
      via: 'langsung',
      requesterId: row.requesterId,
      need: 'Luas panen padi per kecamatan 2024',
    });
    expect(visit.walkInReplyChannels).toEqual(['telegram']);
    // No email address known: nothing to send to.
    await expect(harness.must('messages.send', { conversationId: visit.id, text: 'Tes', via: 'email' })).rejects.toThrow(
      /Alamat email pengguna layanan belum diketahui/,
    );
    // What the bot says by itself to that first message (acknowledgement, intake question) goes out first.
    await eventually(
      () => (harness.core.services.db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get() as { n: number }).n === 0,
      5_000,
      'automatic replies sent',
    );
    const mark = harness.emulator.sentTo(user.id).length;
    const sent = await harness.must('messages.send', {
      conversationId: visit.id,
      text: 'Pak Kadek, tabel luas panen padi 2024 sudah tersedia di buleleng.bps.go.id, menu Tabel Statistik › Pertanian.',
      via: 'telegram',
    });
    expect(sent).toMatchObject({ channel: 'telegram', direction: 'outgoing' });
    await harness.emulator.waitForSent(user.id, (r) => r.text?.includes('tabel luas panen padi 2024') ?? false);
    expect(
      harness.emulator
        .sentTo(user.id)
        .slice(mark)
        .map((r) => r.method),
    ).toEqual(['sendMessage']);
    await eventually(
      () => (harness.core.services.db.prepare('SELECT delivery FROM messages WHERE id = ?').get(sent.id) as { delivery: string }).delivery === 'sent',
      5_000,
      'delivered',
    );
  });
});
