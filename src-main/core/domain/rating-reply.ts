/**
 * Reads a requester's email reply to the rating request ("Balas dengan angka 1–5 …") into a score
 * and feedback. Only the new part of the reply counts: quoted history and the signature are cut.
 * A score is taken only from a clear form — a leading or lone number, "Nilai: 4", "4/5",
 * "4 bintang", a run of stars — so phone numbers, years, "10 hari" or "3 hari lalu" inside the
 * text are never read as a score. Two different scores make the reply ambiguous: no score, and
 * the whole text is kept as feedback for the officer to read.
 */

export type RatingScore = 1 | 2 | 3 | 4 | 5;

export interface RatingReply {
  score: RatingScore | null;
  feedback: string | null;
}

const NUMBER_WORDS: Record<string, RatingScore> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
};

/** A score 1–5 as a digit or word, not part of a longer number ("15", "2026", "4,5", "0362-22145"). */
const NUM = String.raw`(?<![\p{L}\p{N}.,/:\-])([1-5]|satu|dua|tiga|empat|lima|one|two|three|four|five)(?![\p{L}\p{N}]|[.,:]\d)`;
const OUT_OF_FIVE = String.raw`\s*(?:\/|dari|of|out\s+of)\s*(?:5|lima|five)(?!\p{N})`;
const STARS = String.raw`\s*(?:bintang|stars?|[⭐★]\uFE0F?)`;
/** "4 atau 5", "4-5": a second score right after the first. */
const ALTERNATIVE = String.raw`(?:\s*(?:-|–|\/|atau|or|sampai|hingga|s\.?d\.?)\s*${NUM})?`;

const KEYWORD = String.raw`(?:(?:saya|kami|aku|i|we)\s+(?:akan\s+|would\s+|will\s+|mau\s+)?)?(?:nilai(?:nya)?|penilaian(?:nya)?|skor(?:nya)?|score|rating|rate|rated|beri(?:kan)?|memberi(?:kan)?|(?<!terima\s)kasih|give|giving|bintang(?:nya)?|stars?)`;
const FILLERS = String.raw`(?:\s*[:=]\s*|\s*[-–]\s+|\s+)(?:(?:saya|kami|aku|dari\s+saya|untuk|buat|layanan|pelayanan|konsultasi|ini|nya|adalah|yaitu|yakni|it|is|was|i|would|a|an|for|this|the|service|my|our|sebesar|:)\s*)*`;

const KEYWORD_SCORE = new RegExp(String.raw`${KEYWORD}${FILLERS}${NUM}(?:${OUT_OF_FIVE}|${STARS})?${ALTERNATIVE}`, 'giu');
const FRACTION_SCORE = new RegExp(`${NUM}${OUT_OF_FIVE}`, 'giu');
const STAR_WORD_SCORE = new RegExp(`${NUM}${STARS}`, 'giu');
/** A run of stars; empty ones (☆) are part of it but not counted: ★★★☆☆ is 3. */
const STAR_RUN = /[⭐★☆]\uFE0F?(?:\s*[⭐★☆]\uFE0F?)*/gu;

/** Words after a leading number that make it a quantity, not a score ("3 hari lalu", "2 tabel"). */
const QUANTITY_WORDS =
  /^(?:hari|jam|menit|detik|minggu|pekan|bulan|tahun|kali|orang|buah|lembar|halaman|tabel|file|berkas|data|dokumen|jenis|pertanyaan|hal|lagi|desa|kecamatan|persen|ribu|juta|miliar|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec|january|february|march|may|june|july|august|october|december|days?|hours?|minutes?|weeks?|months?|years?|times|people|files?|tables?|pages?|questions?|more|x)\b/iu;

/** Where the rest of the mail is the earlier message, unquoted (Outlook, forwarded copies). */
const HISTORY_STARTS: ((line: string, next: string) => boolean)[] = [
  (line) => /^-{2,}\s*(?:Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}/i.test(line),
  (line) => /^_{10,}\s*$/.test(line),
  (line, next) => /^(?:From|Dari):\s/i.test(line) && /^(?:Sent|Dikirim|Date|Tanggal|To|Kepada):\s/i.test(next),
];
/** "On … wrote:" / "Pada … menulis:", on one line or two: the quote below it is skipped, text after it kept. */
const ATTRIBUTION_ONE = /^(?:On|Pada)\b.*\b(?:wrote|menulis):\s*$/i;
const ATTRIBUTION_FIRST = /^(?:On|Pada)\b/i;
const ATTRIBUTION_SECOND = /\b(?:wrote|menulis):\s*$/i;
const SIGNATURE_START = /^(?:--|-- )$/;
/** Mail apps' footers ("Sent from my iPhone", "Dapatkan Outlook untuk Android", "Dikirim dari Yahoo Mail"). */
const DEVICE_FOOTER = /^(?:Sent from|Dikirim dari|Kirim dari|Get Outlook for|Dapatkan Outlook untuk|Diambil dari|Diunggah dari)\b/i;

/**
 * The new part of a reply: quoted lines and their attribution left out wherever they stand (a
 * requester may answer below a quote), mail-app footers dropped; it ends at a "-- " signature or
 * where an unquoted copy of the earlier mail begins.
 */
export function stripReplyHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const next = (lines[i + 1] ?? '').trim();
    if (SIGNATURE_START.test(line.trimStart())) break;
    if (HISTORY_STARTS.some((starts) => starts(trimmed, next))) break;
    if (DEVICE_FOOTER.test(trimmed) || /^>/.test(trimmed) || ATTRIBUTION_ONE.test(trimmed)) continue;
    if (ATTRIBUTION_FIRST.test(trimmed) && ATTRIBUTION_SECOND.test(next)) {
      i++;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n').trim();
}

const scoreOf = (token: string): RatingScore | null => {
  const word = token.toLowerCase();
  if (word in NUMBER_WORDS) return NUMBER_WORDS[word]!;
  const digit = Number(token);
  return digit >= 1 && digit <= 5 ? (digit as RatingScore) : null;
};

/** Collects the scores of every match and blanks the matched text (positions stay aligned). */
function takeScores(text: string, pattern: RegExp, found: Set<RatingScore>, starRun = false): string {
  return text.replace(pattern, (match, ...groups: unknown[]) => {
    if (starRun) {
      const count = [...match.matchAll(/[⭐★]/gu)].length;
      if (count < 1 || count > 5) return match;
      found.add(count as RatingScore);
    } else {
      for (const group of groups.slice(0, -2)) {
        // the capture groups, without offset and input
        if (typeof group !== 'string') continue;
        const score = scoreOf(group);
        if (score) found.add(score);
      }
    }
    return ' '.repeat(match.length);
  });
}

/** A number opening the reply ("5", "4 - cukup membantu", "5, terima kasih", "Empat.") or alone on a line. */
function takeLeadingScores(text: string, found: Set<RatingScore>): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const leading = new RegExp(String.raw`^(\s*)${NUM}${ALTERNATIVE}(?=\s*[-–—:.,;!)(]|\s*$|\s+\S)`, 'iu');
  return lines
    .map((line, index) => {
      const match = leading.exec(line);
      if (!match) return line;
      const rest = line.slice(match[0].length);
      const isWord = /\p{L}/u.test(match[2]!);
      const lone = /^\s*[.!]?\s*$/.test(rest);
      if (index !== first && !lone) return line;
      if (!lone) {
        if (isWord && !/^\s*[-–—:.,;!]/.test(rest)) return line; // "dua hari …" is text
        if (QUANTITY_WORDS.test(rest.trimStart())) return line;
        const listItem = /^[.)]/.test(rest) && lines.some((l) => new RegExp(`^\\s*${Number(match[2]) + 1}[.)]`).test(l));
        if (listItem) return line; // "1. … 2. …" is a numbered list
      }
      for (const token of [match[2], match[3]]) {
        const score = token ? scoreOf(token) : null;
        if (score) found.add(score);
      }
      return ' '.repeat(match[0].length) + rest;
    })
    .join('\n');
}

/** A number closing the reply after punctuation: "Terima kasih, 5", "Kurang cepat. 3." */
function takeTrailingScore(text: string, found: Set<RatingScore>): string {
  const trailing = new RegExp(String.raw`([,.;!:]\s*)${NUM}(\s*[.!]?\s*)$`, 'iu');
  const match = trailing.exec(text);
  if (!match) return text;
  const score = scoreOf(match[2]!);
  if (score) found.add(score);
  return text.slice(0, match.index) + match[1] + ' '.repeat(match[0].length - match[1]!.length);
}

/** What is left once the score is taken out: separators and blank lines trimmed. */
function tidyFeedback(text: string): string | null {
  const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  const joined = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const tidy = joined
    .replace(/^[\s\-–—:.,;!/]+/u, '')
    .replace(/[\s\-–—:,;/]+$/u, '')
    .trim();
  return tidy === '' ? null : tidy;
}

export function parseRatingReply(text: string): RatingReply {
  const body = stripReplyHistory(text).replace(/(\d)\uFE0F?\u20E3/gu, '$1'); // keycap digits: 5️⃣ → 5
  const found = new Set<RatingScore>();
  let rest = takeScores(body, KEYWORD_SCORE, found);
  rest = takeScores(rest, FRACTION_SCORE, found);
  rest = takeScores(rest, STAR_WORD_SCORE, found);
  rest = takeScores(rest, STAR_RUN, found, true);
  rest = takeLeadingScores(rest, found);
  rest = takeTrailingScore(rest, found);
  if (found.size === 1) return { score: [...found][0]!, feedback: tidyFeedback(rest) };
  return { score: null, feedback: tidyFeedback(body) };
}
