// What the client window does with the certificate a server presents. Pure: no electron here.
import { certificateFingerprint, derFromPem, pinAccepts } from '../../core/security/certificate-pin';
import type { ClientStart } from './config';

export type CertificateDecision =
  /** The host, with the pinned certificate. */
  | { action: 'accept' }
  /** Not the console's host (a link's page): Chromium's own verification decides. */
  | { action: 'chromium' }
  /** The host, but no certificate pinned yet: show this fingerprint and ask the officer to compare it. */
  | { action: 'ask'; fingerprint: string }
  /** The host presented another certificate than the pinned one, or none readable. */
  | { action: 'refuse'; reason: 'mismatch' | 'unreadable'; fingerprint: string | null };

/** Electron's setCertificateVerifyProc answers: 0 trusts, -2 refuses, -3 leaves it to Chromium. */
export const VERIFY_RESULT = { accept: 0, refuse: -2, chromium: -3 } as const;

/**
 * Decides for one TLS connection. Only the configured host's name is pinned; the pinned
 * certificate is trusted even though no public authority signed it (the host made it itself),
 * and any other certificate for that name is refused, whatever authority signed it.
 */
export function decideCertificate(config: ClientStart, request: { hostname: string; certificatePem: string }): CertificateDecision {
  if (request.hostname.toLowerCase() !== hostnameOf(config.hostUrl)) return { action: 'chromium' };
  const der = derFromPem(request.certificatePem);
  if (!der) return { action: 'refuse', reason: 'unreadable', fingerprint: null };
  const presented = certificateFingerprint(der);
  if (config.fingerprint === null) return { action: 'ask', fingerprint: presented };
  return pinAccepts(config.fingerprint, { der }) ? { action: 'accept' } : { action: 'refuse', reason: 'mismatch', fingerprint: presented };
}

/** The hostname Chromium passes for the host: IPv6 without brackets, lowercase. */
function hostnameOf(origin: string): string {
  return new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

export const verifyResult = (decision: CertificateDecision): number =>
  decision.action === 'accept' ? VERIFY_RESULT.accept : decision.action === 'chromium' ? VERIFY_RESULT.chromium : VERIFY_RESULT.refuse;
