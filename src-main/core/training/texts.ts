import type { Rng } from '../seed';

/** What simulated requesters and the seeded officers write, in the register PST Buleleng sees. */

export interface IdentityFields {
  name: string;
  institution: string;
  occupation: string;
  email: string;
  whatsapp: string;
  need: string;
}

export function identityText(rng: Rng, f: IdentityFields): string {
  const lead = rng.pick(['Berikut data diri saya:', 'Baik kak, ini identitas saya:', 'Sesuai permintaan, berikut kelengkapan identitas saya:']);
  return `${lead}\nNama: ${f.name}\nInstansi: ${f.institution}\nPekerjaan: ${f.occupation}\nEmail: ${f.email}\nNo. WA: ${f.whatsapp}\nKeperluan: ${f.need}`;
}

export const THANKS = [
  'Terima kasih banyak atas bantuannya 🙏',
  'Baik kak, datanya sudah saya terima. Matur suksma.',
  'Sudah saya terima filenya, terima kasih BPS Buleleng, pelayanannya cepat.',
  'Terima kasih kak, sangat membantu untuk skripsi saya.',
  'Suksma, data sudah lengkap.',
] as const;

export const FOLLOW_UPS = [
  'Kalau bisa datanya dalam format Excel ya kak, supaya mudah diolah.',
  'Apakah ada juga data per desa? Kalau tidak ada, per kecamatan juga tidak apa-apa.',
  'Mohon maaf kak, definisi yang dipakai BPS untuk indikator ini apa ya? Untuk saya cantumkan di metodologi.',
  'Untuk sitasi di laporan, sumbernya saya tulis publikasi apa ya kak?',
  'Saya sudah cek di website tetapi tabelnya hanya sampai tingkat kabupaten. Apakah ada yang lebih rinci?',
] as const;

export const ALREADY_SENT = 'Data diri saya sudah saya kirim pada pesan sebelumnya ya kak, mohon dicek kembali 🙏';

/** Rating comments by score; some people leave none. */
export const RATING_COMMENTS: Record<number, readonly string[]> = {
  5: [
    'Pelayanannya cepat dan ramah, terima kasih!',
    'Sangat membantu, datanya lengkap.',
    'Mantap, respon cepat sekali.',
    'Suksma, petugasnya sabar menjelaskan.',
  ],
  4: ['Sudah baik, semoga data per desa bisa tersedia.', 'Cukup cepat, terima kasih.', 'Bagus, hanya menunggu agak lama di awal.'],
  3: ['Lumayan, tapi balasannya agak lama.', 'Datanya belum sesuai yang saya cari, tapi petugas membantu.'],
  2: ['Responnya lambat, saya harus menanyakan berkali-kali.', 'Data yang saya butuhkan tidak tersedia.'],
  1: ['Tidak ada balasan berhari-hari.', 'Kecewa, data tidak dikirim sesuai janji.'],
};

export const SCORE_WEIGHTS = [
  [5, 55],
  [4, 30],
  [3, 9],
  [2, 4],
  [1, 2],
] as const;

/** SKM answers 1–4 for the nine unsur, leaning on the star score. */
export function skmAnswers(rng: Rng, score: number): (1 | 2 | 3 | 4)[] {
  const base = score >= 5 ? 4 : score >= 4 ? 3.6 : score >= 3 ? 3 : 2.2;
  return Array.from({ length: 9 }, () => Math.max(1, Math.min(4, Math.round(base - rng.next() * 1.1 + 0.2))) as 1 | 2 | 3 | 4);
}

export const WAIT_REASONS = [
  'menunggu konfirmasi tahun data yang dibutuhkan',
  'menunggu pengguna memilih tingkat wilayah (kecamatan/desa)',
  'menunggu jawaban apakah data publikasi sudah mencukupi',
] as const;

export function summaryFor(rng: Rng, need: string): string {
  return rng.pick([
    `Data ${need} dikirim dalam format Excel beserta sumber publikasinya.`,
    `Pengguna diarahkan ke tabel statistik di bulelengkab.bps.go.id untuk data ${need}; tautan dan cara sitasi dijelaskan.`,
    `Konsultasi data ${need}: dijelaskan ketersediaan, definisi indikator, dan publikasi rujukan.`,
  ]);
}

/** Complaints logged from the suggestion box, the online form and the phone. */
export const WALK_IN_COMPLAINTS = [
  { source: 'kotak_saran', text: 'Ruang tunggu PST panas, mohon AC diperbaiki.', contactName: null, contact: null },
  {
    source: 'telepon',
    text: 'Penelepon mengeluhkan balasan email permintaan data yang belum diterima setelah 5 hari.',
    contactName: 'Bapak Wayan Sudarma',
    contact: '0812-3811-2044',
  },
  {
    source: 'formulir_online',
    text: 'Tautan unduhan publikasi Kecamatan Dalam Angka di website tidak bisa dibuka.',
    contactName: 'Luh Putu Eka',
    contact: 'luhputu.eka@example.id',
  },
  { source: 'kotak_saran', text: 'Mohon disediakan tempat parkir sepeda motor yang lebih teduh.', contactName: null, contact: null },
  { source: 'telepon', text: 'Nomor telepon kantor sulit dihubungi pada jam istirahat.', contactName: 'Ibu Komang Ayu', contact: '0819-1620-7788' },
] as const;

export const COMPLAINT_RESPONSES = [
  'Sudah ditindaklanjuti dan disampaikan kepada bagian umum; pengguna telah dihubungi kembali.',
  'Permohonan maaf telah disampaikan; data sudah dikirim ulang dan diterima pengguna.',
  'Tautan sudah diperbaiki oleh tim web; pengguna diberi tahu melalui email.',
] as const;
