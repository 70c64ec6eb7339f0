import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, Agent, request, type Server } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { createSelfSigned } from '../../../src-main/core/security/lan-certificate';
import { fingerprintMatches } from '../../../src-main/core/security/certificate-pin';
import { startLanHost } from '../../../src-main/server/lan';
import type { SessionSlot } from '../../../src-main/core/api/define';
import type { TestCore } from '../../helpers/core';

/** The host's office-network address in the bench; the client PCs connect from 127.0.0.1 (see lan-two-pcs.spec.ts). */
export const LAN_IP = '127.0.0.2';

export interface ServedConsole {
  /** https://127.0.0.2:<port>: where the client PCs send their calls. */
  origin: string;
  /** The certificate's SHA-256 fingerprint, as the admin reads it out to each PC. */
  fingerprint: string;
  /** An HTTPS server with a certificate of the same kind that answers every request with nothing: the floor of a call. */
  emptyOrigin: string;
  close(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, LAN_IP, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * How the LAN bench's client sessions reach the host: the office-network listener (HTTPS, login
 * cookies, Origin checks, the subnet check), switched on through lan.set as the admin does.
 */
export async function serveConsole(core: TestCore, admin: SessionSlot): Promise<ServedConsole> {
  // The API is measured, not the renderer's files: an empty folder to serve them from.
  const rendererDir = mkdtempSync(join(tmpdir(), 'pst-bench-lan-renderer-'));
  const port = await freePort();
  const view = await core.must('lan.set', { enabled: true, bindAddresses: [LAN_IP], port, allowedSubnets: ['127.0.0.1/32'], idleMinutes: 30 }, admin);
  const lan = startLanHost({ core, rendererDir });
  await lan.apply();
  if (lan.urls().length === 0) throw new Error(`the LAN listener did not start: ${JSON.stringify(lan.problem())}`);
  const own = await createSelfSigned([LAN_IP], Date.now());
  const empty: Server = createHttpsServer({ cert: own.certificatePem, key: own.privateKeyPem }, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => empty.listen(0, LAN_IP, r));
  return {
    origin: `https://${LAN_IP}:${port}`,
    fingerprint: view.certificate!.fingerprint,
    emptyOrigin: `https://${LAN_IP}:${(empty.address() as AddressInfo).port}`,
    async close() {
      await lan.close();
      empty.closeAllConnections();
      await new Promise((r) => empty.close(r));
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

/**
 * One PC's browser, as far as the host can tell: kept-alive TLS connections that trust only the
 * pinned certificate, a cookie jar, and the page's Origin on every call.
 */
export class PinnedPc {
  private readonly cookies = new Map<string, string>();
  readonly agent: Agent;

  constructor(
    readonly origin: string,
    pin: string,
  ) {
    // The chain has no CA to check (the host made its own certificate): the pin is the check,
    // made once per connection before any request is written on it.
    this.agent = new Agent({ keepAlive: true, maxSockets: 6, rejectUnauthorized: false });
    const create = this.agent.createConnection.bind(this.agent);
    // Node's typings leave createConnection's callback out; the agent calls it this way.
    (this.agent as unknown as { createConnection: typeof create }).createConnection = (options, callback) => {
      const socket = create(options, callback) as TLSSocket;
      socket.once('secureConnect', () => {
        // A resumed TLS session shows no certificate: only a server that passed the pin holds its keys.
        if (socket.isSessionReused()) return;
        const raw = socket.getPeerCertificate().raw as Uint8Array | undefined;
        if (!raw || !fingerprintMatches(pin, raw)) socket.destroy(new Error('the host certificate is not the pinned one'));
      });
      return socket;
    };
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A contract call as the renderer makes it. */
  call(method: string, input: unknown = {}): Promise<{ status: number; body: any }> {
    const payload = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.origin}/api/${method}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), Origin: this.origin, Cookie: this.cookieHeader() },
        },
        (res) => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';');
            const eq = pair!.indexOf('=');
            if (/max-age=0/i.test(line)) this.cookies.delete(pair!.slice(0, eq));
            else this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
          }
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // a refusal in plain text is returned as text
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The push-event stream the page holds open; returns how to drop it. */
  holdEvents(): () => void {
    const req = request(`${this.origin}/api/events`, { agent: this.agent, headers: { Cookie: this.cookieHeader(), Accept: 'text/event-stream' } }, (res) =>
      res.resume(),
    );
    req.on('error', () => undefined);
    req.end();
    return () => req.destroy();
  }

  close(): void {
    this.agent.destroy();
  }
}
