import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The console's Content-Security-Policy, shared by both hosts' responses. Styles may be inline
 * because Fluent UI (Griffel) injects them at run time; scripts only from our own bundle.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // https: lets an officer choose to show an email's remote images (the sanitizer blocks them until
  // then); untrusted HTML renders only inside a sandboxed frame, never in the console's own page.
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed cookie value is ignored, not fatal
    }
  }
  return cookies;
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Defence against DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach
 * the console, so the Host header has to name the loopback address we listen on.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Cross-site requests (another origin in the same browser) are refused for the API. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The office-network listener: the Host header must name one of the addresses it listens on. */
export function lanHostAllowed(req: IncomingMessage, addresses: readonly string[], port: number): boolean {
  const host = req.headers.host;
  return host !== undefined && addresses.some((address) => host === `${address}:${port}`);
}

/**
 * The office-network listener: a state-changing request must come from one of its own origins, and
 * say so (every browser sends Origin with a POST). An event stream from a same-origin page carries
 * no Origin; a cross-site one does, and the fetch metadata says where it came from.
 */
export function lanOriginAllowed(req: IncomingMessage, addresses: readonly string[], port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin';
  }
  return addresses.some((address) => origin === `https://${address}:${port}`);
}
