import { OCCUPATIONS, type Occupation } from '../../../src-common/occupations';
import { normalizeWhatsapp } from '../../../src-common/whatsapp';

/** The requester fields a mail can tell about, and the need of the consultation. */
export type HintField = 'name' | 'institution' | 'occupation' | 'email' | 'whatsapp' | 'need';

/**
 * Where a value was read: 'form' answers the acknowledgement's labelled block (so it may fill an
 * empty field at once); the others are guesses an officer applies or dismisses.
 */
export type HintSource = 'form' | 'signature' | 'introduction' | 'display_name' | 'address';

export interface IdentityHint {
  field: HintField;
  value: string;
  source: HintSource;
}

const LABELS: [HintField, string[]][] = [
  ['name', ['nama', 'nama lengkap', 'name', 'full name', 'nama pemohon']],
  [
    'institution',
    [
      'instansi',
      'asal instansi',
      'instansi/universitas',
      'instansi / universitas',
      'asal instansi/universitas',
      'universitas',
      'kampus',
      'lembaga',
      'organisasi',
      'unit kerja',
      'institution',
      'institusi',
      'organization',
      'organisation',
      'affiliation',
      'asal',
    ],
  ],
  ['email', ['email', 'e-mail', 'surel', 'alamat email', 'email aktif', 'alamat surel']],
  [
    'whatsapp',
    [
      'no. wa',
      'no wa',
      'nomor wa',
      'no. whatsapp',
      'nomor whatsapp',
      'no whatsapp',
      'whatsapp',
      'wa',
      'no. hp',
      'no hp',
      'nomor hp',
      'hp',
      'hp/wa',
      'no. hp/wa',
      'telepon',
      'telp',
      'phone',
      'mobile',
    ],
  ],
  ['occupation', ['pekerjaan', 'profesi', 'occupation', 'job', 'status pekerjaan']],
  ['need', ['keperluan', 'kebutuhan', 'kebutuhan data', 'data yang dibutuhkan', 'data yang diperlukan', 'tujuan', 'purpose', 'need', 'keperluan data']],
];

const normalizeLabel = (label: string): string =>
  label
    .toLowerCase()
    .replace(/[*_]/g, '')
    .replace(/\s*([./])\s*/g, '$1 ')
    .replace(/\s+/g, ' ')
    .replace(/[ .]+$/, '')
    .trim();

const LABEL_INDEX = new Map<string, HintField>(LABELS.flatMap(([field, names]) => names.map((n) => [normalizeLabel(n), field] as const)));

/** One typo (a letter missing, doubled, swapped or wrong) in a label of five letters or more. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function fieldOfLabel(raw: string): HintField | null {
  const label = normalizeLabel(raw);
  const exact = LABEL_INDEX.get(label) ?? LABEL_INDEX.get(label.replace(/\.(?=\S)/g, '. '));
  if (exact) return exact;
  if (label.length < 5) return null;
  for (const [known, field] of LABEL_INDEX) if (known.length >= 5 && withinOneEdit(label, known)) return field;
  return null;
}

/** "- **Nama** : Budi", "• nama = Budi", "> Nama – Budi", "3. Instansi: …". */
const LABELLED_LINE =
  /^[\s>]*(?:[-*•·‣◦▪+]|\d{1,2}[.)])?\s*(?:\*\*|__|\*)?\s*([\p{L}][\p{L} ./-]{0,38}?)\s*(?:\*\*|__|\*)?\s*(?::|=|\s[-–—]\s)\s*(?:\*\*|__|\*)?\s*(.*?)\s*(?:\*\*|__|\*)?\s*$/u;

const PLACEHOLDER = /^(?:[-_.…\s]*|\.{2,}|…|\[.*\]|<.*>|\(.*isi.*\)|-|—|isi di sini|tulis di sini)$/i;

/** A block of at least two labelled lines, in any order: what the acknowledgement asked for. */
export function formBlock(text: string): IdentityHint[] {
  const found = new Map<HintField, string>();
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const match = LABELLED_LINE.exec(line);
    if (!match) continue;
    const field = fieldOfLabel(match[1] ?? '');
    const value = (match[2] ?? '').replace(/\s+/g, ' ').trim();
    if (!field || found.has(field) || PLACEHOLDER.test(value) || value.length > 300) continue;
    const clean = cleanFormValue(field, value);
    if (clean) found.set(field, clean);
  }
  if (found.size < 2) return [];
  return [...found].map(([field, value]) => ({ field, value, source: 'form' as const }));
}

function cleanFormValue(field: HintField, value: string): string | null {
  switch (field) {
    case 'email': {
      const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(value)?.[0];
      return address ? address.toLowerCase() : null;
    }
    case 'whatsapp':
      return normalizeWhatsapp(value.replace(/^\+?\s*/, (m) => m.trim()));
    case 'occupation':
      return occupationOf(value) ?? null;
    case 'name':
      return personName(value) ?? null;
    default:
      return value.slice(0, 300);
  }
}

const OCCUPATION_WORDS: [RegExp, Occupation][] = [
  [/\b(mahasiswa|mahasiswi|mhs|pelajar|siswa|siswi|student|mahasiswa\/i)\b/i, 'Pelajar/Mahasiswa'],
  [/\b(dosen|peneliti|researcher|lecturer|guru besar)\b/i, 'Peneliti/Dosen'],
  [/\b(asn|pns|tni|polri|pegawai negeri|aparatur|perangkat desa|kepala desa|perbekel|sekdes|civil servant)\b/i, 'ASN/TNI/Polri'],
  [/\b(bumn|bumd)\b/i, 'Pegawai BUMN/BUMD'],
  [/\b(wiraswasta|wirausaha|pengusaha|entrepreneur)\b/i, 'Wiraswasta'],
  [/\b(swasta|karyawan|pegawai|staf|staff|employee|jurnalis|wartawan)\b/i, 'Pegawai Swasta'],
];

/** An occupation as written, as one of the form's categories. */
export function occupationOf(value: string): Occupation | undefined {
  const exact = OCCUPATIONS.find((o) => o.toLowerCase() === value.trim().toLowerCase());
  if (exact) return exact;
  for (const [re, occupation] of OCCUPATION_WORDS) if (re.test(value)) return occupation;
  return value.trim() ? 'Lainnya' : undefined;
}

/** Academic and professional titles around a name ("Dr. …, S.KM., M.Kes."): kept out of the name. */
const TITLE_AFTER = /,\s*(?:[A-Z][\p{L}]{0,5}\.(?:\s?[A-Z\p{L}][\p{L}]{0,5}\.?)*|Ph\.?D\.?|MBA|MPH|M\.?Sc\.?|B\.?Sc\.?)(?=\s*(?:,|$))/gu;
const TITLE_BEFORE = /^(?:(?:Dr|Drs|Dra|Ir|Prof|H|Hj|dr|drg|Bapak|Bpk|Ibu|Sdr|Sdri|Mr|Mrs|Ms)\.?\s+)+/u;

/** A person's name without titles, or undefined when the text does not read like one. */
export function personName(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 4; i++) name = name.replace(TITLE_AFTER, '').trim();
  name = name
    .replace(TITLE_BEFORE, '')
    .replace(/[,.;:]+$/, '')
    .trim();
  const words = name.split(' ');
  if (words.length < 1 || words.length > 6 || name.length > 80) return undefined;
  if (!/^[\p{Lu}][\p{L}'’.-]*(?: [\p{L}'’.-]+)*$/u.test(name)) return undefined;
  if (INSTITUTION_START.test(name) || ROLE_WORD.test(name) || CLOSING.test(name)) return undefined;
  return name;
}

/** Words that open an institution's name. */
const INSTITUTION_WORDS = [
  'Universitas',
  'Univ\\.',
  'Institut',
  'Politeknik',
  'Sekolah Tinggi',
  'STIE',
  'STIKES',
  'STIKes',
  'STMIK',
  'STAHN',
  'Akademi',
  'Fakultas',
  'Program Studi',
  'Prodi',
  'Jurusan',
  'SMAN?',
  'SMKN?',
  'SMPN?',
  'SDN?',
  'MAN',
  'Madrasah',
  'Sekolah',
  'Dinas',
  'Badan',
  'Kantor',
  'Bappeda',
  'Bapelitbang',
  'Kementerian',
  'Pemerintah',
  'Pemkab',
  'Pemprov',
  'Pemdes',
  'Pemerintahan',
  'Sekretariat',
  'Rumah Sakit',
  'RSUD',
  'Puskesmas',
  'Bank',
  'PT',
  'CV',
  'UD',
  'Yayasan',
  'Lembaga',
  'Koperasi',
  'KSP',
  'BUMDes',
  'Desa',
  'Kelurahan',
  'Kecamatan',
  'University',
  'Department',
  'Redaksi',
  'Desk',
  'TP[ .-]?PKK',
  'Tim Penggerak PKK',
  'Harian',
  'Radar',
  'Tribun',
  'Bali Post',
  'Komunitas',
  'LSM',
  'DPRD',
];
const INSTITUTION_START = new RegExp(`^(?:${INSTITUTION_WORDS.join('|')})\\b\\.?\\s*\\S`, 'u');
const INSTITUTION_ANYWHERE = new RegExp(`(?:^|[\\s,(])((?:${INSTITUTION_WORDS.join('|')})\\b\\.?\\s+[^,;()|\\n]{2,100})`, 'u');
/** Units inside an institution: named only when nothing larger is. */
const PART_OF = /^(?:Fakultas|Program Studi|Prodi|Jurusan|Desk|Department)\b/i;
/** A line that continues an institution ("Kabupaten Buleleng", "Provinsi Bali"). */
const CONTINUATION = /^(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Kecamatan|Kec\.)\s+\p{Lu}[\p{L} ]{1,40}$/u;
const ROLE_WORD =
  /^(?:Mahasiswa|Mahasiswi|Mhs|Staf|Staff|Kepala|Kabid|Kasi|Sekretaris|Jurnalis|Wartawan|Reporter|Peneliti|Dosen|Guru|Ketua|Anggota|Operator|Perbekel|Bendahara|NIM|NIP|Telp|Tel|HP|WA|Email|Alamat|Jl\.?|Jalan)\b/iu;
const CLOSING =
  /^(?:salam|hormat saya|hormat kami|terima ?kasih|terimakasih|matur suksma|regards|best regards|kind regards|warm regards|thanks|thank you|wassalam|salam hangat|salam sejahtera|tabik|om shanti|best|cheers|sincerely)\b/iu;

/** The institution in a line, without the role or address around it. */
export function institutionIn(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  const hit = INSTITUTION_START.test(text) ? text : INSTITUTION_ANYWHERE.exec(text)?.[1];
  if (!hit) return undefined;
  const cut = hit
    .split(
      // Where the sentence goes on to what they want ("… memohon data", "… untuk penyusunan"), also as its last word.
      /\s+(?:[-–|•]\s+|(?:yang|untuk|ingin|bermaksud|hendak|mau|mohon|memohon|meminta|minta|membutuhkan|memerlukan|mengajukan|menyampaikan|perlu|akan|dengan|sedang|angkatan)(?:\s|$)|dan\s+saya\s|NIM\b|NIP\b|Telp\b|HP\b|WA\b|Jl\.?\s)/i,
    )[0]
    ?.replace(/[\s,.;:]+$/, '')
    .trim();
  if (!cut || cut.length < 4 || cut.length > 120 || /@|https?:|www\./i.test(cut)) return undefined;
  return cut;
}

/** Where a mail's signature begins: its "-- " line, or the closing words near the end (null: none found). */
function signatureStart(lines: readonly string[]): { closing: number; after: number } | null {
  const dash = lines.findIndex((l) => l === '-- ' || l === '--');
  if (dash >= 0) return { closing: dash, after: dash + 1 };
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 25); i--) {
    const line = (lines[i] ?? '').trim();
    if (CLOSING.test(line) && line.length <= 40) return { closing: i, after: i + 1 };
  }
  return null;
}

/** The lines of a signature: after "-- ", or after the closing words near the end. */
function signatureLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = signatureStart(lines);
  return start ? lines.slice(start.after, start.after + 10) : [];
}

/**
 * What a mail asks, for the need pre-filled from a consultation's first mail: the text above its
 * closing words or "-- " signature, without phone-app footers ("Dikirim dari Yahoo Mail") and the
 * placeholders a text part leaves for pictures ("[image: logo]").
 */
export function requestText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = signatureStart(lines);
  const words = (kept: readonly string[]) =>
    kept
      .filter((l) => !FOOTER.test(l.trim()) && !/^\[[^\]]*\]$/.test(l.trim()))
      .join('\n')
      .trim();
  // "Terima kasih, mohon data PDRB 2024" is a request that begins with thanks, not a closing.
  return (start && words(lines.slice(0, start.closing))) || words(lines);
}

/** Client footers and other lines that are never part of who the sender is. */
const FOOTER = /^(?:sent from|dikirim dari|get outlook|dapatkan outlook|diunggah dari|send from|kirim dari)\b/i;

export function signature(text: string): IdentityHint[] {
  const lines = signatureLines(text)
    .map((l) =>
      l
        .replace(/^[>\s]+/, '')
        .replace(/[*_]{1,2}/g, '')
        .replace(/\s*\|\s*/g, ' | ')
        .trim(),
    )
    // "[Logo Dinkes]", "[image: logo]": what a text part puts where the HTML had a picture.
    .filter((l) => l !== '' && !FOOTER.test(l) && !/^\[[^\]]*\]$/.test(l));
  const hints: IdentityHint[] = [];
  const first = lines[0];
  const name = first ? personName(first.split(' | ')[0] ?? first) : undefined;
  if (name) hints.push({ field: 'name', value: name, source: 'signature' });
  const institutions: string[] = [];
  for (let i = name ? 1 : 0; i < lines.length && !institutions.some((n) => !PART_OF.test(n)); i++) {
    const line = lines[i] ?? '';
    for (const piece of line.split(/ \| |,\s+(?=\p{Lu})/u)) {
      let institution = institutionIn(piece);
      if (!institution) continue;
      const next = lines[i + 1];
      if (next && CONTINUATION.test(next) && !institution.includes(next)) institution = `${institution} ${next}`;
      institutions.push(institution);
    }
    const occupation = ROLE_WORD.test(line) ? OCCUPATION_WORDS.find(([re]) => re.test(line))?.[1] : undefined;
    if (occupation && !hints.some((h) => h.field === 'occupation')) hints.push({ field: 'occupation', value: occupation, source: 'signature' });
  }
  // "Prodi X | Universitas Y": the institution is the university, the study programme is a part of it.
  const best = institutions.find((i) => !PART_OF.test(i)) ?? institutions[0];
  if (best) hints.push({ field: 'institution', value: best, source: 'signature' });
  return hints;
}

const NAME_WORDS = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,5}`;
const INTRO_NAME = new RegExp(
  String.raw`\b(?:saya|nama saya|perkenalkan(?:,)?(?:\s+saya)?|my name is|i am)\s+(?:adalah\s+|bernama\s+)?(${NAME_WORDS})(?=\s*(?:,|\.|\(|\s+(?:dari|mahasiswa|mahasiswi|mhs|selaku|sebagai|staf|staff|seorang|yang|ingin|from)\b))`,
  'u',
);
const INTRO_FROM = /\b(?:dari|from|di)\s+((?:[^\n.,;()]|\.(?=\S)){3,120})/iu;
const STUDENT = /\b(mahasiswa|mahasiswi|mhs|pelajar|siswa|siswi|dosen|peneliti|staf|staff|wartawan|jurnalis|pegawai|perangkat desa)\b/i;

/** "Saya Komang Ayu, mahasiswa Universitas …", "kami dari Dinas …". */
export function introduction(text: string): IdentityHint[] {
  const hints: IdentityHint[] = [];
  const head = text.replace(/\r\n/g, '\n').split('\n').slice(0, 30).join('\n');
  const sentences = head.split(/(?<=[.!?])\s+|\n{2,}/);
  for (const sentence of sentences) {
    const flat = sentence.replace(/\s+/g, ' ');
    if (!/\b(saya|kami|perkenalkan|my name|i am)\b/i.test(flat)) continue;
    const name = INTRO_NAME.exec(flat)?.[1];
    const person = name ? personName(name) : undefined;
    if (person && !hints.some((h) => h.field === 'name')) hints.push({ field: 'name', value: person, source: 'introduction' });
    if (!hints.some((h) => h.field === 'institution')) {
      const from = INTRO_FROM.exec(flat)?.[1];
      const institution = (from ? institutionIn(from) : undefined) ?? institutionIn(flat);
      if (institution) hints.push({ field: 'institution', value: institution, source: 'introduction' });
    }
    const role = STUDENT.exec(flat)?.[1];
    if (role && !hints.some((h) => h.field === 'occupation')) {
      const occupation = occupationOf(role);
      if (occupation) hints.push({ field: 'occupation', value: occupation, source: 'introduction' });
    }
  }
  return hints;
}

/** Role accounts: a display name that names nobody. */
const GENERIC_NAMES = /^(?:admin|administrator|info|informasi|user|pengguna|mail|email|surel|office|kantor|humas|cs|customer service|operator|no-?reply)$/i;

/** A display name that is an office (a "Dinas …", a "Pemdes …") names the institution, not a person. */
export function displayNameHints(displayName: string | null | undefined): IdentityHint[] {
  const name = displayName
    ?.replace(/^["']|["']$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name || name.includes('@') || name.length > 100 || GENERIC_NAMES.test(name)) return [];
  if (INSTITUTION_START.test(name) || /^(?:Kantor Desa|Kantor Perbekel|Humas|Admin|Sekretariat)\s+\S/i.test(name)) {
    return [{ field: 'institution', value: name, source: 'display_name' }];
  }
  // "Nama (Instansi)": the part in brackets is not the name (the test first: most names have none, and the pattern is slow to fail).
  const bare = name.includes('(') ? name.replace(/\s*\(.*\)\s*$/, '') : name;
  const person = personName(bare) ?? (/^[\p{Ll}]/u.test(name) ? personName(name.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase())) : undefined);
  return person ? [{ field: 'name', value: person, source: 'display_name' }] : [];
}

/**
 * Everything one mail says about its sender: the form block first, then the display name (the
 * header the sender's client fills in), the self-introduction and the signature; a value found
 * twice is kept once, under the first of these. The text should be the new part of
 * the mail (quoted history folded away), or the quoted acknowledgement would answer for them.
 */
export function identityHints(input: { text: string; displayName?: string | null }): IdentityHint[] {
  const all = [...formBlock(input.text), ...displayNameHints(input.displayName), ...introduction(input.text), ...signature(input.text)];
  const out: IdentityHint[] = [];
  for (const hint of all) if (!out.some((h) => h.field === hint.field && h.value.toLowerCase() === hint.value.toLowerCase())) out.push(hint);
  return out;
}
