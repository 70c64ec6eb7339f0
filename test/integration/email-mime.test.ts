import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { mail, OFFICE, startEmailEnv, until, type EmailEnv } from './fixtures/email-env';

const available = requireMailPeers('email-mime');

const CRLF = '\r\n';
const raw = (lines: (string | Buffer)[]): Buffer =>
  Buffer.concat(lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l, 'latin1') : l, Buffer.from(CRLF)])));

interface Row {
  id: number;
  conversation_id: number;
  external_id: string;
  body_text: string;
  body_html: string | null;
  created_at: number;
  meta: string;
  subject: string | null;
  automated: number;
}

describe.skipIf(!available)('email parsing of real-world, broken and hostile mail (through Dovecot)', () => {
  let peers: MailPeers;
  let env: EmailEnv;
  const row = (externalId: string): Row =>
    env.core.services.db
      .prepare(
        'SELECT m.id, m.conversation_id, m.external_id, m.body_text, m.body_html, m.created_at, m.meta, c.subject, c.automated FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.external_id = ?',
      )
      .get(externalId) as Row;
  const rowsLike = (pattern: string): Row[] =>
    env.core.services.db
      .prepare("SELECT m.id, m.external_id, m.body_text, m.created_at FROM messages m WHERE m.external_id LIKE ? AND m.direction = 'incoming' ORDER BY m.id")
      .all(pattern) as Row[];
  const attachmentsOf = (messageId: number) =>
    env.core.services.db.prepare('SELECT file_name, mime_type, size, content_id, sha256 FROM attachments WHERE message_id = ? ORDER BY id').all(messageId) as {
      file_name: string;
      mime_type: string;
      size: number;
      content_id: string | null;
      sha256: string;
    }[];
  const incoming = () => env.count("SELECT count(*) AS n FROM messages WHERE direction = 'incoming'");

  beforeAll(async () => {
    peers = await startMailPeers();
    env = await startEmailEnv(peers);
    await until('idle', () => env.channels.email.status()?.state === 'idle');
  });
  afterAll(async () => {
    await env?.dispose();
    await peers?.close();
  });

  it('automated mail of every kind is stored, opens no request and gets no acknowledgement', async () => {
    const kinds: Record<string, string> = {
      vacation: mail({ messageId: '<auto.vacation@x.test>', headers: ['Auto-Submitted: auto-replied'], subject: 'Sedang cuti' }),
      bulk: mail({ messageId: '<auto.bulk@x.test>', headers: ['Precedence: bulk'] }),
      list: mail({ messageId: '<auto.list@x.test>', headers: ['Precedence: list'] }),
      junk: mail({ messageId: '<auto.junk@x.test>', headers: ['Precedence: junk'] }),
      unsubscribe: mail({ messageId: '<auto.unsub@x.test>', headers: ['List-Unsubscribe: <mailto:leave@news.example.org>'] }),
      noreply: mail({ messageId: '<auto.noreply@x.test>', from: 'Sistem <no-reply@portal.example.org>' }),
      daemon: mail({ messageId: '<auto.daemon@x.test>', from: 'MAILER-DAEMON@mx.example.org' }),
      postmaster: mail({ messageId: '<auto.postmaster@x.test>', from: 'postmaster@mx.example.org' }),
      report: raw([
        'From: mx@mx.example.org',
        `To: ${OFFICE}`,
        'Subject: Delivery Status',
        'Message-ID: <auto.report@x.test>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="R"',
        '',
        '--R',
        'Content-Type: text/plain',
        '',
        'Delayed.',
        '--R',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.org',
        '',
        'Final-Recipient: rfc822; a@b.test',
        'Action: delayed',
        'Status: 4.4.1',
        '',
        '--R--',
      ]).toString('latin1'),
    };
    const person = mail({ messageId: '<person@x.test>', subject: 'Permintaan data inflasi' });
    for (const m of [...Object.values(kinds), person]) await peers.deliver(OFFICE, m);
    await until('all stored', () => incoming() >= 10);

    const reasons = Object.fromEntries(
      Object.entries({
        vacation: 'auto.vacation',
        bulk: 'auto.bulk',
        list: 'auto.list',
        junk: 'auto.junk',
        unsubscribe: 'auto.unsub',
        noreply: 'auto.noreply',
        daemon: 'auto.daemon',
        postmaster: 'auto.postmaster',
        report: 'auto.report',
      }).map(([kind, id]) => {
        const r = row(`<${id}@x.test>`);
        expect(r.automated, kind).toBe(1);
        return [kind, (JSON.parse(r.meta) as { email: { automated: string } }).email.automated];
      }),
    );
    expect(reasons).toEqual({
      vacation: 'auto-submitted:auto-replied',
      bulk: 'precedence:bulk',
      list: 'precedence:list',
      junk: 'precedence:junk',
      unsubscribe: 'list-unsubscribe',
      noreply: 'no-reply',
      daemon: 'mailer-daemon',
      postmaster: 'mailer-daemon',
      report: 'report:delivery-status',
    });
    const personRow = row('<person@x.test>');
    expect(personRow.automated).toBe(0);
    // The workflow acknowledges the person's mail (through this connector), and nothing else.
    await until('ack sent', () => env.count("SELECT count(*) AS n FROM messages WHERE direction = 'outgoing' AND delivery = 'sent'") >= 1);
    const replied = env.core.services.db.prepare("SELECT DISTINCT conversation_id AS c FROM messages WHERE direction = 'outgoing'").all() as { c: number }[];
    expect(replied).toEqual([{ c: personRow.conversation_id }]);
    const ack = peers.smtp.received.find((r) => r.envelope.rcptTo.includes('pemohon@example.test'));
    expect(ack?.raw.toString()).toMatch(/^Auto-Submitted: auto-replied/m);
  });

  it('broken and hostile MIME: no Message-ID, a reused Message-ID, bad dates, truncated multipart, NUL, a 5,000-character header, scripts', async () => {
    const before = incoming();
    const noIdA = mail({ messageId: null, subject: 'Tanpa Message-ID A', body: 'isi A' });
    const noIdB = mail({ messageId: null, subject: 'Tanpa Message-ID B', body: 'isi B' });
    const reusedA = mail({ messageId: '<reused@broken-client.test>', subject: 'Pertama', body: 'pesan pertama' });
    const reusedB = mail({ messageId: '<reused@broken-client.test>', subject: 'Kedua', body: 'pesan kedua yang berbeda' });
    const same = mail({ messageId: '<twice@x.test>', subject: 'Dikirim dua kali' });
    const internal = new Date('2025-03-04T05:06:07Z');
    const badDate = mail({ messageId: '<baddate@x.test>', date: 'kemarin sore, kira-kira' });
    const noDate = mail({ messageId: '<nodate@x.test>', date: null });
    const truncated = raw([
      'From: a@b.test',
      `To: ${OFFICE}`,
      'Subject: Terpotong',
      'Message-ID: <truncated@x.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="T"',
      '',
      '--T',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bagian yang sampai.',
      '--T',
      'Content-Type: application/pdf; name="a.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQKJ',
    ]);
    const nul = raw([
      'From: a@b.test',
      `To: ${OFFICE}`,
      'Subject: NUL',
      'Message-ID: <nul@x.test>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      Buffer.from('sebelum\u0000sesudah', 'utf8'),
    ]);
    const longHeader = mail({ messageId: '<long@x.test>', subject: `Panjang ${'x'.repeat(5_000)}`, headers: [`X-Long: ${'y'.repeat(5_000)}`] });
    const script = raw([
      'From: a@b.test',
      `To: ${OFFICE}`,
      'Subject: HTML',
      'Message-ID: <script@x.test>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Halo <b>PST</b></p><script>alert("xss")</script><img src=x onerror="alert(1)">',
    ]);

    for (const m of [noIdA, noIdB, reusedA, reusedB, same, same, noDate, truncated, nul, longHeader, script]) await peers.deliver(OFFICE, m);
    await peers.append(OFFICE, 'INBOX', badDate, [], internal);
    await until('all stored', () => incoming() >= before + 11, 15_000);

    const noId = rowsLike('<derived.%@pst.invalid>').map((r) => r.body_text);
    expect(noId).toEqual(['isi A', 'isi B']);
    expect(rowsLike('<reused@broken-client.test>%').map((r) => [r.external_id.replace(/#[0-9a-f]{16}$/, '#hash'), r.body_text])).toEqual([
      ['<reused@broken-client.test>', 'pesan pertama'],
      ['<reused@broken-client.test>#hash', 'pesan kedua yang berbeda'],
    ]);
    expect(rowsLike('<twice@x.test>%')).toHaveLength(1);
    expect(row('<baddate@x.test>').created_at).toBe(internal.getTime());
    expect(JSON.parse(row('<baddate@x.test>').meta).email.dateSource).toBe('internaldate');
    expect(JSON.parse(row('<nodate@x.test>').meta).email.dateSource).toBe('internaldate');
    expect(row('<truncated@x.test>').body_text).toBe('Bagian yang sampai.');
    // IMAP cannot carry NUL: Dovecot sends 0x80 instead (shown as U+FFFD); no NUL reaches the store.
    expect(row('<nul@x.test>').body_text).toMatch(/^sebelum\uFFFD?sesudah$/u);
    expect(row('<long@x.test>').subject).toHaveLength(998);
    const s = row('<script@x.test>');
    expect(s.body_text).toMatch(/^Halo PST\b/);
    expect(s.body_text).not.toMatch(/alert|xss|script/); // the text shown everywhere carries no script
    expect(s.body_html).toContain('<script>alert("xss")</script>'); // kept as received; DOMPurify sanitizes at display
    expect(JSON.parse(s.meta).email.htmlOnly).toBe(true);
    const view = (await env.core.must('messages.list', { conversationId: s.conversation_id })).find((m) => m.id === s.id);
    expect(view).toMatchObject({ text: s.body_text, hasHtml: true });
    expect(env.channels.email.status()?.state).toBe('idle'); // nothing above stalled the sync
  });

  it('charsets and encodings: iso-8859-1 QP, windows-1252 base64, RFC 2047 subjects, RFC 2231 file names, inline cid images', async () => {
    const before = incoming();
    const latin1 = raw([
      'From: a@b.test',
      `To: ${OFFICE}`,
      'Subject: =?ISO-8859-1?Q?Data_caf=E9_d=E9sa?=',
      'Message-ID: <latin1@x.test>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=E9 di Singaraja, se=\r\nlamat pagi.',
    ]);
    const cp1252Body = Buffer.from([0x93, 0x44, 0x61, 0x74, 0x61, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x6f, 0x6b]).toString('base64');
    const cp1252 = raw([
      'From: a@b.test',
      `To: ${OFFICE}`,
      'Subject: =?UTF-8?B?UGVybWludGFhbiBkYXRhIPCfk4ogQmFsaQ==?=',
      'Message-ID: <cp1252@x.test>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=windows-1252',
      'Content-Transfer-Encoding: base64',
      '',
      cp1252Body,
    ]);
    const pdf = Buffer.from('%PDF-1.4 laporan');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const files = raw([
      'From: a@b.test',
      `To: ${OFFICE}`,
      'Subject: Lampiran',
      'Message-ID: <files@x.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="F"',
      '',
      '--F',
      'Content-Type: multipart/related; boundary="G"',
      '',
      '--G',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Grafik:</p><img src="cid:grafik1@x.test">',
      '--G',
      'Content-Type: image/png',
      'Content-ID: <grafik1@x.test>',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: base64',
      '',
      png.toString('base64'),
      '--G--',
      '--F',
      'Content-Type: application/pdf',
      "Content-Disposition: attachment; filename*=UTF-8''Laporan%20Kecamatan%20S%C3%A9ririt.pdf",
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64'),
      '--F',
      'Content-Type: text/plain',
      "Content-Disposition: attachment; filename*0*=UTF-8''Data%20Penduduk%20; filename*1*=%E2%80%93%202025.txt",
      '',
      'isi',
      '--F--',
    ]);
    for (const m of [latin1, cp1252, files]) await peers.deliver(OFFICE, m);
    await until('all stored', () => incoming() >= before + 3);

    expect(row('<latin1@x.test>')).toMatchObject({ subject: 'Data café désa', body_text: 'Café di Singaraja, selamat pagi.' });
    expect(row('<cp1252@x.test>')).toMatchObject({ subject: 'Permintaan data 📊 Bali', body_text: '“Data” €5 – ok' });
    const f = row('<files@x.test>');
    expect(f.body_html).toContain('src="cid:grafik1@x.test"');
    const stored = attachmentsOf(f.id);
    expect(stored.map((a) => [a.file_name, a.mime_type, a.size, a.content_id])).toEqual([
      ['gambar-sisip-1.png', 'image/png', png.length, 'grafik1@x.test'],
      ['Laporan Kecamatan Séririt.pdf', 'application/pdf', pdf.length, null],
      ['Data Penduduk – 2025.txt', 'text/plain', 3, null],
    ]);
    expect(env.core.services.attachments.read(stored[1]!.sha256).equals(pdf)).toBe(true);
  });
});
