import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCertificate } from '../../src-main/electron/client-mode/certificate-decision';
import { certificateFingerprint } from '../../src-main/core/security/certificate-pin';
import { createSelfSignedCert, type SelfSignedCert } from '../peers/mail/tls-cert';
import { tempDataDir } from '../helpers/temp';

/**
 * The desktop client's pin against a real TLS server on another loopback address ("the PST PC"):
 * the certificate it decides on is the one that came over the wire, not a value handed to it.
 */
const HOST = '127.0.0.2';
let temp: ReturnType<typeof tempDataDir>;
let served: SelfSignedCert;
let other: SelfSignedCert;
let server: Server;
let port = 0;

beforeAll(async () => {
  temp = tempDataDir('pst-client-pin-');
  mkdirSync(`${temp.dir}/host`);
  mkdirSync(`${temp.dir}/other`);
  served = createSelfSignedCert(`${temp.dir}/host`);
  other = createSelfSignedCert(`${temp.dir}/other`);
  server = createServer({ key: served.key, cert: served.cert }, (_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, HOST, r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  temp?.cleanup();
});

/** The certificate the server presents, as PEM (Electron hands the verify proc PEM). */
function presentedPem(): Promise<string> {
  return new Promise((resolve, reject) => {
    // Unverified on purpose: the pin, not an authority, decides.
    const socket = connect({ host: HOST, port, rejectUnauthorized: false }, () => {
      const der = socket.getPeerX509Certificate()!.raw;
      socket.end();
      resolve(
        `-----BEGIN CERTIFICATE-----\n${der
          .toString('base64')
          .match(/.{1,64}/g)!
          .join('\n')}\n-----END CERTIFICATE-----\n`,
      );
    });
    socket.on('error', reject);
  });
}

describe('pinning the host certificate over a real TLS connection', () => {
  const hostUrl = `https://${HOST}:0`;

  it('the first connection shows the fingerprint the host really presents', async () => {
    const pem = await presentedPem();
    const decision = decideCertificate({ mode: 'client', hostUrl, fingerprint: null }, { hostname: HOST, certificatePem: pem });
    expect(decision).toEqual({ action: 'ask', fingerprint: fingerprintOfPem(served.cert) });
  });

  it('accepts it once pinned, and refuses it when another certificate was pinned', async () => {
    const pem = await presentedPem();
    const pinnedRight = decideCertificate({ mode: 'client', hostUrl, fingerprint: fingerprintOfPem(served.cert) }, { hostname: HOST, certificatePem: pem });
    expect(pinnedRight).toEqual({ action: 'accept' });
    const pinnedWrong = decideCertificate({ mode: 'client', hostUrl, fingerprint: fingerprintOfPem(other.cert) }, { hostname: HOST, certificatePem: pem });
    expect(pinnedWrong).toMatchObject({ action: 'refuse', reason: 'mismatch', fingerprint: fingerprintOfPem(served.cert) });
  });
});

function fingerprintOfPem(pem: string): string {
  return certificateFingerprint(
    new Uint8Array(
      Buffer.from(
        pem
          .split('\n')
          .filter((l) => l && !l.startsWith('-----'))
          .join(''),
        'base64',
      ),
    ),
  );
}
