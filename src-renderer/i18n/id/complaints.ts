import { COMPLAINT_SOURCE_ID, COMPLAINT_STATUS_ID } from '../../../src-common/vocabulary';

/** Pengaduan: the complaint log, Bahasa Indonesia. */
export const complaintsId = {
  'complaints.title': 'Pengaduan',

  'complaints.intro':
    'Pengaduan dari kotak saran di ruang PST, formulir daring, telepon 0362-22145, kunjungan langsung, atau pesan Telegram dan email yang dicatat petugas.',
  'complaints.create': 'Catat pengaduan',
  'complaints.log': 'Catat',
  'complaints.promoteTitle': 'Catat pesan sebagai pengaduan',
  'complaints.promoteIntro': 'Sumber, isi dan kontak diambil dari pesan ini:',
  'complaints.source': 'Sumber',
  'complaints.text': 'Isi pengaduan',
  'complaints.contactName': 'Nama pelapor',
  'complaints.contact': 'Kontak',
  'complaints.contactHint': 'Nomor telepon atau email, bila ada.',
  'complaints.status': 'Status',
  'complaints.all': 'Semua',
  'complaints.total': '{n} pengaduan',
  'complaints.empty': 'Belum ada pengaduan yang cocok.',
  'complaints.received': 'Diterima',
  'complaints.response': 'Tanggapan',
  'complaints.handle': 'Tangani',
  'complaints.receivedAt': 'Diterima',
  'complaints.resolvedOn': 'Selesai {date}',
  'message.promoted': 'Tercatat sebagai pengaduan',
  'complaints.handleTitle': 'Tindak lanjut pengaduan',
  'complaintSource.kotak_saran': COMPLAINT_SOURCE_ID.kotak_saran,
  'complaintSource.formulir_online': COMPLAINT_SOURCE_ID.formulir_online,
  'complaintSource.telepon': COMPLAINT_SOURCE_ID.telepon,
  'complaintSource.langsung': COMPLAINT_SOURCE_ID.langsung,
  'complaintSource.telegram': COMPLAINT_SOURCE_ID.telegram,
  'complaintSource.email': COMPLAINT_SOURCE_ID.email,
  'complaintStatus.open': COMPLAINT_STATUS_ID.open,
  'complaintStatus.in_progress': COMPLAINT_STATUS_ID.in_progress,
  'complaintStatus.resolved': COMPLAINT_STATUS_ID.resolved,
} as const;
