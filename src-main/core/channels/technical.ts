import type { CoreServices } from '../services';

/** The last failure of a channel as the library reported it, for the admin's "Detail" only. */
export interface TechnicalDetail {
  at: number;
  text: string;
}

type LiveChannel = 'telegram' | 'email';

const byCore = new WeakMap<CoreServices, Map<LiveChannel, TechnicalDetail>>();

const REDACTED = '‹disembunyikan›';
/** How deep an error's causes are followed (a fetch failure wraps a socket error wraps a DNS error). */
const MAX_CAUSES = 4;
const MAX_PART_CHARS = 240;

/**
 * Removes every secret a library's text may carry: the values given (a token, a password), a Bot
 * API request URL whole (its path is the token), any Bot API token even if not given, and
 * credentials in a URL.
 */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out
    .replace(/\bhttps?:\/\/\S*\/bot[^\s)'"]*/gi, REDACTED) // a Bot API request URL is the token
    .replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, REDACTED)
    .replace(/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`)
    .replace(/\b(pass(?:word)?|token|secret)=([^&\s]+)/gi, `$1=${REDACTED}`);
}

/**
 * An error and its causes as "Class [code] message" lines: what a technician searches for
 * (ENOTFOUND, CERT_HAS_EXPIRED, GrammyError 409). Never shown unredacted.
 */
export function technicalText(error: unknown, secrets: readonly (string | null | undefined)[]): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && current !== undefined && current !== null; depth++) {
    if (!(current instanceof Error) && typeof current !== 'object') {
      parts.push(String(current).slice(0, MAX_PART_CHARS));
      break;
    }
    const e = current as Error & { code?: unknown; error_code?: unknown; responseCode?: unknown; method?: unknown; cause?: unknown; error?: unknown };
    const codes = [e.error_code, e.code, e.responseCode].filter((c) => typeof c === 'string' || typeof c === 'number');
    const method = typeof e.method === 'string' ? ` (${e.method})` : '';
    const message = typeof e.message === 'string' ? e.message.replace(/\s+/g, ' ').slice(0, MAX_PART_CHARS) : '';
    parts.push(`${e.name ?? 'Error'}${codes.length ? ` ${codes.join(' ')}` : ''}${method}${message ? `: ${message}` : ''}`);
    // grammy's HttpError keeps the failed fetch in `error`, not `cause`.
    current = e.cause ?? (typeof e.error === 'object' ? e.error : undefined);
  }
  return redactSecrets(parts.join(' ← '), secrets);
}

/** Keeps the failure's technical text for the admin; the officer sees only the channel's Indonesian sentence. */
export function recordTechnical(core: CoreServices, channel: LiveChannel, error: unknown, secrets: readonly (string | null | undefined)[]): void {
  let map = byCore.get(core);
  if (!map) byCore.set(core, (map = new Map()));
  map.set(channel, { at: core.now(), text: technicalText(error, secrets) });
}

export function technicalDetails(core: CoreServices): Record<LiveChannel, TechnicalDetail | null> {
  const map = byCore.get(core);
  return { telegram: map?.get('telegram') ?? null, email: map?.get('email') ?? null };
}
