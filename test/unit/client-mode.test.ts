import { mkdirSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseHostAddress, parseStartConfig, serializeStartConfig, type ClientStart } from '../../src-main/electron/client-mode/config';
import { decideCertificate, verifyResult } from '../../src-main/electron/client-mode/certificate-decision';
import { certificateFingerprint, derFromPem, normalizeFingerprint, pinAccepts } from '../../src-main/core/security/certificate-pin';
import { HIDDEN_ARG, loginItemFor, startsHidden } from '../../src-main/electron/client-mode/login-item';
import { readStartConfig, startConfigPath, writeStartConfig } from '../../src-main/electron/client-mode/config-file';
import { mismatchPage, readSetupSubmission, SETUP_SUBMIT_URL, setupPage } from '../../src-main/electron/client-mode/pages';
import { createSelfSignedCert } from '../peers/mail/tls-cert';
import { tempDataDir } from '../helpers/temp';

function twoCertificates() {
  const temp = tempDataDir('pst-client-mode-');
  try {
    const dirA = `${temp.dir}/a`;
    const dirB = `${temp.dir}/b`;
    for (const d of [dirA, dirB]) mkdirSync(d);
    return { a: createSelfSignedCert(dirA).cert, b: createSelfSignedCert(dirB).cert };
  } finally {
    temp.cleanup();
  }
}
const { a: certA, b: certB } = twoCertificates();
// What an independent reader of the certificate says its SHA-256 is (Node's X.509 parser, as Chromium shows it).
const fingerprintA = new X509Certificate(certA).fingerprint256;
const fingerprintB = new X509Certificate(certB).fingerprint256;

describe('certificate fingerprint', () => {
  it('is the SHA-256 of the DER, uppercase pairs joined by colons, as a certificate viewer shows it', () => {
    const der = derFromPem(certA)!;
    expect(certificateFingerprint(der)).toBe(fingerprintA);
    expect(fingerprintA).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it("is read as typed or pasted: with or without colons, spaces, any case; Electron's sha256/base64 too", () => {
    const bare = fingerprintA.replace(/:/g, '');
    expect(normalizeFingerprint(bare.toLowerCase())).toBe(fingerprintA);
    expect(normalizeFingerprint(` ${fingerprintA.toLowerCase()} `)).toBe(fingerprintA);
    expect(normalizeFingerprint(bare.match(/..../g)!.join(' '))).toBe(fingerprintA);
    const electronForm = `sha256/${Buffer.from(bare, 'hex').toString('base64')}`;
    expect(normalizeFingerprint(electronForm)).toBe(fingerprintA);
  });

  it('refuses what is not a SHA-256 fingerprint', () => {
    expect(normalizeFingerprint('')).toBeNull();
    expect(normalizeFingerprint(fingerprintA.slice(0, -3))).toBeNull(); // SHA-1 length or cut short
    expect(normalizeFingerprint(fingerprintA.replace(/^../, 'ZZ'))).toBeNull();
    expect(normalizeFingerprint('sha256/AAAA')).toBeNull();
  });

  it('accepts only the pinned certificate, however the pin was written', () => {
    expect(pinAccepts(fingerprintA, { pem: certA })).toBe(true);
    expect(pinAccepts(fingerprintA.replace(/:/g, '').toLowerCase(), { der: derFromPem(certA)! })).toBe(true);
    expect(pinAccepts(fingerprintA, { pem: certB })).toBe(false);
    expect(pinAccepts('not a fingerprint', { pem: certA })).toBe(false);
    expect(pinAccepts(fingerprintA, { pem: 'no certificate here' })).toBe(false);
  });
});

describe('host address', () => {
  it('takes an address as an office writes it and keeps the https origin', () => {
    expect(parseHostAddress('192.168.1.20:8443')).toEqual({ ok: true, url: 'https://192.168.1.20:8443' });
    expect(parseHostAddress(' https://PC-PST:8443/ ')).toEqual({ ok: true, url: 'https://pc-pst:8443' });
  });

  it('refuses plain http, paths, credentials and nonsense with a reason', () => {
    expect(parseHostAddress('http://192.168.1.20:8443')).toEqual({ ok: false, problem: 'not_https' });
    expect(parseHostAddress('https://192.168.1.20:8443/konsol')).toEqual({ ok: false, problem: 'has_path' });
    expect(parseHostAddress('https://admin:rahasia@192.168.1.20')).toEqual({ ok: false, problem: 'has_credentials' });
    expect(parseHostAddress('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseHostAddress('https://')).toEqual({ ok: false, problem: 'not_url' });
  });
});

describe('start config file', () => {
  it('round-trips both choices', () => {
    const client: ClientStart = { mode: 'client', hostUrl: 'https://192.168.1.20:8443', fingerprint: fingerprintA };
    expect(parseStartConfig(serializeStartConfig(client))).toEqual(client);
    expect(parseStartConfig(serializeStartConfig({ mode: 'host', openAtLogin: false }))).toEqual({ mode: 'host', openAtLogin: false });
  });

  it('fills what an older file lacks: a host starts with Windows, a client has not pinned yet', () => {
    expect(parseStartConfig('{"mode":"host"}')).toEqual({ mode: 'host', openAtLogin: true });
    expect(parseStartConfig('{"mode":"client","hostUrl":"10.0.0.5:8443"}')).toEqual({ mode: 'client', hostUrl: 'https://10.0.0.5:8443', fingerprint: null });
  });

  it('asks again (null) rather than trust a damaged or edited file', () => {
    expect(parseStartConfig(null)).toBeNull();
    expect(parseStartConfig('{"mode":"client","hostUrl":"https://10.0.0.5:8443"')).toBeNull();
    expect(parseStartConfig('{"mode":"client","hostUrl":"http://10.0.0.5:8443","fingerprint":null}')).toBeNull();
    expect(parseStartConfig(`{"mode":"client","hostUrl":"https://10.0.0.5:8443","fingerprint":"${fingerprintA.slice(3)}"}`)).toBeNull();
    expect(parseStartConfig('{"mode":"server"}')).toBeNull();
  });
});

describe('the client window and the host certificate', () => {
  const pinned: ClientStart = { mode: 'client', hostUrl: 'https://192.168.1.20:8443', fingerprint: fingerprintA.toLowerCase() };

  it('trusts the pinned certificate of the host although no authority signed it', () => {
    const decision = decideCertificate(pinned, { hostname: '192.168.1.20', certificatePem: certA });
    expect(decision).toEqual({ action: 'accept' });
    expect(verifyResult(decision)).toBe(0);
  });

  it('refuses another certificate for the host and says which one it was', () => {
    const decision = decideCertificate(pinned, { hostname: '192.168.1.20', certificatePem: certB });
    expect(decision).toEqual({ action: 'refuse', reason: 'mismatch', fingerprint: fingerprintB });
    expect(verifyResult(decision)).toBe(-2);
    expect(decideCertificate(pinned, { hostname: '192.168.1.20', certificatePem: '' })).toEqual({ action: 'refuse', reason: 'unreadable', fingerprint: null });
  });

  it('on the first connection shows the fingerprint to compare, and connects to nothing meanwhile', () => {
    const first = decideCertificate({ ...pinned, fingerprint: null }, { hostname: '192.168.1.20', certificatePem: certA });
    expect(first).toEqual({ action: 'ask', fingerprint: fingerprintA });
    expect(verifyResult(first)).toBe(-2);
  });

  it("leaves other sites to Chromium's own checks", () => {
    expect(decideCertificate(pinned, { hostname: 'bps.go.id', certificatePem: certB })).toEqual({ action: 'chromium' });
    expect(verifyResult({ action: 'chromium' })).toBe(-3);
  });
});

describe('start with Windows', () => {
  it('is on for the host PC unless the admin turned it off, and starts in the tray', () => {
    expect(loginItemFor({ mode: 'host', openAtLogin: true })).toEqual({ openAtLogin: true, args: [HIDDEN_ARG] });
    expect(loginItemFor({ mode: 'host', openAtLogin: false })).toEqual({ openAtLogin: false, args: [] });
    expect(loginItemFor({ mode: 'client', hostUrl: 'https://10.0.0.5:8443', fingerprint: null })).toEqual({ openAtLogin: false, args: [] });
    expect(loginItemFor(null).openAtLogin).toBe(false);
  });

  it('a start by the log-in item stays hidden; one by the officer shows the window', () => {
    expect(startsHidden(['PST Console.exe', HIDDEN_ARG], false)).toBe(true);
    expect(startsHidden(['PST Console.exe'], true)).toBe(true);
    expect(startsHidden(['PST Console.exe'], false)).toBe(false);
  });
});

describe('the connect form and the refusal page', () => {
  it('reads the address the officer submitted, or says in Indonesian why not', () => {
    expect(readSetupSubmission(`${SETUP_SUBMIT_URL}?address=192.168.1.20%3A8443`)).toEqual({ ok: true, hostUrl: 'https://192.168.1.20:8443' });
    expect(readSetupSubmission(`${SETUP_SUBMIT_URL}?address=http%3A%2F%2F192.168.1.20`)).toEqual({
      ok: false,
      address: 'http://192.168.1.20',
      problem: 'Alamat harus diawali https:// — PC PST hanya melayani PC lain lewat HTTPS.',
    });
    expect(readSetupSubmission('https://192.168.1.20:8443/')).toBeNull(); // the host's own pages are not the form
  });

  it('shows what was typed as text, never as markup', () => {
    const html = decodeURIComponent(setupPage({ address: '"><script>alert(1)</script>', problem: null }).split(',')[1]!);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    const refused = decodeURIComponent(mismatchPage('https://10.0.0.5:8443', fingerprintA, fingerprintB).split(',')[1]!);
    expect(refused).toContain('Sambungan ditolak: sertifikat PC PST tidak cocok');
    expect(refused).toContain(fingerprintA);
    expect(refused).toContain(fingerprintB);
  });
});

describe('the start config file on disk', () => {
  it('is written whole and read back; a missing file is no choice yet', () => {
    const temp = tempDataDir('pst-start-config-');
    try {
      const file = startConfigPath(temp.dir);
      expect(readStartConfig(file)).toBeNull();
      writeStartConfig(file, { mode: 'client', hostUrl: 'https://10.0.0.5:8443', fingerprint: fingerprintA });
      expect(readStartConfig(file)).toEqual({ mode: 'client', hostUrl: 'https://10.0.0.5:8443', fingerprint: fingerprintA });
    } finally {
      temp.cleanup();
    }
  });
});
