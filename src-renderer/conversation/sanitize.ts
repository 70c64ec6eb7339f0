import DOMPurify from 'dompurify';

export interface SanitizedEmail {
  /** A whole document for an iframe's srcdoc, with its own Content-Security-Policy. */
  srcdoc: string;
  /** Images that would load from the network (http, https, protocol-relative). */
  remoteImages: number;
}

// Forms and embedded content have no place in a mail shown to an officer.
const FORBID_TAGS = [
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'audio',
  'video',
  'source',
  'track',
  'portal',
];
const FORBID_ATTR = ['srcset', 'background', 'poster', 'action', 'formaction', 'ping'];
const REMOTE = /^\s*(https?:)?\/\//i;
// What a stylesheet could use to fetch or (in old engines) run something.
const CSS_FETCH = /url\s*\([^)]*\)|@import[^;]*;?|expression\s*\([^)]*\)?/gi;
const stripCss = (css: string): string => css.replace(CSS_FETCH, 'none');

// Blocked: the sandboxed document may show only inline images and inline styles.
const STRICT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
const REMOTE_CSP = "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'";

// Folded quoted history: the usual markers of Gmail, Outlook, Thunderbird and Apple Mail.
const FOLD_QUOTES = 'blockquote, .gmail_quote, .moz-cite-prefix, #appendonsend ~ *, #divRplyFwdMsg, #divRplyFwdMsg ~ * { display: none !important; }';
const BASE_STYLE =
  'body { font: 14px/1.5 "Segoe UI", system-ui, sans-serif; color: #242424; margin: 8px; overflow-wrap: anywhere; } img { max-width: 100%; height: auto; } a { color: #0f6cbd; }';

const purifier = DOMPurify(window);

/**
 * Mail HTML made safe to look at (DOMPurify), wrapped in a document whose CSP forbids every
 * script, frame and fetch; remote images count, and load only when the officer allows them.
 * The iframe that shows it is also sandboxed with no permissions: three locks, not one.
 */
export function sanitizeEmailHtml(
  html: string,
  options: { allowRemoteImages: boolean; foldQuotes: boolean; inlineImages?: readonly { contentId: string; mimeType: string; contentBase64: string }[] },
): SanitizedEmail {
  // cid: images come from the mail's own stored parts, as data: URIs the strict CSP allows.
  const inline = new Map((options.inlineImages ?? []).filter((i) => /^image\/[\w.+-]+$/i.test(i.mimeType)).map((i) => [i.contentId, i]));
  let remoteImages = 0;
  purifier.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.tagName === 'IMG') {
      const src = element.getAttribute('src') ?? '';
      const cid = /^cid:(.+)$/i.exec(src.trim())?.[1];
      if (cid !== undefined) {
        const part = inline.get(cid);
        if (part) element.setAttribute('src', `data:${part.mimeType};base64,${part.contentBase64}`);
        else element.removeAttribute('src');
      }
      if (REMOTE.test(src)) {
        remoteImages++;
        if (!options.allowRemoteImages) {
          element.removeAttribute('src');
          element.setAttribute('alt', element.getAttribute('alt') || '[gambar diblokir]');
        }
      }
    }
    const style = element.getAttribute?.('style');
    if (style && !options.allowRemoteImages) element.setAttribute('style', stripCss(style));
    else if (style) element.setAttribute('style', style.replace(/expression\s*\([^)]*\)?/gi, 'none'));
    if (element.tagName === 'A') element.setAttribute('rel', 'noopener noreferrer');
  });
  purifier.addHook('uponSanitizeElement', (node, data) => {
    // A <style> sheet may fetch through url() or @import: keep it only without them.
    if (data.tagName === 'style')
      node.textContent = options.allowRemoteImages
        ? (node.textContent ?? '').replace(/@import[^;]*;?|expression\s*\([^)]*\)?/gi, 'none')
        : stripCss(node.textContent ?? '');
  });
  let clean: string;
  try {
    clean = purifier.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS, FORBID_ATTR, WHOLE_DOCUMENT: false, ALLOW_DATA_ATTR: false });
  } finally {
    purifier.removeAllHooks();
  }
  const csp = options.allowRemoteImages ? REMOTE_CSP : STRICT_CSP;
  const style = options.foldQuotes ? `${BASE_STYLE} ${FOLD_QUOTES}` : BASE_STYLE;
  const srcdoc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><style>${style}</style></head><body>${clean}</body></html>`;
  return { srcdoc, remoteImages };
}

/** Whether the mail has quoted history that the fold hides. */
export const hasQuotedHtml = (html: string): boolean => /<blockquote|gmail_quote|moz-cite-prefix|appendonsend|divRplyFwdMsg/i.test(html);
