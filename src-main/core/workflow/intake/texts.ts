import type { RequirementName } from '../../../../src-preload/contract';
import { slaPromise } from '../templates';

/*
 * What the intake dialogue says to a requester, in Bahasa Indonesia (the requesters of PST
 * Buleleng), on any chat channel.
 */

/** The intake questions in the order the service standard lists the requirements. */
export const INTAKE_STEPS: readonly RequirementName[] = ['name', 'institution', 'email', 'whatsapp', 'occupation', 'need'];

export const QUESTIONS: Record<RequirementName, string> = {
  name: 'Siapa nama lengkap Anda?',
  institution: 'Apa asal instansi atau universitas Anda? (tulis "-" bila perorangan)',
  email: 'Apa alamat email aktif Anda? Contoh: nama@contoh.id',
  whatsapp: 'Berapa nomor WhatsApp Anda? Contoh: 0812-3456-7890',
  occupation: 'Apa pekerjaan Anda? Pilih salah satu:',
  need: 'Terakhir, jelaskan keperluan Anda dan data apa yang Anda butuhkan (topik, wilayah, tahun).',
};

export const FIELD_LABELS: Record<RequirementName, string> = {
  name: 'Nama',
  institution: 'Instansi',
  email: 'Email',
  whatsapp: 'WhatsApp',
  occupation: 'Pekerjaan',
  need: 'Keperluan',
};

/** The choices under the summary that ask one answer again. */
export const CORRECTION_LABELS: Record<RequirementName, string> = {
  name: 'Ubah nama',
  institution: 'Ubah instansi',
  email: 'Ubah email',
  whatsapp: 'Ubah WhatsApp',
  occupation: 'Ubah pekerjaan',
  need: 'Ubah keperluan',
};

export const INVALID: Partial<Record<RequirementName, string>> = {
  email: 'Alamat email tersebut tidak valid. Mohon tulis ulang, contoh: nama@contoh.id',
  whatsapp: 'Nomor WhatsApp tersebut tidak valid. Mohon tulis nomor ponsel Indonesia, contoh: 0812-3456-7890 atau +62 812 3456 7890',
  occupation: 'Mohon pilih pekerjaan Anda dengan menekan salah satu tombol, atau tulis misalnya: mahasiswa, PNS, swasta.',
  name: 'Mohon tulis nama lengkap Anda dengan huruf, misalnya: Ni Luh Putu Ayu Lestari.',
  institution: 'Mohon tulis asal instansi atau universitas Anda dengan huruf (tulis "-" bila perorangan).',
  need: 'Mohon jelaskan data apa yang Anda butuhkan, misalnya: jumlah penduduk per kecamatan tahun 2024',
};

/** A typed occupation that probably means one category: the requester confirms with the first button. */
export const OCCUPATION_GUESS = (guess: string): string => `Apakah maksud Anda ${guess}? Tekan tombolnya untuk memastikan, atau pilih yang lain:`;

/** The need the first message already stated, offered back instead of asked again. */
export const NEED_OFFER = (need: string): string =>
  `Apakah ini keperluan Anda?\n\n"${need.length > 600 ? `${need.slice(0, 600)}…` : need}"\n\nTekan "Ya, benar" bila sesuai, atau tulis keperluan Anda dan data yang Anda butuhkan (topik, wilayah, tahun).`;
export const NEED_OFFER_ACCEPT = 'Ya, benar';

export function welcome(serviceHours: string, slaDays: number): string {
  return [
    'Selamat datang di layanan konsultasi Pelayanan Statistik Terpadu (PST) BPS Kabupaten Buleleng.',
    '',
    `• Jam layanan: ${serviceHours}.`,
    '• Layanan ini GRATIS, tidak dipungut biaya apa pun.',
    `• ${slaPromise(slaDays)}.`,
  ].join('\n');
}

export const INTAKE_INTRO = 'Sebelum kami proses, mohon lengkapi beberapa data berikut (bisa diubah kapan saja dengan /ubah).';

export const INTAKE_DONE =
  'Terima kasih, data Anda sudah lengkap dan permintaan Anda kami proses. Berikut ringkasannya; tekan tombol bila ada yang perlu diubah.';
export const SUMMARY_TITLE = 'Data Anda:';
