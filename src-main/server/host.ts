import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { SESSION_IDLE_MS } from '../core/store/queries/sessions';
import { cookie, createRequestHandler, sendText, type ListenerPolicy } from './handler';
import { hostAllowed, originAllowed, sameSecret } from './security';

/**
 * Cookie names carry the port: cookies do not tell ports apart, so without it two consoles on one
 * PC (the real one and training mode) would overwrite each other's token and log each other out.
 */
export const hostCookieName = (port: number): string => `pst_host_${port}`;
export const sessionCookieName = (port: number): string => `pst_session_${port}`;

export interface BrowserHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; otherwise random per start. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: the same core and handlers as the Electron shell, over HTTP on 127.0.0.1.
 * Every request needs the per-start token (cookie set from `?token=` on the first URL, or an
 * `Authorization: Bearer` header); the officer's login is a separate HttpOnly cookie.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const policy: ListenerPolicy = {
    get base() {
      return `http://127.0.0.1:${port}`;
    },
    get sessionCookie() {
      return sessionCookieName(port);
    },
    secureCookies: false,
    remote: false,
    sessionMaxAgeSeconds: () => SESSION_IDLE_MS / 1000,
    caller: (req) => req.socket.remoteAddress ?? 'unknown',
    originAllowed: (req) => originAllowed(req, port),
    admit(req, res, url, cookies) {
      if (!hostAllowed(req, port)) {
        sendText(res, 403, 'Forbidden host');
        return false;
      }
      // The first URL carries the token once; trade it for a cookie and drop it from the address bar.
      const queryToken = url.searchParams.get('token');
      if (req.method === 'GET' && queryToken !== null && sameSecret(queryToken, token)) {
        url.searchParams.delete('token');
        res.setHeader('Set-Cookie', cookie(hostCookieName(port), token, { session: true }));
        res.writeHead(303, { Location: url.pathname + url.search });
        res.end();
        return false;
      }
      const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
      if (!sameSecret(cookies.get(hostCookieName(port)), token) && !sameSecret(bearer, token)) {
        sendText(res, 401, 'PST Console: token sesi tidak ada atau salah. Buka alamat yang dicetak oleh `npm start`. / Missing or wrong session token.');
        return false;
      }
      return true;
    },
  };
  const handler = createRequestHandler(options.core, options.rendererDir, policy);
  const server: Server = createServer((req, res) => handler.handle(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      handler.dispose();
      handler.endStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
