// What the emulator serves: tables, publications and press releases of Kabupaten Buleleng,
// Provinsi Bali and Indonesia, with titles as BPS writes them. Rows carry fields the console
// ignores (as the real answers do), some lack optional ones, one id is a number and one row has
// no file, so the console's tolerance is exercised by ordinary searches.

export interface Region {
  domain: string;
  name: string;
  url: string;
}

export const REGENCIES: Region[] = [
  { domain: '5101', name: 'Kab. Jembrana', url: 'https://jembranakab.bps.go.id' },
  { domain: '5102', name: 'Kab. Tabanan', url: 'https://tabanankab.bps.go.id' },
  { domain: '5103', name: 'Kab. Badung', url: 'https://badungkab.bps.go.id' },
  { domain: '5104', name: 'Kab. Gianyar', url: 'https://gianyarkab.bps.go.id' },
  { domain: '5105', name: 'Kab. Klungkung', url: 'https://klungkungkab.bps.go.id' },
  { domain: '5106', name: 'Kab. Bangli', url: 'https://banglikab.bps.go.id' },
  { domain: '5107', name: 'Kab. Karangasem', url: 'https://karangasemkab.bps.go.id' },
  { domain: '5108', name: 'Kab. Buleleng', url: 'https://bulelengkab.bps.go.id' },
  { domain: '5171', name: 'Kota Denpasar', url: 'https://denpasarkota.bps.go.id' },
];
const BULELENG = REGENCIES[7]!;
const BALI: Region = { domain: '5100', name: 'Provinsi Bali', url: 'https://bali.bps.go.id' };
const INDONESIA: Region = { domain: '0000', name: 'Indonesia', url: 'https://www.bps.go.id' };

export type Model = 'statictable' | 'publication' | 'pressrelease';
export type Row = Record<string, unknown> & { title: string };

const KECAMATAN = ['Gerokgak', 'Seririt', 'Busungbiu', 'Banjar', 'Sukasada', 'Buleleng', 'Sawan', 'Kubutambahan', 'Tejakula'];

let nextId = 1000;
function table(region: Region, title: string, subj: string, updated: string | null, extra: Record<string, unknown> = {}): Row {
  const id = nextId++;
  return {
    table_id: String(id),
    title,
    subj_id: 12,
    subj,
    ...(updated ? { updt_date: `${updated} 10:07:50` } : {}),
    excel: `${region.url}/id/statistics-table/download/${id}.xlsx`,
    size: '16 KB',
    ...extra,
  };
}
function publication(region: Region, title: string, released: string, extra: Record<string, unknown> = {}): Row {
  const id = `${(nextId++).toString(16)}c4e2f1a9b07d3e5a6f2c8d1b`;
  return {
    pub_id: id,
    title,
    kat_no: `1102001.${region.domain}`,
    issn: '0215-2223',
    sch_date: null,
    rl_date: released,
    updt_date: null,
    cover: `${region.url}/cover/${id}.jpg`,
    pdf: `${region.url}/publication/${released.slice(0, 4)}/${released.slice(5, 7)}/${id}/download.pdf`,
    size: '12,4 MB',
    abstract: 'Publikasi ini menyajikan data dan informasi statistik.',
    ...extra,
  };
}
function pressRelease(region: Region, title: string, released: string, extra: Record<string, unknown> = {}): Row {
  const id = nextId++;
  return {
    brs_id: id % 2 === 0 ? id : String(id),
    subj_id: 26,
    subj: 'Umum',
    title,
    abstract: '<p>Ringkasan berita resmi statistik.</p>',
    rl_date: released,
    updt_date: `${released} 11:00:00`,
    pdf: `${region.url}/pressrelease/${released.slice(0, 4)}/${released.slice(5, 7)}/${id}/download.pdf`,
    size: '1,1 MB',
    ...extra,
  };
}

export const CATALOGUE: Record<string, Record<Model, Row[]>> = {
  [BULELENG.domain]: {
    statictable: [
      table(BULELENG, 'Jumlah Penduduk Menurut Kecamatan dan Jenis Kelamin di Kabupaten Buleleng, 2024', 'Kependudukan', '2025-02-20'),
      table(BULELENG, 'Jumlah Penduduk Miskin dan Persentase Penduduk Miskin di Kabupaten Buleleng, 2019-2024', 'Kemiskinan dan Ketimpangan', '2024-12-05'),
      ...KECAMATAN.map((k, i) =>
        table(BULELENG, `Jumlah Penduduk Menurut Kelompok Umur dan Jenis Kelamin di Kecamatan ${k}, 2024`, 'Kependudukan', i === 3 ? null : '2025-01-15'),
      ),
      table(BULELENG, 'Produksi Padi Menurut Kecamatan di Kabupaten Buleleng (Ton), 2023', 'Tanaman Pangan', '2024-03-11'),
      table(BULELENG, 'Jumlah Wisatawan yang Berkunjung ke Objek Wisata di Kabupaten Buleleng, 2024', 'Pariwisata', '2025-03-03'),
      table(BULELENG, 'Indeks Pembangunan Manusia Kabupaten Buleleng, 2020-2024', 'Indeks Pembangunan Manusia', '2024-11-18'),
      table(BULELENG, 'Tingkat Pengangguran Terbuka (TPT) Kabupaten Buleleng, 2018-2024', 'Tenaga Kerja', '2024-12-10'),
      table(BULELENG, 'Luas Wilayah Menurut Kecamatan di Kabupaten Buleleng, 2024', 'Geografi', '2024-08-01'),
      // A row BPS lists without a file: nothing to link, so the console leaves it out.
      table(BULELENG, 'Jumlah Sekolah, Guru, dan Murid SD Menurut Kecamatan di Kabupaten Buleleng, 2024', 'Pendidikan', '2025-01-30', { excel: '' }),
    ],
    publication: [
      publication(BULELENG, 'Kabupaten Buleleng Dalam Angka 2025', '2025-02-28'),
      publication(BULELENG, 'Kecamatan Gerokgak Dalam Angka 2024', '2024-09-26'),
      publication(BULELENG, 'Statistik Daerah Kabupaten Buleleng 2024', '2024-12-20'),
      publication(BULELENG, 'Indikator Kesejahteraan Rakyat Kabupaten Buleleng 2024', '2024-11-29'),
    ],
    pressrelease: [
      pressRelease(BULELENG, 'Indeks Pembangunan Manusia Kabupaten Buleleng Tahun 2024', '2024-11-15'),
      pressRelease(BULELENG, 'Profil Kemiskinan Kabupaten Buleleng Maret 2024', '2024-07-01'),
    ],
  },
  [BALI.domain]: {
    statictable: [
      table(BALI, 'Jumlah Penduduk Menurut Kabupaten/Kota di Provinsi Bali, 2020-2024', 'Kependudukan', '2025-01-20'),
      table(BALI, 'Indeks Pembangunan Manusia Menurut Kabupaten/Kota di Provinsi Bali, 2024', 'Indeks Pembangunan Manusia', '2024-11-15'),
      table(BALI, 'Jumlah Kunjungan Wisatawan Mancanegara ke Bali Menurut Bulan, 2024', 'Pariwisata', '2025-02-03'),
      table(BALI, 'Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Bali, 2024', 'Kemiskinan dan Ketimpangan', '2024-12-02'),
      table(BALI, 'Tingkat Pengangguran Terbuka Menurut Kabupaten/Kota di Provinsi Bali, 2024', 'Tenaga Kerja', '2024-12-06'),
    ],
    publication: [
      publication(BALI, 'Provinsi Bali Dalam Angka 2025', '2025-02-28'),
      publication(BALI, 'Statistik Wisatawan Mancanegara ke Bali 2024', '2025-06-30'),
    ],
    pressrelease: [
      pressRelease(BALI, 'Perkembangan Pariwisata Provinsi Bali Oktober 2025', '2025-12-01'),
      pressRelease(BALI, 'Profil Kemiskinan di Provinsi Bali Maret 2025', '2025-07-25'),
      pressRelease(BALI, 'Keadaan Ketenagakerjaan Provinsi Bali Agustus 2025', '2025-11-05'),
    ],
  },
  [INDONESIA.domain]: {
    statictable: [
      table(INDONESIA, 'Jumlah Penduduk Menurut Provinsi di Indonesia (Ribu Jiwa), 2022-2024', 'Kependudukan', '2024-10-01'),
      table(INDONESIA, 'Indeks Pembangunan Manusia Menurut Provinsi, 2024', 'Indeks Pembangunan Manusia', '2024-11-15'),
      table(INDONESIA, 'Persentase Penduduk Miskin Menurut Provinsi, 2024', 'Kemiskinan dan Ketimpangan', '2025-01-15'),
      table(INDONESIA, 'Tingkat Pengangguran Terbuka Menurut Provinsi, 2024', 'Tenaga Kerja', '2024-11-05'),
    ],
    publication: [
      publication(INDONESIA, 'Statistik Indonesia 2025', '2025-02-28'),
      publication(INDONESIA, 'Statistik Penduduk Lanjut Usia 2024', '2024-12-27'),
    ],
    pressrelease: [
      pressRelease(INDONESIA, 'Profil Kemiskinan di Indonesia Maret 2025', '2025-07-25'),
      pressRelease(INDONESIA, 'Pertumbuhan Ekonomi Indonesia Triwulan III-2025', '2025-11-05'),
    ],
  },
};

/** Every word asked is in the title, in any case: how the catalogue's keyword search behaves here. */
export function matches(row: Row, keyword: string): boolean {
  const title = row.title.toLowerCase();
  return keyword
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => title.includes(word));
}
