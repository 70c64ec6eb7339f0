import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { parsedMailbox } from '../peers/mail/imap-util';
import { CITIZEN, mail, OFFICE, startEmailEnv, until, type EmailEnv } from './fixtures/email-env';

const available = requireMailPeers('email-threading');

/** Every mail in one mailbox of one account, parsed. */
const mailbox = (peers: MailPeers, user: string, path: string) => parsedMailbox(peers.imapConfig(user), path);

describe.skipIf(!available)('email threading and sending against Dovecot + SMTP', () => {
  let peers: MailPeers;
  let env: EmailEnv;
  const conversationOf = (externalId: string) =>
    (
      env.core.services.db.prepare("SELECT conversation_id AS n FROM messages WHERE channel = 'email' AND external_id = ?").get(externalId) as
        { n: number } | undefined
    )?.n;
  const arrived = (externalId: string) => until(`mail ${externalId}`, () => conversationOf(externalId));

  beforeAll(async () => {
    peers = await startMailPeers();
    env = await startEmailEnv(peers);
    await until('connected', () => env.channels.email.status()?.state === 'idle');
  });
  afterAll(async () => {
    await env?.dispose();
    await peers?.close();
  });

  it('an officer reply reaches the requester threaded, with the ticket, and lands in Sent; replies join by In-Reply-To, References and ticket', async () => {
    await peers.deliver(
      OFFICE,
      mail({
        subject: 'Data IPM Buleleng 2024',
        messageId: '<first@citizen.test>',
        body: 'Mohon data IPM.\r\n\r\n-- \r\nNi Luh Putu Sari\r\nUniversitas Pendidikan Ganesha',
      }),
    );
    const c1 = await arrived('<first@citizen.test>');
    const detail = await env.core.must('conversations.get', { id: c1 });
    // The display name fills the empty name ("dari email"); the signature's institution is a suggestion for the officer.
    expect(detail.requester).toMatchObject({ name: 'Ni Luh Putu Sari', institution: null, email: CITIZEN });
    const identity = await env.core.must('requesters.identity', { requesterId: detail.requester.id });
    expect(identity.fromEmail.map((h) => [h.field, h.value])).toEqual([['name', 'Ni Luh Putu Sari']]);
    expect(identity.suggestions.map((h) => [h.field, h.value, h.source])).toContainEqual(['institution', 'Universitas Pendidikan Ganesha', 'signature']);

    const sent = await env.core.must('messages.send', {
      conversationId: c1,
      text: 'Baik, data IPM kami lampirkan.',
      attachments: [{ fileName: 'ipm.csv', mimeType: 'text/csv', contentBase64: Buffer.from('tahun,ipm\n2024,75.1\n').toString('base64') }],
    });
    await until('sent', () => env.count("SELECT count(*) AS n FROM messages WHERE id = ? AND delivery = 'sent'", sent.id) === 1);
    const ourId = (env.core.services.db.prepare('SELECT external_id AS id FROM messages WHERE id = ?').get(sent.id) as { id: string }).id;
    expect(ourId).toMatch(/^<pst\.\d+\.[0-9a-f]+@example\.test>$/);

    const received = await (async () => {
      for (let i = 0; i < 100; i++) {
        const box = await mailbox(peers, CITIZEN, 'INBOX');
        const hit = box.find((m) => m.parsed.messageId === ourId);
        if (hit) return hit.parsed;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('reply never reached the requester');
    })();
    expect(received.inReplyTo).toBe('<first@citizen.test>');
    expect(received.references).toBe('<first@citizen.test>');
    expect(received.subject).toBe(`Re: Data IPM Buleleng 2024 [${detail.ticket}]`);
    expect(received.text).toContain('Baik, data IPM kami lampirkan.');
    expect(received.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['ipm.csv', 'tahun,ipm\n2024,75.1\n']]);
    expect(received.headers.get('auto-submitted')).toBeUndefined(); // an officer's reply is a person's mail
    expect(peers.smtp.received.filter((r) => r.messageId === ourId)).toHaveLength(1);
    const sentBox = await mailbox(peers, OFFICE, 'Sent');
    expect(sentBox.filter((m) => m.parsed.messageId === ourId).map((m) => m.flags?.has('\\Seen'))).toEqual([true]);

    // 1. In-Reply-To our Message-ID.
    await peers.deliver(OFFICE, mail({ subject: 'Terima kasih', messageId: '<r1@citizen.test>', inReplyTo: ourId }));
    expect(await arrived('<r1@citizen.test>')).toBe(c1);
    // 2. References only (In-Reply-To names a mail we never saw).
    await peers.deliver(
      OFFICE,
      mail({
        subject: 'Satu lagi',
        messageId: '<r2@citizen.test>',
        inReplyTo: '<unknown@elsewhere.test>',
        references: `<first@citizen.test> <unknown@elsewhere.test>`,
      }),
    );
    expect(await arrived('<r2@citizen.test>')).toBe(c1);
    // 3. Only the ticket tag in the subject (a fresh mail from the same requester).
    await peers.deliver(OFFICE, mail({ subject: `Pertanyaan lanjutan [${detail.ticket}]`, messageId: '<r3@citizen.test>' }));
    expect(await arrived('<r3@citizen.test>')).toBe(c1);
    // The ticket tag threads mail from another address too (the requester's office mailbox): marked
    // in the timeline, the address offered for the requester's record, no second requester.
    const requestersBefore = env.count('SELECT count(*) AS n FROM requesters');
    await peers.deliver(OFFICE, mail({ from: 'Orang Lain <lain@example.org>', subject: `Soal [${detail.ticket}]`, messageId: '<other@x.test>' }));
    expect(await arrived('<other@x.test>')).toBe(c1);
    expect(env.count('SELECT count(*) AS n FROM requesters')).toBe(requestersBefore);
    const offered = await env.core.must('requesters.identity', { requesterId: detail.requester.id });
    const address = offered.suggestions.find((h) => h.source === 'address');
    expect(address).toMatchObject({ field: 'email', value: 'lain@example.org', conversationId: c1 });
    expect(env.count("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'activity' AND meta LIKE '%other_sender%'", c1)).toBe(1);
    await env.core.must('requesters.confirmFromEmail', { requesterId: detail.requester.id, hintIds: [address!.id] });
    expect(env.count("SELECT count(*) AS n FROM channel_identities WHERE source_id = 'lain@example.org' AND requester_id = ?", detail.requester.id)).toBe(1);
    // No hint at all starts a new one.
    await peers.deliver(OFFICE, mail({ subject: 'Topik baru', messageId: '<r4@citizen.test>' }));
    expect(await arrived('<r4@citizen.test>')).not.toBe(c1);

    // Quoted history is folded for display, the original stays available.
    await peers.deliver(
      OFFICE,
      mail({
        messageId: '<q@citizen.test>',
        inReplyTo: ourId,
        body: 'Sudah saya terima.\r\n\r\nPada Sen, 1 Des 2026 pukul 10.00, PST <pst@example.test> menulis:\r\n> Baik, data IPM kami lampirkan.\r\n',
      }),
    );
    await arrived('<q@citizen.test>');
    const q = env.core.services.db.prepare("SELECT id, body_text FROM messages WHERE external_id = '<q@citizen.test>'").get() as {
      id: number;
      body_text: string;
    };
    expect(q.body_text).toBe('Sudah saya terima.');
    const original = await env.core.must('email.original', { messageId: q.id });
    expect(original.fullText).toContain('> Baik, data IPM kami lampirkan.');
    expect(original.quotedText).toMatch(/^Pada Sen, 1 Des 2026 .* menulis:\n> Baik/);
    expect(original.inReplyTo).toBe(ourId);
  });

  it('SMTP 4xx is retried until sent; 5xx fails with the reason; a bounce marks the reported mail failed', async () => {
    await peers.deliver(OFFICE, mail({ subject: 'Data penduduk', messageId: '<smtp@citizen.test>' }));
    const c = await arrived('<smtp@citizen.test>');
    // The workflow's acknowledgement goes first: let it leave before arranging SMTP faults.
    await until('outbox idle', () => env.count("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending')") === 0);

    peers.smtp.rejectNext(1, { code: 451, message: '4.3.0 Coba lagi nanti' });
    const m1 = await env.core.must('messages.send', { conversationId: c, text: 'Balasan pertama' });
    await until('sent after retry', () => env.count("SELECT count(*) AS n FROM messages WHERE id = ? AND delivery = 'sent'", m1.id) === 1);
    expect(env.count('SELECT attempts AS n FROM outbox WHERE message_id = ?', m1.id)).toBe(2);

    // The connection breaks in the middle of DATA: nothing was accepted, so it is sent again, once.
    peers.smtp.dropConnectionMidData(1);
    const dropped = await env.core.must('messages.send', { conversationId: c, text: 'Balasan yang terputus' });
    await until('sent after a dropped connection', () => env.count("SELECT count(*) AS n FROM messages WHERE id = ? AND delivery = 'sent'", dropped.id) === 1);
    const droppedId = (env.core.services.db.prepare('SELECT external_id AS id FROM messages WHERE id = ?').get(dropped.id) as { id: string }).id;
    expect(peers.smtp.received.filter((r) => r.messageId === droppedId)).toHaveLength(1);
    expect(env.count('SELECT attempts AS n FROM outbox WHERE message_id = ?', dropped.id)).toBe(2);

    peers.smtp.rejectNext(1, { code: 550, message: '5.7.1 Ditolak kebijakan' });
    const m2 = await env.core.must('messages.send', { conversationId: c, text: 'Balasan kedua' });
    const failed = await until(
      'failed',
      () =>
        env.core.services.db.prepare("SELECT failure_reason FROM messages WHERE id = ? AND delivery = 'failed'").get(m2.id) as
          { failure_reason: string } | undefined,
    );
    expect(failed.failure_reason).toMatch(/550.*Ditolak kebijakan/);
    expect(env.count('SELECT attempts AS n FROM outbox WHERE message_id = ?', m2.id)).toBe(1);

    // The first reply bounces later: the DSN names it by Original-Message-ID.
    const ourId = (env.core.services.db.prepare('SELECT external_id AS id FROM messages WHERE id = ?').get(m1.id) as { id: string }).id;
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
      `To: ${OFFICE}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn.1@mx.example.org>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"',
      '',
      '--BB',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--BB',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      `Original-Message-ID: ${ourId}`,
      '',
      `Final-Recipient: rfc822; ${CITIZEN}`,
      'Action: failed',
      'Status: 5.2.2',
      'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
      '',
      '--BB',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${ourId}`,
      'Subject: Re: Data penduduk',
      '',
      '--BB--',
      '',
    ].join('\r\n');
    await peers.deliver(OFFICE, dsn, { from: '' });
    const bounced = await until(
      'bounce recorded',
      () =>
        env.core.services.db.prepare("SELECT delivery, failure_reason FROM messages WHERE id = ? AND delivery = 'failed'").get(m1.id) as
          { failure_reason: string } | undefined,
    );
    expect(bounced.failure_reason).toMatch(/status 5\.2\.2.*Mailbox full/);
    expect(env.count("SELECT count(*) AS n FROM outbox WHERE message_id = ? AND state = 'failed'", m1.id)).toBe(1);
    // The DSN is kept in the same conversation, as automated mail: it opened nothing.
    expect(conversationOf('<dsn.1@mx.example.org>')).toBe(c);
    expect(env.count("SELECT count(*) AS n FROM conversations WHERE automated = 0 AND id != ? AND subject LIKE 'Undelivered%'", c)).toBe(0);
  });
});

describe.skipIf(!available)('email send crash recovery (states a kill -9 leaves behind)', () => {
  let peers: MailPeers;
  beforeAll(async () => {
    peers = await startMailPeers();
  });
  afterAll(async () => {
    await peers?.close();
  });

  it('reconcile: never-started is sent once, accepted or found in Sent counts as sent, mid-DATA is never resent blindly', async () => {
    const { startFastCore, accountInput } = await import('./fixtures/email-env');
    const { startChannels } = await import('../../src-main/core/channels');
    const { ingest } = await import('../../src-main/core/inbound/ingest');
    const { enqueueOutgoing } = await import('../../src-main/core/outbox/outbox');
    const { UNKNOWN_AFTER_CRASH } = await import('../../src-main/core/outbox/worker');
    const core = await startFastCore();
    await core.must('email.saveAccount', accountInput(peers));
    const db = core.services.db;
    const conversationId = ingest(core.services, {
      channel: 'email',
      externalId: '<ask@citizen.test>',
      sourceId: CITIZEN,
      receivedAt: Date.parse('2025-03-03T02:00:00Z'),
      text: 'Tanya',
      subject: 'Tanya data',
      thread: { mode: 'explicit' },
    }).conversationId;
    const crashed = (text: string, email: { id?: string; started?: boolean; accepted?: boolean }) => {
      const messageId = enqueueOutgoing(core.services, { conversationId, channel: 'email', officerId: null, payload: { kind: 'reply', text } });
      db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE message_id = ?").run(messageId);
      if (email.id)
        db.prepare('INSERT INTO email_messages (message_id, header_message_id, smtp_started_at, smtp_accepted_at) VALUES (?, ?, ?, ?)').run(
          messageId,
          email.id,
          email.started ? 1 : null,
          email.accepted ? 2 : null,
        );
      return messageId;
    };
    const neverStarted = crashed('belum mulai', { id: '<pst.never@example.test>' });
    const noRow = crashed('tanpa baris', {});
    const accepted = crashed('sudah diterima', { id: '<pst.accepted@example.test>', started: true, accepted: true });
    const inSent = crashed('ada di Sent', { id: '<pst.insent@example.test>', started: true });
    const midData = crashed('di tengah DATA', { id: '<pst.middata@example.test>', started: true });
    await peers.append(OFFICE, '\\Sent', mail({ messageId: '<pst.insent@example.test>', from: OFFICE }), ['\\Seen']);

    const channels = await startChannels(core.services, { email: (await import('./fixtures/email-env')).FAST });
    try {
      await core.start(); // the outbox recovers the 'sending' items through the connector
      await until(
        'outbox settled',
        () => (db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get() as { n: number }).n === 0,
        15_000,
      );
      const state = (id: number) =>
        db.prepare('SELECT m.delivery, m.failure_reason, m.external_id FROM messages m WHERE m.id = ?').get(id) as {
          delivery: string;
          failure_reason: string | null;
          external_id: string | null;
        };
      const copies = (id: string) => peers.smtp.received.filter((r) => r.messageId === id).length;
      expect(state(neverStarted)).toMatchObject({ delivery: 'sent', external_id: '<pst.never@example.test>' });
      expect(copies('<pst.never@example.test>')).toBe(1);
      expect(state(noRow).delivery).toBe('sent');
      expect(copies(state(noRow).external_id!)).toBe(1);
      expect(state(accepted)).toMatchObject({ delivery: 'sent', external_id: '<pst.accepted@example.test>' });
      expect(copies('<pst.accepted@example.test>')).toBe(0); // it had left before the crash: not handed over again
      expect(state(inSent)).toMatchObject({ delivery: 'sent', external_id: '<pst.insent@example.test>' });
      expect(copies('<pst.insent@example.test>')).toBe(0);
      expect(state(midData)).toMatchObject({ delivery: 'failed', failure_reason: UNKNOWN_AFTER_CRASH });
      expect(copies('<pst.middata@example.test>')).toBe(0);
      // The accepted mail's Sent copy, missing after the crash, was rebuilt and appended once.
      await until(
        'Sent copy of the accepted mail',
        () => (db.prepare('SELECT sent_appended_at AS n FROM email_messages WHERE message_id = ?').get(accepted) as { n: number | null }).n,
      );
      const sent = await mailbox(peers, OFFICE, 'Sent');
      expect(sent.filter((m) => m.parsed.messageId === '<pst.accepted@example.test>')).toHaveLength(1);
      expect(sent.filter((m) => m.parsed.messageId === '<pst.insent@example.test>')).toHaveLength(1);
    } finally {
      await channels.stop();
      await core.dispose();
    }
  });
});
