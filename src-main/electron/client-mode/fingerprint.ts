// A certificate's SHA-256 fingerprint as Chromium and the admin's settings page show it:
// uppercase hex pairs joined by ':'. Pure (node:crypto only): no electron here, so vitest can test it.
import { createHash } from 'node:crypto';

const HEX_PAIRS = 32;

/** "AB:CD:…" (32 pairs) of the certificate's DER bytes. */
export function fingerprintOfDer(der: Uint8Array): string {
  return pairs(createHash('sha256').update(der).digest('hex'));
}

/** The DER bytes of the first certificate in a PEM text (as Electron's `Certificate.data` holds it); null if there is none. */
export function derFromPem(pem: string): Uint8Array | null {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!match?.[1]) return null;
  const base64 = match[1].replace(/\s+/g, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  const der = Buffer.from(base64, 'base64');
  return der.length > 0 ? new Uint8Array(der) : null;
}

/**
 * A fingerprint as a person may type or paste it (with or without colons or spaces, any case), or
 * as Electron's `Certificate.fingerprint` gives it ("sha256/<base64>"), in the one shown form;
 * null when it is not a SHA-256 fingerprint.
 */
export function normalizeFingerprint(input: string): string | null {
  const text = input.trim();
  if (text.startsWith('sha256/')) {
    const bytes = Buffer.from(text.slice('sha256/'.length), 'base64');
    return bytes.length === HEX_PAIRS ? pairs(bytes.toString('hex')) : null;
  }
  const hex = text.replace(/[\s:-]/g, '');
  return /^[0-9a-fA-F]{64}$/.test(hex) ? pairs(hex) : null;
}

/**
 * Whether the certificate the host presented is the one pinned on this PC. `presented` is the
 * certificate itself (PEM or DER) — its hash is computed here, not taken from the peer's word.
 */
export function pinnedFingerprintAccepts(pinned: string, presented: { pem: string } | { der: Uint8Array }): boolean {
  const want = normalizeFingerprint(pinned);
  if (!want) return false;
  const der = 'der' in presented ? presented.der : derFromPem(presented.pem);
  if (!der) return false;
  return timingSafeEqualText(fingerprintOfDer(der), want);
}

function pairs(hex: string): string {
  return hex.toUpperCase().match(/../g)!.join(':');
}

// Fingerprints are public, but a constant-time comparison costs nothing and leaves no doubt.
function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
