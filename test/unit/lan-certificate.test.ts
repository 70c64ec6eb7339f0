import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { certificateFingerprint, fingerprintMatches, normalizeFingerprint, pemFingerprint } from '../../src-main/core/security/certificate-pin';
import { addressAllowed, normalizeSubnet, plainIPv4 } from '../../src-main/core/security/lan-address';
import { createSelfSigned, describeCertificate, needsNewCertificate, validateImported } from '../../src-main/core/security/lan-certificate';
import { AppError } from '../../src-main/core/errors';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.toApiError().code;
    throw error;
  }
  return undefined;
};

describe('certificate pin', () => {
  it('shows the fingerprint as browsers do and accepts it however a person types it', async () => {
    const { certificatePem } = await createSelfSigned(['192.168.1.10'], Date.now());
    const der = new X509Certificate(certificatePem).raw;
    const fingerprint = certificateFingerprint(der);
    // Node's own SHA-256 fingerprint is the same colon hex.
    expect(fingerprint).toBe(new X509Certificate(certificatePem).fingerprint256);
    expect(pemFingerprint(certificatePem)).toBe(fingerprint);
    expect(fingerprintMatches(fingerprint, der)).toBe(true);
    expect(fingerprintMatches(` sha256: ${fingerprint.toLowerCase().replaceAll(':', ' ')} `, der)).toBe(true);
    const oneDigitOff = fingerprint.slice(0, -1) + (fingerprint.endsWith('0') ? '1' : '0');
    expect(fingerprintMatches(oneDigitOff, der)).toBe(false);
    expect(fingerprintMatches('', der)).toBe(false);
    expect(fingerprintMatches('AB:CD', der)).toBe(false);
    expect(normalizeFingerprint('zz'.repeat(32))).toBeNull();
  });
});

describe('the host certificate', () => {
  it('names the chosen addresses, and is made again only when a new self-signed one must name more', async () => {
    const made = await createSelfSigned(['192.168.1.10', '10.0.0.5'], Date.now());
    const view = describeCertificate(made.certificatePem, 'self_signed');
    expect(view.addresses).toEqual(['192.168.1.10', '10.0.0.5']);
    expect(view.validTo - Date.now()).toBeGreaterThan(9 * 365 * 24 * 3600_000);
    const current = { ...made, view };
    expect(needsNewCertificate(current, ['192.168.1.10'])).toBe(false);
    expect(needsNewCertificate(current, ['192.168.1.11'])).toBe(true);
    expect(needsNewCertificate(null, ['192.168.1.10'])).toBe(true);
    expect(needsNewCertificate({ ...current, view: { ...view, source: 'imported' } }, ['192.168.1.11'])).toBe(false);
  });

  it('imports an office certificate only with its own key, and says what is wrong otherwise', async () => {
    const office = await generate([{ name: 'commonName', value: 'pst.bps.local' }], { keySize: 2048 });
    const other = await generate([{ name: 'commonName', value: 'other' }], { keySize: 2048 });
    const now = Date.now();
    const ok = validateImported(office.cert, office.private, now);
    expect(pemFingerprint(ok.certificatePem)).toBe(pemFingerprint(office.cert));
    expect(codeOf(() => validateImported(office.cert, other.private, now))).toBe('lan.key_mismatch');
    expect(codeOf(() => validateImported('bukan sertifikat', office.private, now))).toBe('lan.certificate_unreadable');
    expect(codeOf(() => validateImported(office.cert, 'bukan kunci', now))).toBe('lan.key_unreadable');
    expect(codeOf(() => validateImported(office.cert, office.private, now + 20 * 365 * 24 * 3600_000))).toBe('lan.certificate_expired');
  });
});

describe('office subnets', () => {
  it('reads CIDR as the admin writes it and matches callers against it', () => {
    expect(normalizeSubnet('192.168.1.7/24')).toBe('192.168.1.0/24');
    expect(normalizeSubnet(' 10.0.0.5 ')).toBe('10.0.0.5/32');
    expect(normalizeSubnet('192.168.1.0/33')).toBeNull();
    expect(normalizeSubnet('fe80::1/64')).toBeNull();
    expect(normalizeSubnet('kantor')).toBeNull();
    expect(plainIPv4('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(addressAllowed('::ffff:192.168.1.20', ['192.168.1.0/24'])).toBe(true);
    expect(addressAllowed('192.168.2.20', ['192.168.1.0/24'])).toBe(false);
    expect(addressAllowed('127.0.0.3', ['127.0.0.2/32'])).toBe(false);
    expect(addressAllowed(undefined, ['0.0.0.0/0'])).toBe(false);
    expect(addressAllowed('192.168.1.20', [])).toBe(false);
  });
});
