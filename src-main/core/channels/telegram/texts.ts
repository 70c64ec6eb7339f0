/** What the bot says, in Bahasa Indonesia (the requesters of PST Buleleng). */

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

export const UNKNOWN_COMMAND = 'Maaf, perintah itu tidak kami kenal.';

export const COMMANDS = [
  { command: 'start', description: 'Mulai konsultasi' },
  { command: 'status', description: 'Nomor tiket dan status konsultasi' },
  { command: 'ubah', description: 'Periksa dan ubah data Anda' },
  { command: 'batal', description: 'Hentikan pengisian data' },
  { command: 'bantuan', description: 'Bantuan' },
];

export const CANCELLED = 'Pengisian data dihentikan. Pesan Anda tetap tercatat. Ketik /start untuk melanjutkan kapan saja.';
export const NOTHING_TO_CANCEL =
  'Tidak ada pengisian data yang sedang berjalan. Konsultasi Anda tetap tercatat; bila ingin membatalkannya, tulis saja kepada petugas kami.';
export const TOO_BIG = (name: string) =>
  `Maaf, berkas "${name}" lebih besar dari 20 MB sehingga tidak dapat kami terima melalui Telegram. Mohon kirim versi yang lebih kecil, atau kirim melalui email.`;
export const FEEDBACK_PROMPT = 'Jika berkenan, tuliskan saran atau masukan Anda untuk layanan kami dalam satu pesan. Tekan "Lewati" bila tidak ada.';
export const FEEDBACK_THANKS = 'Terima kasih atas saran dan masukan Anda.';
export const NO_CONVERSATION = 'Anda belum memiliki konsultasi. Ketik /start atau langsung tulis pertanyaan Anda.';

export const stars = (n: number): string => '★'.repeat(n) + '☆'.repeat(5 - n);
