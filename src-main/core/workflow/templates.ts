import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { id as localeId } from 'date-fns/locale';
import { describeServiceHours, SERVICE_TIME_ZONE } from '../calendar';
import type { Db } from '../store/db';

/** The messages the console writes by itself; each is a row of `templates` with this system key. */
export type SystemTemplateKey = 'ack' | 'out_of_hours' | 'rating_request_telegram' | 'rating_request_email' | 'survey_telegram' | 'survey_email';

const SIGN_OFF = 'Salam,\nPST BPS Kabupaten Buleleng';

/** The completion promise, worded the same in the acknowledgement, the bot's welcome and /start. */
export const slaPromise = (days: number | string): string => `Permintaan diselesaikan paling lambat ${days} hari kerja sejak persyaratan lengkap`;

export const SYSTEM_TEMPLATES: Record<SystemTemplateKey, { name: string; body: string }> = {
  ack: {
    name: 'Tanda terima otomatis',
    // Short on purpose: a chat channel asks the missing requirements right after it ({kekurangan} is empty there).
    body: [
      'Yth. {nama}, permintaan Anda kami terima dengan nomor tiket {tiket}.',
      '• Layanan ini GRATIS, tanpa biaya apa pun.',
      '• Jam layanan: {jam_layanan}.',
      `• ${slaPromise('{hari_kerja}')}.`,
      '{kekurangan}',
      'Mohon sebutkan nomor tiket {tiket} setiap kali menghubungi kami. Salam, PST BPS Kabupaten Buleleng.',
    ].join('\n'),
  },
  out_of_hours: {
    name: 'Balasan di luar jam layanan',
    body: 'Pesan Anda kami terima di luar jam layanan ({jam_layanan}). Petugas akan menanggapinya mulai {buka_kembali}.',
  },
  rating_request_telegram: {
    name: 'Permintaan penilaian (Telegram)',
    body: 'Konsultasi {tiket} telah selesai. Terima kasih telah menggunakan layanan PST BPS Kabupaten Buleleng.\n\nMohon beri penilaian layanan kami: pilih 1 sampai 5 bintang di bawah (1 = sangat kurang, 5 = sangat baik).',
  },
  rating_request_email: {
    name: 'Permintaan penilaian (email)',
    body: [
      'Yth. {nama},',
      '',
      'Konsultasi Anda dengan nomor tiket {tiket} telah kami selesaikan.',
      'Ringkasan: {ringkasan}',
      '',
      'Mohon beri penilaian atas layanan kami dengan MEMBALAS email ini: tulis satu angka 1–5 (1 = sangat kurang, 5 = sangat baik), boleh diikuti saran atau komentar. Contoh: "5 - sangat membantu".',
      '',
      SIGN_OFF,
    ].join('\n'),
  },
  survey_telegram: {
    name: 'Survei Kepuasan Masyarakat (Telegram)',
    body: 'Terima kasih atas penilaian Anda. Mohon luangkan satu menit untuk Survei Kepuasan Masyarakat (SKM): 9 pertanyaan singkat, pilih jawaban 1–4 pada setiap pertanyaan.',
  },
  survey_email: {
    name: 'Survei Kepuasan Masyarakat (email)',
    body: [
      'Yth. {nama},',
      '',
      'Terima kasih atas penilaian Anda untuk konsultasi {tiket}. Mohon isi juga Survei Kepuasan Masyarakat (SKM) dengan MEMBALAS email ini: beri nilai 1–4 untuk setiap unsur (1 = tidak baik, 4 = sangat baik), misalnya "U1: 4".',
      '',
      '{daftar_unsur}',
      '',
      SIGN_OFF,
    ].join('\n'),
  },
};

export interface TemplateRow {
  id: number;
  name: string;
  shortcut: string | null;
  body: string;
  language: 'id' | 'en';
  systemKey: string | null;
  updatedAt: number;
}

export const TEMPLATE_COLUMNS = `id, name, shortcut, body, language, system_key AS systemKey, updated_at AS updatedAt,
  retired_at IS NOT NULL AS retired, use_count AS useCount, last_used_at AS lastUsedAt`;

/** Stores the system templates that are not there yet (an edited one is kept as edited). */
export function seedSystemTemplates(db: Db, now: number): number {
  const insert = db.prepare('INSERT OR IGNORE INTO templates (name, body, language, system_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  let count = 0;
  for (const [key, t] of Object.entries(SYSTEM_TEMPLATES)) count += insert.run(t.name, t.body, 'id', key, now, now).changes;
  return count;
}

/** The stored body of a system template (the shipped one if the row is missing). */
export function systemTemplateBody(db: Db, key: SystemTemplateKey): string {
  const row = db.prepare('SELECT body FROM templates WHERE system_key = ?').get(key) as { body: string } | undefined;
  return row?.body ?? SYSTEM_TEMPLATES[key].body;
}

/** Placeholders a template may use. Unknown ones stay as written, so a typo is visible, not silent. */
export type Placeholders = Partial<
  Record<
    | 'nama'
    | 'tiket'
    | 'jam_layanan'
    | 'kekurangan'
    | 'hari_kerja'
    | 'batas_waktu'
    | 'buka_kembali'
    | 'ringkasan'
    | 'topik'
    | 'kantor'
    | 'petugas'
    | 'daftar_unsur',
    string
  >
>;

export function renderTemplate(body: string, values: Placeholders): string {
  return body
    .replace(/\{([a-z_]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values as Record<string, string>)[name]! : whole))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "Kamis, 26 November 2026 pukul 10.00 WITA". */
export const formatWita = (at: number): string => `${format(new TZDate(at, SERVICE_TIME_ZONE), "EEEE, d MMMM yyyy 'pukul' HH.mm", { locale: localeId })} WITA`;

export { describeServiceHours };
