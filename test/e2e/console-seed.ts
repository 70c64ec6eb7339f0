import { deflateSync } from 'node:zlib';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { ADMIN, startTestCore } from '../helpers/core';

const MINUTE = 60_000;

export const PEOPLE = {
  ready: 'Kadek Ayu Lestari',
  incomplete: 'Komang Adi Saputra',
  failed: 'Putu Sri Handayani',
  hostile: 'Wayan Penipu',
  hostileTelegram: 'Komang Iseng',
} as const;

/** Telegram text is plain text: markup in it must show as characters, never become elements. */
export const hostileTelegramText = (pixelUrl: string): string =>
  `Halo <b>petugas</b> <img src="${pixelUrl}?tg" onerror="alert(8)"><script>alert(9)</script> <a href="javascript:alert(10)">klik</a> <iframe src="${pixelUrl}?tgframe"></iframe> mohon data kemiskinan.`;
/** A file name that tries to climb out of the attachments folder and to inject markup where it is shown. */
export const HOSTILE_FILE_NAME = '../../..\\Windows\\<img src=x onerror=alert(11)>.pdf';

export const TEMPLATE = {
  name: 'Salam pembuka',
  shortcut: 'salam',
  body: 'Selamat pagi {nama}, terima kasih telah menghubungi PST. Nomor tiket Anda {tiket}.',
};

/** Mail HTML that tries everything: scripts, handlers, javascript: links, frames, CSS, a tracking pixel. */
export const hostileHtml = (pixelUrl: string): string => `
<html><head><script>alert(1); parent.postMessage('pwned','*'); top.document.title='pwned';</script>
<style>body { background: url(${pixelUrl}?css); } .x { width: expression(alert(3)); }</style></head>
<body onload="alert(2)">
<p>Yth. petugas PST, mohon data <b>inflasi Singaraja</b> bulan Oktober.</p>
<img src="${pixelUrl}" width="1" height="1" alt="">
<img src="x" onerror="alert(4);fetch('${pixelUrl}?onerror')">
<a href="javascript:alert(5)">klik di sini</a>
<iframe src="${pixelUrl}?iframe"></iframe>
<svg><script>alert(6)</script><image href="${pixelUrl}?svg"/></svg>
<form action="${pixelUrl}?form"><input name="q" value="x"><button>kirim</button></form>
<div style="background-image: url('${pixelUrl}?inline')">latar</div>
<blockquote>Pada 1 Nov, PST menulis: pesan lama yang dikutip</blockquote>
</body></html>`;

/**
 * A data dir for the console specs, filled through the real core as the connectors and officers
 * would: four consultations (ready, incomplete, one with a failed reply, one hostile email) and a
 * quick reply. The failed reply is a real outbox failure: no connector is registered and the
 * seed's outbox allows one attempt.
 */
export async function seedConsole(dataDir: string, pixelUrl: string, now = Date.now()): Promise<typeof ADMIN> {
  const core = startTestCore({ dir: dataDir, now: () => now, outbox: { maxAttempts: 1 } });
  const must = core.must;
  try {
    await must('auth.setupAdmin', ADMIN);
    const telegram = (id: number, name: string, text: string, at: number, institution?: string): InboundMessage => ({
      channel: 'telegram',
      externalId: `2000${id}:${at}`,
      sourceId: `2000${id}`,
      displayName: name,
      receivedAt: at,
      text,
      requester: { name, institution, telegramUserId: `2000${id}` },
      thread: { mode: 'identity' },
    });
    const ready = ingest(
      core.services,
      telegram(
        1,
        PEOPLE.ready,
        'Selamat pagi, saya butuh data jumlah penduduk Kecamatan Sukasada tahun 2024.',
        now - 90 * MINUTE,
        'Universitas Pendidikan Ganesha',
      ),
    );
    ingest(core.services, telegram(2, PEOPLE.incomplete, 'Halo, saya mau tanya data pertanian.', now - 60 * MINUTE));
    const failed = ingest(
      core.services,
      telegram(3, PEOPLE.failed, 'Apakah ada publikasi Buleleng Dalam Angka terbaru?', now - 45 * MINUTE, 'Dinas Pariwisata Kabupaten Buleleng'),
    );
    ingest(core.services, {
      channel: 'email',
      externalId: '<hostile-1@example.test>',
      sourceId: 'wayan.penipu@example.test',
      displayName: PEOPLE.hostile,
      receivedAt: now - 30 * MINUTE,
      subject: 'Permintaan data inflasi',
      text: 'Yth. petugas PST, mohon data inflasi Singaraja bulan Oktober.',
      html: hostileHtml(pixelUrl),
      requester: { name: PEOPLE.hostile, email: 'wayan.penipu@example.test' },
      thread: { mode: 'explicit' },
    });

    ingest(core.services, {
      channel: 'telegram',
      externalId: '20005:1',
      sourceId: '20005',
      displayName: PEOPLE.hostileTelegram,
      receivedAt: now - 20 * MINUTE,
      text: hostileTelegramText(pixelUrl),
      attachments: [{ fileName: HOSTILE_FILE_NAME, mimeType: 'application/pdf', content: PDF_BYTES }],
      requester: { name: PEOPLE.hostileTelegram, telegramUserId: '20005' },
      thread: { mode: 'identity' },
    });

    // The ready one: claimed, every requirement filled in (the SLA clock starts).
    await must('conversations.claim', { id: ready.conversationId });
    await must('conversations.updateRequirements', {
      id: ready.conversationId,
      requester: {
        institution: 'Universitas Pendidikan Ganesha',
        occupation: 'Pelajar/Mahasiswa',
        email: 'kadek.ayu@example.test',
        whatsapp: '0812-3456-7890',
      },
      need: 'Jumlah penduduk Kecamatan Sukasada 2024 per desa, untuk skripsi',
    });

    // A reply that cannot leave: no connector in the seed, one attempt allowed.
    await must('messages.send', { conversationId: failed.conversationId, text: 'Ada, kami kirimkan tautannya sebentar lagi.' });
    await core.outbox.drain();

    await must('templates.create', TEMPLATE);
    return ADMIN;
  } finally {
    await core.close();
  }
}

export const MERGE_PERSON = { name: 'Gede Wiratama', institution: 'Bappeda Kabupaten Buleleng', email: 'gede.wiratama@example.test' } as const;
export const CLOSED_PERSON = 'Nyoman Sukerta';
export const OFFICER = { username: 'made.petugas', displayName: 'Made Petugas', password: 'rahasia-petugas-123' } as const;

export const PNG_BANDS = [
  [220, 40, 40],
  [40, 160, 60],
  [40, 80, 220],
];
/** A real 160×100 PNG of three colour bands (red, green, blue), built with zlib like any encoder would. */
export const PNG_BYTES = bandedPng(160, 100);

function bandedPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => (bytes.reduce((c, b) => (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const bands = PNG_BANDS;
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: width }, () => bands[Math.min(2, Math.floor((3 * y) / height))] ?? [0, 0, 0]).flat()]),
  );
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
export const PDF_BYTES = Buffer.from('%PDF-1.4\n% Tabel penduduk Buleleng 2024\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * One person on two channels (a Telegram chat with an image and a PDF, then an email from the same
 * person), one closed consultation, and a plain officer. Everything goes through the real core.
 */
export async function seedRequesters(dataDir: string, now = Date.now()): Promise<typeof ADMIN> {
  const core = startTestCore({ dir: dataDir, now: () => now });
  const must = core.must;
  try {
    await must('auth.setupAdmin', ADMIN);
    await must('officers.create', { ...OFFICER, role: 'officer' });
    ingest(core.services, {
      channel: 'telegram',
      externalId: '30001:1',
      sourceId: '30001',
      displayName: MERGE_PERSON.name,
      receivedAt: now - 120 * MINUTE,
      text: 'Ini foto tabel yang saya maksud, dan berkas PDF-nya.',
      attachments: [
        { fileName: 'tabel-penduduk.png', mimeType: 'image/png', content: PNG_BYTES },
        { fileName: 'penduduk-2024.pdf', mimeType: 'application/pdf', content: PDF_BYTES },
      ],
      requester: { name: MERGE_PERSON.name, telegramUserId: '30001' },
      thread: { mode: 'identity' },
    });
    ingest(core.services, {
      channel: 'email',
      externalId: '<gede-1@example.test>',
      sourceId: MERGE_PERSON.email,
      displayName: MERGE_PERSON.name,
      receivedAt: now - 60 * MINUTE,
      subject: 'Permintaan data penduduk',
      text: 'Yth. PST, saya yang tadi bertanya lewat Telegram. Mohon data penduduk per desa.',
      requester: { name: MERGE_PERSON.name, email: MERGE_PERSON.email },
      thread: { mode: 'explicit' },
    });
    const closed = ingest(core.services, {
      channel: 'telegram',
      externalId: '30002:1',
      sourceId: '30002',
      displayName: CLOSED_PERSON,
      receivedAt: now - 90 * MINUTE,
      text: 'Mohon data IPM Buleleng 2024.',
      requester: { name: CLOSED_PERSON, institution: 'SMAN 1 Singaraja', telegramUserId: '30002' },
      thread: { mode: 'identity' },
    });
    await must('conversations.claim', { id: closed.conversationId });
    await must('conversations.updateRequirements', {
      id: closed.conversationId,
      requester: { institution: 'SMAN 1 Singaraja', occupation: 'Pelajar/Mahasiswa', email: 'nyoman@example.test', whatsapp: '0812-1111-2222' },
      need: 'IPM Buleleng 2024 untuk tugas sekolah',
    });
    await must('conversations.resolve', { id: closed.conversationId, summary: 'Dikirim tautan tabel IPM 2024.', topic: 'Kependudukan' });
    return ADMIN;
  } finally {
    await core.close();
  }
}
