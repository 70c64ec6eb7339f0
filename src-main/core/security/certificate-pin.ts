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

/**
 * A fingerprint as a person may type or paste it (lower case, spaces or no separators, a
 * "SHA256:" prefix) in the canonical form, or null when it is not 32 bytes of hex.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text
    .trim()
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
