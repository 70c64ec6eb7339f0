/** Telegram's sendMessage takes at most this many characters (UTF-16 units, as the API counts). */
export const TELEGRAM_MAX_TEXT = 4096;

/**
 * How many Telegram messages a reply becomes. Mirrors the core's splitter (paragraph, line,
 * then word breaks in the second half of each 4,096-character window) so the count shown is
 * the count sent.
 */
export function telegramParts(text: string, max = TELEGRAM_MAX_TEXT): number {
  let parts = 0;
  let rest = text.trim();
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
    if (rest.slice(0, cut).trimEnd().length > 0) parts++;
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  return rest.length > 0 ? parts + 1 : parts;
}
