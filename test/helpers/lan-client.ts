// HTTP over the already pinned TLS socket: the https module would start a TLS session of its own.
import { request as httpsRequest, type IncomingHttpHeaders } from 'node:http';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { fingerprintMatches } from '../../src-main/core/security/certificate-pin';

/**
 * "Another PC" on the office network, as a Node client: it connects from its own loopback address
 * (localAddress), accepts only the pinned certificate (the fingerprint the admin read out once),
 * and keeps its cookies like a browser would.
 */
export interface LanResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export class PinMismatch extends Error {}

/** A TLS connection that is kept only when the server shows the pinned certificate. */
export function pinnedSocket(options: { host: string; port: number; localAddress: string; pin: string }): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // The chain is not checked by a CA (the host's certificate is its own); the pin is the check.
    const tcp = netConnect({ host: options.host, port: options.port, localAddress: options.localAddress });
    tcp.once('error', reject);
    const socket = tlsConnect({ socket: tcp, rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      if (fingerprintMatches(options.pin, socket.getPeerCertificate().raw)) return resolve(socket);
      socket.destroy();
      reject(new PinMismatch('the server certificate is not the pinned one'));
    });
    socket.once('error', reject);
  });
}

export async function lanRequest(options: {
  host: string;
  port: number;
  localAddress: string;
  pin: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<LanResponse> {
  const socket = await pinnedSocket(options);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: options.host,
        port: options.port,
        method: options.method,
        path: options.path,
        headers: { Host: `${options.host}:${options.port}`, ...options.headers },
        createConnection: () => socket,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** One browser on one PC: its address, its pin and its cookie jar. */
export class LanClient {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(
    readonly host: string,
    readonly port: number,
    readonly localAddress: string,
    readonly pin: string,
  ) {}

  get origin(): string {
    return `https://${this.host}:${this.port}`;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private keep(headers: IncomingHttpHeaders): void {
    this.lastSetCookies = headers['set-cookie'] ?? [];
    for (const line of this.lastSetCookies) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<LanResponse> {
    const res = await lanRequest({
      host: this.host,
      port: this.port,
      localAddress: this.localAddress,
      pin: this.pin,
      method,
      path,
      body,
      headers: { ...this.cookieHeader(), ...headers },
    });
    this.keep(res.headers);
    return res;
  }

  /** A contract call as the renderer makes it: POST with JSON and the page's Origin. */
  async call(
    method: string,
    input: unknown = {},
    headers: Record<string, string> = {},
  ): Promise<{ status: number; result: { ok: boolean; value?: unknown; error?: { kind: string; code?: string; params?: Record<string, unknown> } } | null }> {
    const res = await this.raw('POST', `/api/${method}`, { 'Content-Type': 'application/json', Origin: this.origin, ...headers }, JSON.stringify(input));
    let result = null;
    try {
      result = JSON.parse(res.body);
    } catch {
      // a refusal in plain text
    }
    return { status: res.status, result };
  }

  /** Opens the event stream; `ended` resolves when the host closes it. */
  async events(): Promise<{ status: number; frames: string[]; ended: Promise<void>; close(): void }> {
    const socket = await pinnedSocket(this);
    return new Promise((resolve, reject) => {
      const frames: string[] = [];
      const req = httpsRequest(
        {
          host: this.host,
          port: this.port,
          method: 'GET',
          path: '/api/events',
          headers: { Host: `${this.host}:${this.port}`, Accept: 'text/event-stream', ...this.cookieHeader() },
          createConnection: () => socket,
        },
        (res) => {
          const ended = new Promise<void>((done) => {
            res.on('end', done);
            res.on('close', done);
            res.on('error', () => done());
          });
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => frames.push(chunk));
          resolve({ status: res.statusCode ?? 0, frames, ended, close: () => req.destroy() });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }
}
