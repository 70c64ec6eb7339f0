import { DATA_REQUESTS, DATA_REQUESTS_EN, fillDataRequest, Rng, TOPIC_WEIGHTS, type Topic } from '../../src-main/core/seed';

/**
 * The labelled evaluation set of similar past consultations: needs as requesters write them,
 * each with its correct topic and the earlier answer that is right for it (the index of the
 * request in DATA_REQUESTS[topic]: the office answered every such request with that table).
 */
export interface LabelledNeed {
  need: string;
  topic: Topic;
  request: number;
  origin: 'hand' | 'generated';
}

const hand = (topic: Topic, request: number, need: string): LabelledNeed => ({ need, topic, request, origin: 'hand' });

/**
 * Written by hand as PST gets them: WhatsApp-style abbreviations, typos, missing spaces, Balinese
 * greetings, officialese, English, and needs that name the data by what it is for.
 */
export const HAND_WRITTEN: readonly LabelledNeed[] = [
  hand('Kependudukan', 0, 'mohon info data jumlah penduduk per kecamatan di buleleng thn 2023'),
  hand('Kependudukan', 0, 'kak minta data jml pddk tiap kec di kab buleleng dong'),
  hand('Kependudukan', 0, 'Population of each district in Buleleng for 2024 please'),
  hand('Kependudukan', 0, 'berapa jumlah penduduk kecamatan sukasada sama kecamatan sawan tahun lalu?'),
  hand('Kependudukan', 1, 'data penduduk menurut umur dan jenis kelamin buleleng, utk piramida penduduk'),
  hand('Kependudukan', 1, 'jumlh penduduk berdasarkan kelompok umur laki2 perempuan 2023'),
  hand('Kependudukan', 2, 'proyeksi pendudk buleleng sampai 2030 ada gak kak'),
  hand('Kependudukan', 2, 'Om swastyastu, apakah BPS memiliki data proyeksi penduduk Kabupaten Buleleng untuk penyusunan RPJMD?'),
  hand('Kependudukan', 3, 'laju pertumbuhan penduduk buleleng 5 tahun terakhir'),
  hand('Kependudukan', 4, 'kepadatan penduduk per desa di kecamatan gerokgak'),
  hand('Kependudukan', 5, 'hasil SP2020 buleleng'),
  hand('Kependudukan', 6, 'jumlah rumah tangga dan sex ratio kecamatan banjar'),
  hand('Ketenagakerjaan', 0, 'tingkat pengangguran terbuka buleleng 2019-2024'),
  hand('Ketenagakerjaan', 0, 'data TPT kab buleleng terbaru brp ya'),
  hand('Ketenagakerjaan', 0, 'open unemployment rate Buleleng last five years'),
  hand('Ketenagakerjaan', 1, 'TPAK buleleng menurut jenis kelamin 2023'),
  hand('Ketenagakerjaan', 1, 'partisipasi angkatan kerja perempuan di buleleng'),
  hand('Ketenagakerjaan', 2, 'penduduk yg bekerja menurut lapangan usaha / sektor di buleleng'),
  hand('Ketenagakerjaan', 3, 'hasil sakernas agustus 2024 buleleng'),
  hand('Ketenagakerjaan', 4, 'rata2 upah buruh di bali menurut pendidikan'),
  hand('Kemiskinan', 0, 'persentase penduduk miskin kab buleleng 2020 sampai 2024'),
  hand('Kemiskinan', 0, 'angka kemiskinan buleleng brp persen skrg?'),
  hand('Kemiskinan', 0, 'poverty rate in Buleleng regency'),
  hand('Kemiskinan', 1, 'garis kemiskinan buleleng tahun 2024 (rupiah/kapita/bulan)'),
  hand('Kemiskinan', 2, 'jumlah penduduk miskin per kabupaten kota se bali'),
  hand('Kemiskinan', 3, 'indeks kedalaman dan keparahan kemiskinan p1 p2 buleleng'),
  hand('Kemiskinan', 4, 'data kemiskinan ekstrem buleleng untuk program desa'),
  hand('PDRB/Ekonomi', 0, 'pdrb adhb buleleng 2019-2023'),
  hand('PDRB/Ekonomi', 1, 'PDRB ADHK menurut lapangan usaha kab. buleleng'),
  hand('PDRB/Ekonomi', 2, 'pertumbuhan ekonomi buleleng tahun 2024 berapa persen'),
  hand('PDRB/Ekonomi', 2, 'economic growth of Buleleng 2023'),
  hand('PDRB/Ekonomi', 3, 'pdrb perkapita kabupaten/kota di bali'),
  hand('PDRB/Ekonomi', 4, 'kontribusi sektor pertanian thd pdrb buleleng'),
  hand('PDRB/Ekonomi', 5, 'PDRB menurut pengeluaran kabupaten badung dan buleleng'),
  hand('Pertanian', 0, 'produksi padi per kecamatan di buleleng 2023, luas panennya jg'),
  hand('Pertanian', 0, 'rice production by district Buleleng'),
  hand('Pertanian', 1, 'produksi jagung buleleng 5 thn terakhir'),
  hand('Pertanian', 2, 'populasi sapi bali tiap kecamatan'),
  hand('Pertanian', 3, 'produksi kopi robusta di kecamatan busungbiu'),
  hand('Pertanian', 4, 'hasil sensus pertanian 2023 buleleng, jumlah petani'),
  hand('Pertanian', 5, 'luas sawah dan jumlah subak di buleleng'),
  hand('Pertanian', 6, 'NTP bali bulan maret'),
  hand('Pertanian', 7, 'produksi anggur di kecamatan banjar sama seririt'),
  hand('Pariwisata', 0, 'jumlah kunjungan wisatawan ke lovina per tahun'),
  hand('Pariwisata', 0, 'tourist arrivals Lovina beach 2022-2024'),
  hand('Pariwisata', 1, 'wisman ke bali per bulan tahun 2024'),
  hand('Pariwisata', 2, 'TPK hotel buleleng, okupansi hotel bintang dan non bintang'),
  hand('Pariwisata', 3, 'jumlah hotel dan homestay per kecamatan'),
  hand('Pariwisata', 4, 'rata2 lama menginap tamu hotel buleleng'),
  hand('Pariwisata', 5, 'jumlah pengunjung air terjun gitgit'),
  hand('IPM', 0, 'ipm buleleng 2020-2024'),
  hand('IPM', 0, 'Human Development Index Buleleng latest'),
  hand('IPM', 1, 'IPM seluruh kab/kota di provinsi bali tahun 2024'),
  hand('IPM', 2, 'angka harapan hidup buleleng'),
  hand('IPM', 3, 'rata rata lama sekolah & harapan lama sekolah kab buleleng'),
  hand('IPM', 4, 'pengeluaran perkapita disesuaikan buleleng'),
  hand('Harga/Inflasi', 0, 'inflasi singaraja bulan oktober 2025'),
  hand('Harga/Inflasi', 0, 'inflasi bulanan kota singaraja terbaru'),
  hand('Harga/Inflasi', 1, 'IHK singaraja 2024'),
  hand('Harga/Inflasi', 3, 'harga beras dan cabe rawit di pasar anyar'),
  hand('Harga/Inflasi', 4, 'komoditas penyumbang inflasi singaraja (andil) bulan september'),
  hand('Lainnya', 0, 'buku buleleng dalam angka 2025'),
  hand('Lainnya', 0, 'Buleleng Regency in Figures 2024 pdf'),
  hand('Lainnya', 1, 'kecamatan seririt dalam angka terbaru'),
  hand('Lainnya', 2, 'jumlah sekolah guru dan murid SD SMP per kecamatan'),
  hand('Lainnya', 3, 'jumlah puskesmas dan fasilitas kesehatan per kecamatan'),
  hand('Lainnya', 4, 'ada berapa desa dan kelurahan di buleleng'),
  hand('Lainnya', 5, 'curah hujan bulanan di singaraja'),
  hand('Lainnya', 6, 'jumlah UMK hasil sensus ekonomi buleleng'),
];

/** The English requests' Indonesian counterparts (same table), by topic and position. */
const EN_TO_ID: Record<Topic, readonly number[]> = {
  Kependudukan: [0, 2],
  Ketenagakerjaan: [0, 1],
  Kemiskinan: [0, 1],
  'PDRB/Ekonomi': [0, 2],
  Pertanian: [0, 3],
  Pariwisata: [0, 2],
  IPM: [0, 2],
  'Harga/Inflasi': [1, 0],
  Lainnya: [0, 2],
};

// How the generated needs are worded around the data name.
const WORDINGS = [
  (d: string) => d,
  (d: string) => `mohon info data ${d}`,
  (d: string) => `Selamat pagi, saya membutuhkan data ${d} untuk penyusunan skripsi.`,
  (d: string) => `kak ada data ${d.toLowerCase()} ga?`,
  (d: string) => `Dengan hormat, kami memohon data ${d} sebagai bahan penyusunan Renstra dinas.`,
  (d: string) => `permisi min, mau tanya ${d.toLowerCase()} ada di mana ya`,
];

/** Needs from the seed generator's requests, worded as people word them, some in English. */
export function generatedNeeds(seed: number, count: number): LabelledNeed[] {
  const rng = new Rng(seed ^ 0x51a1);
  return Array.from({ length: count }, () => {
    const topic = rng.weighted(TOPIC_WEIGHTS);
    const year = 2026;
    if (rng.chance(0.1)) {
      const en = rng.int(0, DATA_REQUESTS_EN[topic].length - 1);
      return { need: fillDataRequest(rng, DATA_REQUESTS_EN[topic][en]!, year), topic, request: EN_TO_ID[topic][en]!, origin: 'generated' };
    }
    const request = rng.int(0, DATA_REQUESTS[topic].length - 1);
    return { need: rng.pick(WORDINGS)(fillDataRequest(rng, DATA_REQUESTS[topic][request]!, year)), topic, request, origin: 'generated' };
  });
}

/** The whole set: every hand-written need and 150 generated ones. */
export const evaluationSet = (seed: number): LabelledNeed[] => [...HAND_WRITTEN, ...generatedNeeds(seed, 150)];
