/** Telegram's sendMessage takes at most this many characters (UTF-16 units, as the API counts). */
export const TELEGRAM_MAX_TEXT = 4096;

/**
 * Splits a text into messages of at most `max` UTF-16 units, at a paragraph, line or word
 * boundary when there is one in the second half of the window, never inside a surrogate pair.
 * The core sends these parts; the composer counts them, so the count shown is the count sent.
 */
export function splitTelegramText(text: string, max = TELEGRAM_MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = -1;
    for (const sep of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(sep);
      if (at >= max / 2) {
        cut = at + sep.length;
        break;
      }
    }
    if (cut === -1) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0) parts.push(rest);
  return parts.filter((p) => p.length > 0);
}
