import { createHash, X509Certificate } from 'node:crypto';

/**
 * Certificate pinning by SHA-256 fingerprint, the way browsers show it ("AB:CD:…", 32 pairs).
 * The host shows its fingerprint in Pengaturan; a client PC is told it once and from then on
 * accepts only that certificate. Pure functions: the host, the desktop app's client mode and the
 * tests use the same ones.
 */

/** SHA-256 of a certificate's DER bytes as upper-case colon hex. */
export function certificateFingerprint(der: Uint8Array): string {
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}

/** The fingerprint of a PEM certificate (the first one, when it is a chain). */
export function pemFingerprint(pem: string): string {
  return certificateFingerprint(new X509Certificate(pem).raw);
}

/** The DER bytes of the first certificate in a PEM text (as Electron's `Certificate.data` holds it); null if there is none. */
export function derFromPem(pem: string): Uint8Array | null {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  const base64 = match?.[1]?.replace(/\s+/g, '') ?? '';
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  const der = Buffer.from(base64, 'base64');
  return der.length > 0 ? new Uint8Array(der) : null;
}

/**
 * A fingerprint as a person may type or paste it (lower case, spaces or no separators, a
 * "SHA256:" prefix), or as Electron's `Certificate.fingerprint` gives it ("sha256/<base64>"), in
 * the canonical form; null when it is not 32 bytes.
 */
export function normalizeFingerprint(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('sha256/')) {
    const bytes = Buffer.from(trimmed.slice('sha256/'.length), 'base64');
    return bytes.length === 32 ? bytes.toString('hex').toUpperCase().match(/../g)!.join(':') : null;
  }
  const hex = trimmed
    .replace(/^sha-?256\s*[:=]?\s*/i, '')
    .replace(/[\s:-]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/**
 * Whether the peer's certificate (DER, as Node's `getPeerCertificate().raw` or Electron's
 * certificate verify callback give it) is the pinned one. A pin that is not a fingerprint at
 * all matches nothing.
 */
export function fingerprintMatches(pinned: string, peerCertDer: Uint8Array): boolean {
  const want = normalizeFingerprint(pinned);
  if (want === null) return false;
  const got = certificateFingerprint(peerCertDer);
  // Not secret, but compare all of it anyway: equal length by construction.
  let diff = 0;
  for (let i = 0; i < want.length; i++) diff |= want.charCodeAt(i) ^ got.charCodeAt(i);
  return diff === 0;
}

/**
 * Whether a presented certificate (PEM, as Electron hands it over, or DER) is the pinned one. Its
 * hash is computed here from the certificate itself, never taken from the peer's word.
 */
export function pinAccepts(pinned: string, presented: { pem: string } | { der: Uint8Array }): boolean {
  const der = 'der' in presented ? presented.der : derFromPem(presented.pem);
  return der !== null && fingerprintMatches(pinned, der);
}
