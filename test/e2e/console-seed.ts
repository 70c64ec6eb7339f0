import { join } from 'node:path';
import { createCore } from '../../src-main/core/app';
import { ingest } from '../../src-main/core/domain/ingest';
import type { InboundMessage } from '../../src-main/core/domain/inbound';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { ADMIN, memorySession } from '../helpers/core';

const MINUTE = 60_000;

export const PEOPLE = {
  ready: 'Kadek Ayu Lestari',
  incomplete: 'Komang Adi Saputra',
  failed: 'Putu Sri Handayani',
  hostile: 'Wayan Penipu',
} as const;

export const TEMPLATE = { name: 'Salam pembuka', shortcut: 'salam', body: 'Selamat pagi {nama}, terima kasih telah menghubungi PST. Nomor tiket Anda {tiket}.' };

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
  const core = createCore({ dataDir, host: 'browser', version: '0.0.0-test', cipher: new KeyFileCipher(join(dataDir, 'secret.key')), now: () => now, outbox: { maxAttempts: 1 } });
  const session = memorySession();
  const must = async <T>(method: Parameters<typeof core.dispatch>[0], input: unknown): Promise<T> => {
    const result = await core.dispatch(method, input, session);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
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
    const ready = ingest(core.services, telegram(1, PEOPLE.ready, 'Selamat pagi, saya butuh data jumlah penduduk Kecamatan Sukasada tahun 2024.', now - 90 * MINUTE, 'Universitas Pendidikan Ganesha'));
    ingest(core.services, telegram(2, PEOPLE.incomplete, 'Halo, saya mau tanya data pertanian.', now - 60 * MINUTE));
    const failed = ingest(core.services, telegram(3, PEOPLE.failed, 'Apakah ada publikasi Buleleng Dalam Angka terbaru?', now - 45 * MINUTE, 'Dinas Pariwisata Kabupaten Buleleng'));
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

    // The ready one: claimed, every requirement filled in (the SLA clock starts).
    await must('conversations.claim', { id: ready.conversationId });
    await must('conversations.updateRequirements', {
      id: ready.conversationId,
      requester: { institution: 'Universitas Pendidikan Ganesha', occupation: 'Pelajar/Mahasiswa', email: 'kadek.ayu@example.test', whatsapp: '0812-3456-7890' },
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
