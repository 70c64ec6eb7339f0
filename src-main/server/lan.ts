import { createServer as createHttpsServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { CoreMessage } from '../../src-preload/contract';
import { readLanSettings } from '../core/api/lan';
import type { Core } from '../core/app';
import { addressAllowed, plainIPv4 } from '../core/security/lan-address';
import { readLanCertificate } from '../core/security/lan-certificate';
import { createRequestHandler, sendText, type ListenerPolicy, type RequestHandler } from './handler';
import { lanHostAllowed, lanOriginAllowed } from './security';

export const lanSessionCookieName = (port: number): string => `__Host-pst_lan_${port}`;

export interface LanHostOptions {
  core: Core;
  /** The built renderer (out/renderer), the same files the loopback host serves. */
  rendererDir: string;
}

export interface LanHost {
  /** Reads the stored settings and starts, restarts or stops listening to match; resolves when done. */
  apply(): Promise<void>;
  urls(): string[];
  problem(): CoreMessage | null;
  close(): Promise<void>;
}

interface Running {
  /** What needs a restart when it changes: addresses, port, certificate. */
  key: string;
  servers: Server[];
  sockets: Set<Socket>;
  handler: RequestHandler;
  urls: string[];
}

/**
 * The console for the other PCs of the office: HTTPS only, login always (no token in the URL),
 * bound to the addresses the admin chose and answering only the subnets the admin listed. The
 * admin switches it on and off in Pengaturan at run time; both hosts (the browser host and the
 * Electron shell) run it the same way and hand it to the core as `services.lan`.
 */
export function startLanHost(options: LanHostOptions): LanHost {
  const { core } = options;
  const services = core.services;
  let running: Running | null = null;
  let problem: CoreMessage | null = null;
  let queue: Promise<void> = Promise.resolve();
  let closed = false;

  const allowedNow = (address: string | undefined): boolean => addressAllowed(address, readLanSettings(services.db).allowedSubnets);

  async function stop(): Promise<void> {
    const current = running;
    running = null;
    if (!current) return;
    current.handler.endStreams();
    current.handler.dispose();
    for (const server of current.servers) server.closeAllConnections();
    for (const socket of current.sockets) socket.destroy();
    await Promise.all(current.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  async function start(addresses: string[], port: number, cert: { certificatePem: string; privateKeyPem: string }, key: string): Promise<void> {
    const policy: ListenerPolicy = {
      base: `https://${addresses[0]}:${port}`,
      sessionCookie: lanSessionCookieName(port),
      secureCookies: true,
      remote: true,
      // A browser-session cookie: closing the browser on a shared desk PC logs out; the host ends
      // an idle session after the admin's time whatever the browser keeps.
      sessionMaxAgeSeconds: () => null,
      caller: (req) => plainIPv4(req.socket.remoteAddress) ?? 'unknown',
      originAllowed: (req) => lanOriginAllowed(req, addresses, port),
      admit(req, res) {
        // Before anything else: a caller outside the subnets (the list may have changed since
        // the connection opened) gets nothing but a refusal, and its connection ends.
        if (!allowedNow(req.socket.remoteAddress)) {
          res.setHeader('Connection', 'close');
          sendText(res, 403, 'Forbidden');
          return false;
        }
        if (!lanHostAllowed(req, addresses, port)) {
          sendText(res, 403, 'Forbidden host');
          return false;
        }
        return true;
      },
    };
    const handler = createRequestHandler(core, options.rendererDir, policy);
    const sockets = new Set<Socket>();
    const servers: Server[] = [];
    const next: Running = { key, servers, sockets, handler, urls: addresses.map((address) => `https://${address}:${port}`) };
    running = next;
    for (const address of addresses) {
      const server = createHttpsServer({ cert: cert.certificatePem, key: cert.privateKeyPem, minVersion: 'TLSv1.2' }, (req: IncomingMessage, res) =>
        handler.handle(req, res),
      );
      // The TCP connection of a caller outside the subnets is cut before the TLS handshake.
      server.on('connection', (socket: Socket) => {
        if (!allowedNow(socket.remoteAddress)) {
          socket.destroy();
          return;
        }
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      // A handshake that fails (plain HTTP to this port, a client that refuses the certificate) ends quietly.
      server.on('tlsClientError', (_error, socket) => socket.destroy());
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
    }
  }

  async function reconcile(): Promise<void> {
    if (closed) return;
    const settings = readLanSettings(services.db);
    const cert = settings.enabled ? readLanCertificate(services.db, services.secrets) : null;
    if (!settings.enabled || !cert || settings.bindAddresses.length === 0) {
      problem = null;
      await stop();
      return;
    }
    const key = JSON.stringify([settings.bindAddresses, settings.port, cert.view.fingerprint]);
    if (running?.key === key) {
      // Same listener; the subnet list may be shorter now: connections from outside it end.
      for (const socket of running.sockets) if (!allowedNow(socket.remoteAddress)) socket.destroy();
      return;
    }
    await stop();
    try {
      await start(settings.bindAddresses, settings.port, cert, key);
      problem = null;
    } catch (error) {
      await stop();
      const code = (error as { code?: string; address?: string }).code;
      problem =
        code === 'EADDRINUSE'
          ? { code: 'lan.port_in_use', params: { port: settings.port } }
          : code === 'EADDRNOTAVAIL'
            ? { code: 'lan.address_unavailable', params: { address: (error as { address?: string }).address ?? '' } }
            : { code: 'lan.start_failed' };
      console.error('[lan] could not listen', code);
    }
  }

  const apply = (): Promise<void> => {
    queue = queue
      .then(reconcile)
      .catch((error: unknown) => console.error('[lan] reconfiguring failed', error))
      .then(() => services.events.emit('lan.changed', {}));
    return queue;
  };

  services.lan = { apply: () => void apply(), urls: () => running?.urls ?? [], problem: () => problem };

  return {
    apply,
    urls: () => running?.urls ?? [],
    problem: () => problem,
    async close() {
      closed = true;
      services.lan = { apply: () => undefined, urls: () => [], problem: () => null };
      await queue;
      await stop();
    },
  };
}
