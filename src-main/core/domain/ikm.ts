/**
 * Indeks Kepuasan Masyarakat (IKM) of the Survei Kepuasan Masyarakat (SKM), per PermenPANRB
 * Nomor 14 Tahun 2017: nine unsur answered on a 1–4 scale.
 *
 *   NRR per unsur   = sum of its answers / number of respondents who answered it
 *   IKM             = Σ NRR × 1/9      (the regulation prints the weight as 0.111; we use 1/9 exactly)
 *   IKM konversi    = IKM × 25         (25.00–100.00)
 *
 * Category rule (the regulation's bounds leave gaps such as 88.30–88.31): the converted value is
 * rounded half-up to 2 decimals FIRST, then classified, so 88.3049 → 88.30 → B and 88.305 → 88.31
 * → A. Computed from answers, the rounding is exact (rational arithmetic), not subject to floats.
 */

export const IKM_UNSUR = [
  { code: 'U1', name: 'Persyaratan', labels: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  { code: 'U2', name: 'Sistem, Mekanisme, dan Prosedur', labels: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'] },
  { code: 'U3', name: 'Waktu Penyelesaian', labels: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'] },
  { code: 'U4', name: 'Biaya/Tarif', labels: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  { code: 'U5', name: 'Produk Spesifikasi Jenis Pelayanan', labels: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  { code: 'U6', name: 'Kompetensi Pelaksana', labels: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'] },
  {
    code: 'U7',
    name: 'Perilaku Pelaksana',
    labels: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    code: 'U8',
    name: 'Penanganan Pengaduan, Saran dan Masukan',
    labels: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  { code: 'U9', name: 'Sarana dan Prasarana', labels: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
] as const;

export const IKM_UNSUR_COUNT = 9;

/**
 * The nine questions as a requester reads them, in unsur order (U1…U9), from the questionnaire in
 * the annex of PermenPANRB 14/2017, adapted to PST (data and statistical consultation). The
 * regulation's answer labels stay those of IKM_UNSUR; the admin may reword the questions
 * (workflow setting surveyQuestions), while reports keep the unsur names.
 */
export const SKM_QUESTIONS: readonly string[] = [
  'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
  'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di PST BPS Kabupaten Buleleng?',
  'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
  'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
  'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan (data dan konsultasi statistik) antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
  'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
  'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
  'Bagaimana pendapat Saudara tentang penanganan pengaduan, saran dan masukan pengguna layanan?',
  'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana pelayanan (Telegram, email, ruang PST)?',
];
/** The generic wording of the four scale points, for places without a per-unsur label. */
export const IKM_SCALE_LABELS = ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'] as const;

export type IkmAnswer = 1 | 2 | 3 | 4;
/** One respondent's answers in unsur order U1…U9; null where the unsur was left blank. */
export type IkmResponse = readonly (IkmAnswer | null)[];

export type IkmGrade = 'A' | 'B' | 'C' | 'D';
export interface IkmCategory {
  grade: IkmGrade;
  /** Mutu pelayanan. */
  label: 'Sangat Baik' | 'Baik' | 'Kurang Baik' | 'Tidak Baik';
  /** The converted interval of the regulation, for display. */
  range: string;
}

export const IKM_CATEGORIES: readonly (IkmCategory & { minHundredths: number })[] = [
  { grade: 'A', label: 'Sangat Baik', range: '88,31–100,00', minHundredths: 8831 },
  { grade: 'B', label: 'Baik', range: '76,61–88,30', minHundredths: 7661 },
  { grade: 'C', label: 'Kurang Baik', range: '65,00–76,60', minHundredths: 6500 },
  { grade: 'D', label: 'Tidak Baik', range: '25,00–64,99', minHundredths: 0 },
];

export interface UnsurResult {
  code: string;
  name: string;
  respondents: number;
  sum: number;
  /** Nilai rata-rata: null when nobody answered this unsur. */
  nrr: number | null;
}

export interface IkmResult {
  respondents: number;
  unsur: UnsurResult[];
  /** Null unless every unsur has at least one answer (the index weighs all nine). */
  ikm: number | null;
  converted: number | null;
  /** The converted value rounded half-up to 2 decimals: the value that is reported and classified. */
  convertedRounded: number | null;
  category: IkmCategory | null;
}

/** The category of a converted value already rounded to 2 decimals (e.g. 88.31 → A). */
export function ikmCategoryOfHundredths(hundredths: number): IkmCategory {
  const found = IKM_CATEGORIES.find((c) => hundredths >= c.minHundredths) ?? IKM_CATEGORIES[IKM_CATEGORIES.length - 1]!;
  return { grade: found.grade, label: found.label, range: found.range };
}

/**
 * Category of a converted value given as a number: rounded half-up to 2 decimals first (88.305 →
 * 88.31 → A). toPrecision(12) takes away binary noise, so 88.305 is treated as written.
 */
export function ikmCategory(converted: number): IkmCategory {
  return ikmCategoryOfHundredths(Math.round(Number((converted * 100).toPrecision(12))));
}

const isAnswer = (value: unknown): value is IkmAnswer => value === 1 || value === 2 || value === 3 || value === 4;

/** The IKM of a set of SKM responses. Throws on a response of the wrong length or an answer outside 1–4. */
export function computeIkm(responses: readonly IkmResponse[]): IkmResult {
  const sums = new Array<number>(IKM_UNSUR_COUNT).fill(0);
  const counts = new Array<number>(IKM_UNSUR_COUNT).fill(0);
  responses.forEach((response, r) => {
    if (response.length !== IKM_UNSUR_COUNT) throw new RangeError(`Responden ${r + 1}: harus ${IKM_UNSUR_COUNT} jawaban, ada ${response.length}`);
    response.forEach((answer, u) => {
      if (answer === null) return;
      if (!isAnswer(answer)) throw new RangeError(`Responden ${r + 1}, ${IKM_UNSUR[u]!.code}: jawaban harus 1–4`);
      sums[u]! += answer;
      counts[u]! += 1;
    });
  });
  const unsur = IKM_UNSUR.map((u, i) => ({
    code: u.code,
    name: u.name,
    respondents: counts[i]!,
    sum: sums[i]!,
    nrr: counts[i]! > 0 ? sums[i]! / counts[i]! : null,
  }));
  if (counts.some((c) => c === 0)) {
    return { respondents: responses.length, unsur, ikm: null, converted: null, convertedRounded: null, category: null };
  }
  const ikm = unsur.reduce((total, u) => total + u.nrr!, 0) / IKM_UNSUR_COUNT;
  const hundredths = convertedHundredths(sums, counts);
  return {
    respondents: responses.length,
    unsur,
    ikm,
    converted: ikm * 25,
    convertedRounded: hundredths / 100,
    category: ikmCategoryOfHundredths(hundredths),
  };
}

/**
 * round_half_up(100 × 25/9 × Σ sum_i/count_i) with integers only: the exact fraction N/D is built
 * over the common denominator 9 × Π count_i, then floor((2·100·N + D) / (2·D)).
 */
function convertedHundredths(sums: readonly number[], counts: readonly number[]): number {
  const den = counts.reduce((d, c) => d * BigInt(c), 9n);
  let num = 0n;
  sums.forEach((sum, i) => {
    num += (BigInt(sum) * 25n * den) / (9n * BigInt(counts[i]!)); // exact: 9·count_i divides den
  });
  return Number((200n * num + den) / (2n * den));
}
