import { generateSeed, type SeedConversation, type SeedMessage, type SeedOptions } from './generator';
import { outcomeAt, type ConversationOutcome } from './outcome';
import { Rng } from './random';
import type { MessageKind } from './texts';
import { HOUR_MS, MINUTE_MS, witaDayIndex, witaDayStart, witaHour, witaWeekday } from './timeline';

/** A consultation's life as the console would record it: what came in, what officers answered, where it ended. */
export type HistoryEvent =
  | { type: 'incoming'; message: SeedMessage }
  | { type: 'outgoing'; conversation: SeedConversation; at: number; text: string }
  | { type: 'outcome'; conversation: SeedConversation; lastMessageAt: number; outcome: ConversationOutcome };

const REPLIES: Record<MessageKind, readonly string[]> = {
  opening: [
    'Om Swastyastu, terima kasih telah menghubungi PST BPS Kabupaten Buleleng. Layanan ini gratis. Mohon lengkapi identitas: nama, instansi, email, nomor WhatsApp dan keperluan data.',
    'Selamat pagi, terima kasih atas permintaannya. Sebelum kami proses, mohon kirimkan nama, instansi/universitas, email aktif, nomor WA dan keperluan penggunaan data.',
  ],
  identity: [
    'Terima kasih, identitas sudah lengkap. Permintaan Anda kami proses paling lama 3 hari kerja.',
    'Baik, data diri sudah kami terima. Kami carikan tabelnya terlebih dahulu ya.',
  ],
  clarification: [
    'Data tersebut tersedia sampai tingkat kecamatan dalam publikasi Kecamatan Dalam Angka; untuk tingkat desa belum tersedia.',
    'Datanya dapat diunduh di https://bulelengkab.bps.go.id pada menu Tabel Statistik. File Excel kami lampirkan.',
    'Definisi dan metadata indikator tersebut dapat dilihat di https://sirusa.bps.go.id.',
  ],
  extra: ['Untuk data tambahan tersebut kami kirimkan bersama file berikutnya.', 'Data tersebut tersedia di publikasi Kabupaten Buleleng Dalam Angka.'],
  followUp: [
    'Mohon maaf atas keterlambatannya, data sedang kami siapkan dan akan kami kirim hari ini.',
    'Terima kasih sudah menunggu, berikut kami lampirkan datanya.',
  ],
  thanks: [
    'Sama-sama, semoga bermanfaat. Mohon kesediaannya mengisi penilaian layanan kami.',
    'Terima kasih kembali. Konsultasi ini kami tutup; silakan beri penilaian.',
  ],
};

/** Replies go out in service hours (Mon–Fri 08:00–15:30 WITA), 10 minutes to 2 hours after the message. */
function officerReplyTime(rng: Rng, after: number): number {
  let at = after + Math.floor((10 + rng.next() * 110) * MINUTE_MS);
  for (;;) {
    const day = witaDayIndex(at);
    const weekday = witaWeekday(day);
    const hour = witaHour(at);
    if (weekday !== 0 && weekday !== 6 && hour >= 8 && hour < 15.5) return at;
    // Next opening: 08:00 today if it is still early on a weekday, else 08:00 the next day (checked again).
    at = weekday !== 0 && weekday !== 6 && hour < 8 ? witaDayStart(day) + 8 * HOUR_MS : witaDayStart(day + 1) + 8 * HOUR_MS;
    at += Math.floor(rng.next() * 90 * MINUTE_MS);
  }
}

/**
 * The generated traffic with officers' replies and each consultation's end state at `now`,
 * for a training database. Incoming messages keep arrival order; a reply follows the message
 * it answers; the outcome follows a thread's last message.
 */
export function* generateHistory(options: SeedOptions & { now: number }): Generator<HistoryEvent[]> {
  const rng = new Rng((options.seed ?? 0) ^ 0x4157);
  for (const batch of generateSeed(options)) {
    const events: HistoryEvent[] = [];
    for (const message of batch) {
      events.push({ type: 'incoming', message });
      const { conversation: c, index, kind } = message;
      const at = officerReplyTime(rng, message.inbound.receivedAt);
      const last = index === c.messageCount - 1;
      if (at < options.now && (!last || rng.chance(0.7))) events.push({ type: 'outgoing', conversation: c, at, text: rng.pick(REPLIES[kind]) });
      if (last)
        events.push({
          type: 'outcome',
          conversation: c,
          lastMessageAt: message.inbound.receivedAt,
          outcome: outcomeAt(rng, message.inbound.receivedAt, options.now),
        });
    }
    yield events;
  }
}
