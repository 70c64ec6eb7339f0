import { useLanguage } from '../i18n';

/** The Laporan page's own wording (Bahasa Indonesia first); the report files themselves are Indonesian. */
const id = {
  title: 'Laporan',
  week: 'Mingguan',
  month: 'Bulanan',
  range: 'Rentang tanggal',
  weekLabel: 'Minggu (ISO)',
  monthLabel: 'Bulan',
  from: 'Dari',
  to: 'Sampai',
  show: 'Tampilkan',
  loading: 'Menyusun laporan…',
  exportXlsx: 'Unduh XLSX',
  exportPdf: 'Unduh PDF',
  exportBoth: 'Unduh XLSX + PDF',
  exporting: 'Membuat {file}…',
  exported: 'Tersimpan di {path}',
  newCount: 'Konsultasi baru',
  resolvedCount: 'Selesai',
  openAtEnd: 'Masih terbuka',
  overdueAtEnd: 'Terlambat',
  within: 'Selesai ≤ {n} hari kerja',
  firstResponse: 'Median tanggapan pertama',
  resolution: 'Median penyelesaian',
  rating: 'Rata-rata penilaian',
  trend: 'Konsultasi baru dan selesai',
  channels: 'Per saluran',
  channel: 'Saluran',
  times: 'Waktu layanan (jam kerja)',
  measure: 'Ukuran',
  median: 'Median',
  requirements: 'Pemenuhan persyaratan',
  ikm: 'Indeks Kepuasan Masyarakat',
  ikmValue: 'IKM {value} — mutu {grade} ({label}), {n} responden',
  ikmNone: 'Belum ada jawaban survei untuk semua unsur.',
  unsur: 'Unsur',
  respondents: 'Responden',
  occupations: 'Pengguna layanan menurut pekerjaan',
  topics: 'Topik konsultasi selesai',
  complaints: 'Pengaduan: {received} diterima, {resolved} selesai, {open} terbuka',
  officers: 'Beban kerja petugas',
  officer: 'Petugas',
  replies: 'Balasan',
  overdue: 'Konsultasi terlambat di akhir periode',
  ticket: 'Tiket',
  requester: 'Pengguna layanan',
  due: 'Batas waktu',
  late: 'Lewat',
  none: 'Tidak ada data dalam periode ini.',
  noOverdue: 'Tidak ada konsultasi yang terlambat.',
  more: '… dan {n} lainnya (lengkap di XLSX)',
  workingNote: 'Jam kerja layanan: hari kerja = {hours} jam. Definisi setiap angka ada di catatan PDF.',
} as const;

type Key = keyof typeof id;

const en: Record<Key, string> = {
  title: 'Reports',
  week: 'Weekly',
  month: 'Monthly',
  range: 'Date range',
  weekLabel: 'ISO week',
  monthLabel: 'Month',
  from: 'From',
  to: 'To',
  show: 'Show',
  loading: 'Building the report…',
  exportXlsx: 'Download XLSX',
  exportPdf: 'Download PDF',
  exportBoth: 'Download XLSX + PDF',
  exporting: 'Making {file}…',
  exported: 'Saved to {path}',
  newCount: 'New consultations',
  resolvedCount: 'Resolved',
  openAtEnd: 'Still open',
  overdueAtEnd: 'Overdue',
  within: 'Resolved ≤ {n} working days',
  firstResponse: 'Median first response',
  resolution: 'Median resolution',
  rating: 'Average rating',
  trend: 'New and resolved consultations',
  channels: 'By channel',
  channel: 'Channel',
  times: 'Service times (working hours)',
  measure: 'Measure',
  median: 'Median',
  requirements: 'Requirements completed',
  ikm: 'Community Satisfaction Index (IKM)',
  ikmValue: 'IKM {value} — grade {grade} ({label}), {n} respondents',
  ikmNone: 'No survey answers for every item yet.',
  unsur: 'Item',
  respondents: 'Respondents',
  occupations: 'Requesters by occupation',
  topics: 'Topics of resolved consultations',
  complaints: 'Complaints: {received} received, {resolved} handled, {open} open',
  officers: 'Officer workload',
  officer: 'Officer',
  replies: 'Replies',
  overdue: 'Overdue consultations at the end of the period',
  ticket: 'Ticket',
  requester: 'Requester',
  due: 'Due',
  late: 'Late by',
  none: 'No data in this period.',
  noOverdue: 'No overdue consultations.',
  more: '… and {n} more (all in the XLSX)',
  workingNote: 'Service working time: one working day = {hours} hours. Every figure is defined in the PDF notes.',
};

export type ReportText = (key: Key, values?: Record<string, string | number>) => string;

export function useReportText(): ReportText {
  const language = useLanguage((s) => s.language);
  const dictionary: Record<Key, string> = language === 'en' ? en : id;
  return (key, values) => dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));
}

/** Working time as "1 hk 2 j 30 m" (hari kerja of `dayMs`, jam, menit). */
export function workingDuration(ms: number | null, dayMs: number): string {
  if (ms === null) return '–';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const dayMinutes = Math.round(dayMs / 60_000);
  const [days, hours, mins] = [Math.floor(minutes / dayMinutes), Math.floor((minutes % dayMinutes) / 60), minutes % 60];
  return [days ? `${days} hk` : '', hours ? `${hours} j` : '', mins || (!days && !hours) ? `${mins} m` : ''].filter(Boolean).join(' ');
}

export const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1).replace('.', ',')}%`);
