/** The occupation categories of the PST identity form (the bot's choices, the console's list, the report's table). */
export const OCCUPATIONS = ['Pelajar/Mahasiswa', 'Peneliti/Dosen', 'ASN/TNI/Polri', 'Pegawai BUMN/BUMD', 'Pegawai Swasta', 'Wiraswasta', 'Lainnya'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/**
 * What people type for their occupation, mapped to a category. Words that name one category
 * unambiguously; a word shared by two categories ("pegawai", "guru") is left out, so the bot asks.
 */
const OCCUPATION_WORDS: Record<Occupation, readonly string[]> = {
  'Pelajar/Mahasiswa': ['pelajar', 'mahasiswa', 'mahasiswi', 'mhs', 'siswa', 'siswi', 'murid', 'student', 'kuliah', 'skripsi', 'tesis', 'sma', 'smk', 'smp'],
  'Peneliti/Dosen': ['peneliti', 'dosen', 'researcher', 'lecturer', 'akademisi', 'periset'],
  'ASN/TNI/Polri': ['asn', 'pns', 'pppk', 'tni', 'polri', 'polisi', 'tentara', 'aparatur'],
  'Pegawai BUMN/BUMD': ['bumn', 'bumd'],
  'Pegawai Swasta': ['swasta', 'karyawan', 'karyawati'],
  Wiraswasta: ['wiraswasta', 'wirausaha', 'wirausahawan', 'pengusaha', 'umkm', 'pedagang'],
  Lainnya: ['lainnya', 'irt'],
};

/** Phrases read as one word before matching. */
const OCCUPATION_PHRASES: [RegExp, string][] = [
  [/\bpegawai negeri( sipil)?\b/g, 'pns'],
  [/\bpegawai swasta\b/g, 'swasta'],
  [/\bibu rumah tangga\b/g, 'irt'],
  [/\bpegawai (bumn|bumd)\b/g, '$1'],
];

/** Words that say nothing about the category ("saya mahasiswa aktif S1"). */
const FILLER = new Set(['saya', 'aku', 'sebagai', 'seorang', 'adalah', 'pekerjaan', 'aktif', 'kak', 'pak', 'bu', 'ibu', 'bapak', 'masih', 'sedang', 'yang']);
const DEGREE = /^(s[1-3]|d[1-4])$/;

/**
 * The category a typed answer names: "mahasiswa", "mhs", "Mahasiswa S1", "PNS", "3" (the list's
 * number) are sure; a category word among other words ("mahasiswa undiksha jurusan ekonomi") is a
 * guess the requester confirms; nothing, or words of two categories, is null.
 */
export function matchOccupation(typed: string): { value: Occupation; sure: boolean } | null {
  const text = typed.trim().toLowerCase();
  if (/^[1-9]$/.test(text)) {
    const byNumber = OCCUPATIONS[Number(text) - 1];
    return byNumber ? { value: byNumber, sure: true } : null;
  }
  const exact = OCCUPATIONS.find((o) => o.toLowerCase() === text);
  if (exact) return { value: exact, sure: true };
  let normalized = text.replace(/[^\p{L}\p{N}\s]/gu, ' ');
  for (const [phrase, word] of OCCUPATION_PHRASES) normalized = normalized.replace(phrase, word);
  const words = normalized.split(/\s+/).filter(Boolean);
  const found = new Set<Occupation>();
  let unknown = 0;
  for (const word of words) {
    const category = OCCUPATIONS.find((o) => OCCUPATION_WORDS[o].includes(word) || o.toLowerCase().split('/').includes(word));
    if (category) found.add(category);
    else if (!FILLER.has(word) && !DEGREE.test(word)) unknown++;
  }
  if (found.size !== 1) return null;
  const [value] = [...found] as [Occupation];
  return { value, sure: unknown === 0 };
}
