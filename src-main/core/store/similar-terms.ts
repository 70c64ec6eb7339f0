import { stemmer } from '@orama/stemmers/indonesian';
import { stopwords } from '@orama/stopwords/indonesian';

/**
 * The words of a consultation as the similar-answers index holds them, and the same for a query:
 * FTS5's unicode61 tokenizer knows no Indonesian, so "kependudukan", "penduduk" and "jumlah
 * penduduknya" would be three unrelated words. Both sides go through this one function, so the
 * index and the query always agree.
 *
 * Kept on purpose: numbers and years (a 2023 table is not a 2019 one), and the short acronyms BPS
 * tables are named by (IPM, TPT, PDRB, NTP, TPK).
 */

/** How requesters shorten words in chat, and the English of the few foreign researchers. */
const SAME_AS: Record<string, string> = {
  jml: 'jumlah',
  jmlh: 'jumlah',
  thn: 'tahun',
  th: 'tahun',
  kec: 'kecamatan',
  kab: 'kabupaten',
  pddk: 'penduduk',
  pend: 'penduduk',
  ketenagakerjaan: 'tenaga kerja',
  naker: 'tenaga kerja',
  population: 'penduduk',
  demographic: 'penduduk',
  district: 'kecamatan',
  unemployment: 'pengangguran',
  unemployed: 'pengangguran',
  labour: 'tenaga kerja',
  labor: 'tenaga kerja',
  workforce: 'angkatan kerja',
  wage: 'upah',
  wages: 'upah',
  poverty: 'kemiskinan',
  poor: 'miskin',
  grdp: 'pdrb',
  gdp: 'pdrb',
  economic: 'ekonomi',
  economy: 'ekonomi',
  growth: 'pertumbuhan',
  rice: 'padi',
  paddy: 'padi',
  coffee: 'kopi',
  corn: 'jagung',
  maize: 'jagung',
  cattle: 'sapi',
  livestock: 'ternak',
  farmer: 'petani',
  agriculture: 'pertanian',
  tourist: 'wisatawan',
  tourists: 'wisatawan',
  tourism: 'pariwisata',
  occupancy: 'penghunian kamar',
  hdi: 'ipm',
  life: 'harapan hidup',
  expectancy: 'harapan hidup',
  inflation: 'inflasi',
  consumer: 'konsumen',
  price: 'harga',
  prices: 'harga',
  cpi: 'ihk',
  school: 'sekolah',
  schools: 'sekolah',
  figures: 'dalam angka',
  projection: 'proyeksi',
  rate: 'tingkat',
  production: 'produksi',
  village: 'desa',
  villages: 'desa',
  rainfall: 'curah hujan',
  health: 'kesehatan',
  census: 'sensus',
};

/**
 * Words that say nothing about which data is wanted: the standard Indonesian list, the way
 * requests are phrased ("mohon info data …"), greetings, and the office's own region, which
 * nearly every request names and which would only make every consultation look alike.
 */
const EXTRA_STOP = [
  'data',
  'mohon',
  'info',
  'informasi',
  'minta',
  'meminta',
  'permintaan',
  'permohonan',
  'tolong',
  'bantu',
  'bantuan',
  'bantuannya',
  'butuh',
  'membutuhkan',
  'perlu',
  'memerlukan',
  'cari',
  'mencari',
  'ingin',
  'mau',
  'pengen',
  'pingin',
  'kak',
  'kakak',
  'min',
  'admin',
  'gan',
  'sis',
  'pak',
  'bu',
  'bapak',
  'ibu',
  'halo',
  'hai',
  'pagi',
  'siang',
  'sore',
  'malam',
  'permisi',
  'terima',
  'kasih',
  'makasih',
  'thanks',
  'ya',
  'yg',
  'dong',
  'nih',
  'sih',
  'deh',
  'ga',
  'gak',
  'nggak',
  'tdk',
  'utk',
  'untk',
  'dgn',
  'dr',
  'dan',
  'tsb',
  'tersedia',
  'ada',
  'apakah',
  'gimana',
  'bagaimana',
  'file',
  'excel',
  'pdf',
  'bps',
  'pst',
  'buleleng',
  'kabupaten',
  'bali',
  'provinsi',
  'singaraja',
  'om',
  'swastyastu',
  'suksma',
  'the',
  'of',
  'in',
  'on',
  'for',
  'and',
  'by',
  'to',
  'a',
  'an',
  'i',
  'me',
  'my',
  'need',
  'needs',
  'looking',
  'is',
  'are',
  'there',
  'any',
  'please',
  'about',
  'from',
  'do',
  'you',
  'have',
  'regency',
  'province',
  'dear',
  'hello',
  'thank',
  'yth',
  'salam',
  'skripsi',
  'tugas',
  'penelitian',
  'saya',
  'kami',
  'terkait',
  'mengenai',
  'tentang',
];
const STOP = new Set([...stopwords, ...EXTRA_STOP]);

// Acronyms and short words are names, not inflected words: the stemmer would only damage them.
const MIN_STEM_LENGTH = 5;

function stem(word: string): string {
  if (/\d/.test(word) || word.length < MIN_STEM_LENGTH) return word;
  // The stemmer takes "pen-" off "kependudukan" but leaves the n ("nduduk"); "penduduk" gives "duduk".
  return stemmer(word).replace(/^n(?=[cdj])/, '');
}

/** The index terms of a text, in order, repeats kept (bm25 counts them). */
export function searchTerms(text: string | null | undefined): string[] {
  if (!text) return [];
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const raw of words) {
    for (const word of (SAME_AS[raw] ?? raw).split(' ')) {
      if (STOP.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
      terms.push(stem(word));
    }
  }
  return terms;
}

/** What goes into an FTS5 column: the terms separated by spaces. */
export const indexText = (text: string | null | undefined): string => searchTerms(text).join(' ');

/** At most this many distinct terms go into one query: a long need is cut, not the latency. */
const MAX_QUERY_TERMS = 12;

/**
 * An FTS5 MATCH expression for a need: any of its terms (OR), each quoted so no word is read as
 * an operator, longer stems as prefixes so "wisata" finds "wisatawan" and "ekonom" finds
 * "ekonomi". Null when nothing searchable is left.
 */
export function matchExpression(text: string | null | undefined): string | null {
  const distinct = [...new Set(searchTerms(text))].slice(0, MAX_QUERY_TERMS);
  if (distinct.length === 0) return null;
  return distinct.map((term) => (term.length >= 4 && !/\d/.test(term) ? `"${term}"*` : `"${term}"`)).join(' OR ');
}
