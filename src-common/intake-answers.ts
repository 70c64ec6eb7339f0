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

export const isClearNeed = (text: string): boolean => wordsWithLetters(text).length >= MIN_NEED_WORDS;

/** Answers to "asal instansi" that mean the requester asks for themself. */
const INDIVIDUAL_ANSWERS = new Set(['-', '--', '—', 'perorangan', 'pribadi', 'individu', 'umum', 'tidak ada']);

export const isIndividualAnswer = (text: string): boolean => INDIVIDUAL_ANSWERS.has(text.trim().toLowerCase());

/** How an individual shows where an institution would (requester panel, summary, reports). */
export const INDIVIDUAL_LABEL = 'Perorangan';
