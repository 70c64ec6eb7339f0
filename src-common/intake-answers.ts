/**
 * What makes an intake answer acceptable, by the service standard's "a clear statement of the
 * need": rules both the bot (core) and the console's forms can apply.
 */

const LETTER = /\p{L}/u;

/** A name has letters: "🙏🙏🙏" or "..." is not a name. */
export const isPlausibleName = (text: string): boolean => LETTER.test(text);

/** The words of a text that contain a letter (numbers, emoji and punctuation alone are not words). */
export const wordsWithLetters = (text: string): string[] => text.split(/\s+/).filter((w) => LETTER.test(w));

/** The fewest words a clear need has: "data penduduk Buleleng" is one; "👍" or "data" is not. */
export const MIN_NEED_WORDS = 3;

/** Greetings and forms of address, which a first message is often made of and which state no need. */
const GREETING_WORDS = new Set([
  'halo',
  'hallo',
  'helo',
  'hai',
  'hi',
  'hello',
  'selamat',
  'pagi',
  'siang',
  'sore',
  'malam',
  'permisi',
  'kak',
  'kakak',
  'min',
  'admin',
  'mimin',
  'pak',
  'bu',
  'bapak',
  'ibu',
  'om',
  'swastiastu',
  'assalamualaikum',
  'terima',
  'kasih',
  'makasih',
  'tks',
  'mohon',
  'maaf',
  'bantuannya',
  'ya',
]);

/** The words of a text that could say what is needed: with letters, not a greeting ("Selamat pagi kak" says nothing yet). */
export const needWords = (text: string): string[] => wordsWithLetters(text).filter((w) => !GREETING_WORDS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));

/** A clear need: at least three words that are not greetings, emoji or punctuation. */
export const isClearNeed = (text: string): boolean => needWords(text).length >= MIN_NEED_WORDS;

/** Answers to "asal instansi" that mean the requester asks for themself. */
const INDIVIDUAL_ANSWERS = new Set(['-', '--', '—', 'perorangan', 'pribadi', 'individu', 'umum', 'tidak ada']);

export const isIndividualAnswer = (text: string): boolean => INDIVIDUAL_ANSWERS.has(text.trim().toLowerCase());

/** How an individual shows where an institution would (requester panel, summary, reports). */
export const INDIVIDUAL_LABEL = 'Perorangan';
