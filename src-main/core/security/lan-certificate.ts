import { createPrivateKey, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import type { LanCertificateView } from '../../../src-preload/contract';
import { invalidInput } from '../errors';
import type { Db } from '../store/db';
import { settingsQueries } from '../store/queries/settings';
import { certificateFingerprint } from './certificate-pin';
import type { SecretStore } from './secrets';

/** The private key lives only in the secret store (encrypted like the mail password), never in settings. */
export const LAN_KEY_SECRET = 'lan.certificate.key';
const CERT_SETTING = 'lan.certificate';

export interface LanCertificate {
  certificatePem: string;
  privateKeyPem: string;
  view: LanCertificateView;
}

interface StoredCertificate {
  pem: string;
  source: LanCertificateView['source'];
}

/** The addresses a certificate names as IP subjectAltNames. */
function ipAltNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('IP Address:'))
    .map((part) => part.slice('IP Address:'.length));
}

export function describeCertificate(pem: string, source: LanCertificateView['source']): LanCertificateView {
  const cert = new X509Certificate(pem);
  return {
    fingerprint: certificateFingerprint(cert.raw),
    source,
    addresses: ipAltNames(cert),
    validFrom: Date.parse(cert.validFrom),
    validTo: Date.parse(cert.validTo),
  };
}

/** The stored certificate and key, or null when none was made or imported yet. */
export function readLanCertificate(db: Db, secrets: SecretStore): LanCertificate | null {
  const stored = settingsQueries(db).get<StoredCertificate | null>(CERT_SETTING, null);
  const key = stored ? secrets.get(LAN_KEY_SECRET) : null;
  if (!stored || !key) return null;
  return { certificatePem: stored.pem, privateKeyPem: key, view: describeCertificate(stored.pem, stored.source) };
}

export function writeLanCertificate(
  db: Db,
  secrets: SecretStore,
  cert: { certificatePem: string; privateKeyPem: string; source: LanCertificateView['source'] },
  now: number,
): void {
  secrets.set(LAN_KEY_SECRET, cert.privateKeyPem);
  settingsQueries(db).set(CERT_SETTING, { pem: cert.certificatePem, source: cert.source } satisfies StoredCertificate, now);
}

/** Whether a self-signed certificate must be made (again): none yet, or it does not name every address now chosen. */
export function needsNewCertificate(current: LanCertificate | null, addresses: readonly string[]): boolean {
  if (!current) return true;
  if (current.view.source === 'imported') return false; // the office's own: the admin manages it
  return !addresses.every((address) => current.view.addresses.includes(address));
}

/** A self-signed certificate for these addresses, valid ten years (the office has no one to renew it). */
export async function createSelfSigned(addresses: readonly string[], now: number): Promise<{ certificatePem: string; privateKeyPem: string }> {
  const pems = await generate(
    [
      { name: 'commonName', value: 'PST Console' },
      { name: 'organizationName', value: 'BPS Kabupaten Buleleng' },
    ],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: new Date(now - 24 * 60 * 60 * 1000),
      notAfterDate: new Date(now + 10 * 365 * 24 * 60 * 60 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: addresses.map((ip) => ({ type: 7 as const, ip })) },
      ],
    },
  );
  return { certificatePem: pems.cert, privateKeyPem: pems.private };
}

/**
 * An office certificate as the admin pasted or chose it: one PEM certificate and the private key
 * that belongs to it. What is wrong is said as a code, never as OpenSSL's words.
 */
export function validateImported(certificatePem: string, privateKeyPem: string, now: number): { certificatePem: string; privateKeyPem: string } {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certificatePem);
  } catch {
    throw invalidInput({ code: 'lan.certificate_unreadable' });
  }
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw invalidInput({ code: 'lan.key_unreadable' });
  }
  if (!cert.checkPrivateKey(key)) throw invalidInput({ code: 'lan.key_mismatch' });
  if (Date.parse(cert.validTo) <= now) throw invalidInput({ code: 'lan.certificate_expired' });
  // Stored as Node re-exports them: one certificate and an unencrypted PKCS#8 key, no stray text.
  return { certificatePem: cert.toString(), privateKeyPem: key.export({ format: 'pem', type: 'pkcs8' }).toString() };
}
