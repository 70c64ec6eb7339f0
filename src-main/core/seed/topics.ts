import type { Rng } from './random';

import { DEFAULT_TOPICS } from '../workflow/settings';

/** The consultation topics of the weekly report. */
export const TOPICS = DEFAULT_TOPICS;
export type Topic = (typeof TOPICS)[number];

export const KECAMATAN_BULELENG = ['Gerokgak', 'Seririt', 'Busungbiu', 'Banjar', 'Sukasada', 'Buleleng', 'Sawan', 'Kubutambahan', 'Tejakula'];
const KABUPATEN_BALI = ['Jembrana', 'Tabanan', 'Badung', 'Gianyar', 'Klungkung', 'Bangli', 'Karangasem', 'Buleleng', 'Kota Denpasar'];
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/**
 * What people ask for, as they write it: BPS table names with years and areas. Placeholders:
 * {Y} a year, {R} a year range, {K} a kecamatan of Buleleng, {B} a month, {KAB} a regency of Bali.
 */
export const DATA_REQUESTS: Record<Topic, readonly string[]> = {
  Kependudukan: [
    'jumlah penduduk per kecamatan di Kabupaten Buleleng tahun {Y}',
    'jumlah penduduk menurut kelompok umur dan jenis kelamin Buleleng {Y}',
    'proyeksi penduduk Kabupaten Buleleng {R}',
    'laju pertumbuhan penduduk Buleleng {R}',
    'kepadatan penduduk per desa di Kecamatan {K}',
    'hasil Sensus Penduduk 2020 untuk Kabupaten Buleleng',
    'rasio jenis kelamin dan jumlah rumah tangga Kecamatan {K} {Y}',
  ],
  Ketenagakerjaan: [
    'tingkat pengangguran terbuka (TPT) Kabupaten Buleleng {R}',
    'tingkat partisipasi angkatan kerja menurut jenis kelamin Buleleng {Y}',
    'penduduk usia 15 tahun ke atas yang bekerja menurut lapangan usaha {Y}',
    'data Sakernas Agustus {Y} untuk Buleleng',
    'rata-rata upah buruh menurut pendidikan di Bali {Y}',
  ],
  Kemiskinan: [
    'persentase penduduk miskin Kabupaten Buleleng {R}',
    'garis kemiskinan Buleleng {Y}',
    'jumlah penduduk miskin per kabupaten/kota di Bali {Y}',
    'indeks kedalaman kemiskinan (P1) dan indeks keparahan kemiskinan (P2) Buleleng {R}',
    'data kemiskinan ekstrem Kabupaten Buleleng {Y}',
  ],
  'PDRB/Ekonomi': [
    'PDRB ADHB Buleleng {R}',
    'PDRB atas dasar harga konstan 2010 menurut lapangan usaha Kabupaten Buleleng {R}',
    'laju pertumbuhan ekonomi Kabupaten Buleleng {Y}',
    'PDRB per kapita kabupaten/kota se-Bali {Y}',
    'distribusi PDRB sektor pertanian, kehutanan dan perikanan Buleleng {R}',
    'PDRB menurut pengeluaran Kabupaten {KAB} {Y}',
  ],
  Pertanian: [
    'luas panen dan produksi padi per kecamatan di Buleleng {Y}',
    'produksi jagung dan kedelai Kabupaten Buleleng {R}',
    'populasi ternak sapi bali per kecamatan {Y}',
    'produksi kopi arabika dan robusta di Kecamatan {K}',
    'hasil Sensus Pertanian 2023 (ST2023) Kabupaten Buleleng',
    'luas lahan sawah dan subak di Buleleng {Y}',
    'nilai tukar petani (NTP) Provinsi Bali bulan {B} {Y}',
    'produksi anggur dan jeruk di Kecamatan {K} {Y}',
  ],
  Pariwisata: [
    'kunjungan wisatawan Lovina {R}',
    'jumlah kunjungan wisatawan mancanegara ke Bali per bulan {Y}',
    'tingkat penghunian kamar (TPK) hotel di Kabupaten Buleleng {Y}',
    'jumlah hotel dan akomodasi lainnya per kecamatan di Buleleng {Y}',
    'rata-rata lama menginap tamu hotel di Buleleng {Y}',
    'jumlah wisatawan ke Air Terjun Gitgit dan Danau Buyan {Y}',
  ],
  IPM: [
    'Indeks Pembangunan Manusia (IPM) Kabupaten Buleleng {R}',
    'IPM kabupaten/kota di Provinsi Bali {Y}',
    'angka harapan hidup Buleleng {R}',
    'rata-rata lama sekolah dan harapan lama sekolah Buleleng {Y}',
    'pengeluaran per kapita disesuaikan Kabupaten Buleleng {Y}',
  ],
  'Harga/Inflasi': [
    'inflasi Kota Singaraja bulan {B} {Y}',
    'indeks harga konsumen (IHK) Singaraja {Y}',
    'inflasi year on year Singaraja menurut kelompok pengeluaran {Y}',
    'harga eceran beras dan cabai rawit di Pasar Anyar Singaraja {Y}',
    'andil inflasi komoditas Kota Singaraja bulan {B} {Y}',
  ],
  Lainnya: [
    'publikasi Kabupaten Buleleng Dalam Angka {Y}',
    'Kecamatan {K} Dalam Angka {Y}',
    'jumlah sekolah, guru dan murid per kecamatan Buleleng {Y}',
    'jumlah fasilitas kesehatan per kecamatan di Buleleng {Y}',
    'jumlah desa dan kelurahan di Kabupaten Buleleng',
    'data curah hujan stasiun Singaraja {Y}',
    'jumlah usaha mikro kecil (UMK) hasil Sensus Ekonomi di Buleleng',
  ],
};

/** The same, for the few foreign researchers and tourism people who write in English. */
export const DATA_REQUESTS_EN: Record<Topic, readonly string[]> = {
  Kependudukan: ['population by district (kecamatan) in Buleleng Regency {Y}', 'population projection for Buleleng {R}'],
  Ketenagakerjaan: ['open unemployment rate in Buleleng {R}', 'labour force participation rate by sex in Bali {Y}'],
  Kemiskinan: ['poverty rate of Buleleng Regency {R}', 'poverty line in Buleleng {Y}'],
  'PDRB/Ekonomi': ['GRDP of Buleleng at current prices {R}', 'economic growth rate of Buleleng {Y}'],
  Pertanian: ['rice production by district in Buleleng {Y}', 'coffee production in Kecamatan {K}'],
  Pariwisata: ['tourist arrivals in Lovina {R}', 'hotel room occupancy rate in Buleleng {Y}'],
  IPM: ['Human Development Index of Buleleng {R}', 'life expectancy in Buleleng {Y}'],
  'Harga/Inflasi': ['consumer price index of Singaraja {Y}', 'monthly inflation in Singaraja {Y}'],
  Lainnya: ['Buleleng Regency in Figures {Y}', 'number of schools by district in Buleleng {Y}'],
};

/** Purposes as the identity form asks for them (keperluan). */
const PURPOSES: Record<string, readonly string[]> = {
  'Pelajar/Mahasiswa': [
    'penyusunan skripsi',
    'tugas mata kuliah statistika ekonomi',
    'penelitian tugas akhir',
    'karya tulis ilmiah untuk lomba',
    'tugas sekolah',
    'penyusunan tesis',
  ],
  'Peneliti/Dosen': ['penelitian hibah internal', 'artikel jurnal', 'bahan ajar mata kuliah demografi', 'kajian pengabdian masyarakat'],
  'ASN/TNI/Polri': ['penyusunan RPJMD', 'penyusunan Renstra dinas', 'laporan kinerja instansi', 'bahan rapat koordinasi', 'analisis kebijakan daerah'],
  'Pegawai BUMN/BUMD': ['analisis pasar kredit', 'kajian kelayakan usaha', 'laporan tahunan perusahaan'],
  'Pegawai Swasta': ['bahan pemberitaan', 'analisis pasar', 'laporan okupansi dan promosi'],
  Wiraswasta: ['proposal pengajuan KUR', 'rencana pengembangan usaha', 'studi kelayakan usaha'],
  Lainnya: ['kegiatan desa adat', 'proposal kelompok', 'keperluan pribadi'],
};

export const PURPOSES_EN = ['my master thesis', 'a research project', 'a market study'];

export function purposeFor(rng: Rng, occupation: string): string {
  return rng.pick(PURPOSES[occupation] ?? PURPOSES.Lainnya ?? ['keperluan pribadi']);
}

/** One data request in words, with the placeholders filled around `year` (the request's year). */
export function dataRequest(rng: Rng, topic: Topic, year: number, english = false): string {
  return fillDataRequest(rng, rng.pick(english ? DATA_REQUESTS_EN[topic] : DATA_REQUESTS[topic]), year);
}

/** One of the DATA_REQUESTS templates with its placeholders filled around `year`. */
export function fillDataRequest(rng: Rng, template: string, year: number): string {
  const last = year - rng.int(1, 2);
  return template
    .replace('{R}', `${last - rng.int(3, 5)}-${last}`)
    .replace('{Y}', String(last))
    .replace('{K}', rng.pick(KECAMATAN_BULELENG))
    .replace('{KAB}', rng.pick(KABUPATEN_BALI))
    .replace('{B}', rng.pick(BULAN));
}

/** How often each topic is asked (PST Buleleng's own mix leans on population and the economy). */
export const TOPIC_WEIGHTS: readonly (readonly [Topic, number])[] = [
  ['Kependudukan', 20],
  ['Ketenagakerjaan', 10],
  ['Kemiskinan', 10],
  ['PDRB/Ekonomi', 16],
  ['Pertanian', 12],
  ['Pariwisata', 10],
  ['IPM', 8],
  ['Harga/Inflasi', 6],
  ['Lainnya', 8],
];
