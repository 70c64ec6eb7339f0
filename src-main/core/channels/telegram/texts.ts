import type { RequirementName } from '../../../../src-preload/contract';

/** What the bot says, in Bahasa Indonesia (the requesters of PST Buleleng). */


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

export const INVALID: Partial<Record<RequirementName, string>> = {
  email: 'Alamat email tersebut tidak valid. Mohon tulis ulang, contoh: nama@contoh.id',
  whatsapp: 'Nomor WhatsApp tersebut tidak valid. Mohon tulis nomor ponsel Indonesia, contoh: 0812-3456-7890 atau +62 812 3456 7890',
  occupation: 'Mohon pilih pekerjaan Anda dengan menekan salah satu tombol.',
  name: 'Mohon tulis nama lengkap Anda.',
  institution: 'Mohon tulis asal instansi atau universitas Anda.',
  need: 'Mohon jelaskan keperluan Anda dalam bentuk teks.',
};

export function welcome(serviceHours: string, slaDays: number): string {
  return [
    'Selamat datang di layanan konsultasi Pelayanan Statistik Terpadu (PST) BPS Kabupaten Buleleng.',
    '',
    `• Jam layanan: ${serviceHours}.`,
    '• Layanan ini GRATIS, tidak dipungut biaya apa pun.',
    `• Permintaan dijawab paling lambat ${slaDays} hari kerja sejak persyaratan lengkap.`,
  ].join('\n');
}

export const INTAKE_INTRO = 'Sebelum kami proses, mohon lengkapi beberapa data berikut (bisa diubah kapan saja dengan /ubah).';

export const HELP = [
  'Perintah yang tersedia:',
  '/start — mulai konsultasi baru atau lanjutkan pengisian data',
  '/status — lihat nomor tiket dan status konsultasi Anda',
  '/ubah — periksa dan ubah data Anda',
  '/batal — hentikan pengisian data',
  '/bantuan — tampilkan bantuan ini',
  '',
  'Anda juga dapat langsung menulis pertanyaan, mengirim foto atau dokumen (maksimal 20 MB).',
].join('\n');

export const COMMANDS = [
  { command: 'start', description: 'Mulai konsultasi' },
  { command: 'status', description: 'Nomor tiket dan status konsultasi' },
  { command: 'ubah', description: 'Periksa dan ubah data Anda' },
  { command: 'batal', description: 'Hentikan pengisian data' },
  { command: 'bantuan', description: 'Bantuan' },
];

export const INTAKE_DONE = 'Terima kasih, data Anda sudah lengkap dan permintaan Anda kami proses. Berikut ringkasannya; tekan tombol bila ada yang perlu diubah.';
export const SUMMARY_TITLE = 'Data Anda:';
export const CANCELLED = 'Pengisian data dihentikan. Pesan Anda tetap tercatat. Ketik /start untuk melanjutkan kapan saja.';
export const NOTHING_TO_CANCEL = 'Tidak ada pengisian data yang sedang berjalan. Konsultasi Anda tetap tercatat; bila ingin membatalkannya, tulis saja kepada petugas kami.';
export const TOO_BIG = (name: string) =>
  `Maaf, berkas "${name}" lebih besar dari 20 MB sehingga tidak dapat kami terima melalui Telegram. Mohon kirim versi yang lebih kecil, atau kirim melalui email.`;
export const FEEDBACK_PROMPT = 'Jika berkenan, tuliskan saran atau masukan Anda untuk layanan kami dalam satu pesan. Tekan "Lewati" bila tidak ada.';
export const FEEDBACK_THANKS = 'Terima kasih atas saran dan masukan Anda.';
export const NO_CONVERSATION = 'Anda belum memiliki konsultasi. Ketik /start atau langsung tulis pertanyaan Anda.';

export const stars = (n: number): string => '★'.repeat(n) + '☆'.repeat(5 - n);
