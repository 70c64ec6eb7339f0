import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { EventName, PushEvents } from '../../src-preload/contract';
import type { SessionSlot } from '../core/api/define';
import { sessionIsLive } from '../core/api/dispatcher';
import type { Core } from '../core/app';
import { SESSION_IDLE_MS } from '../core/store/queries/sessions';
import { hostAllowed, originAllowed, parseCookies, sameSecret, SECURITY_HEADERS } from './security';

/**
 * Cookie names carry the port: cookies do not tell ports apart, so without it two consoles on one
 * PC (the real one and training mode) would overwrite each other's token and log each other out.
 */
export const hostCookieName = (port: number): string => `pst_host_${port}`;
export const sessionCookieName = (port: number): string => `pst_session_${port}`;
/** Large enough for attachments sent as base64 in JSON (20 MB files), small enough to bound memory. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

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
  const serveStatic = sirv(options.rendererDir, {
    single: true,
    etag: true,
    dotfiles: false,
    setHeaders: (res, path) => {
      if (path.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  /** Open event streams and the officer session each belongs to: a stream ends with its session. */
  const streams = new Map<ServerResponse, string>();
  let port = 0;

  const unsubscribe = options.core.services.events.subscribe(<E extends EventName>(event: E, payload: PushEvents[E]) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams.keys()) res.write(frame);
  });

  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      console.error('[host] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { kind: 'internal', message: 'Terjadi kesalahan internal' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return sendText(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const cookies = parseCookies(req.headers.cookie);

    // The first URL carries the token once; trade it for a cookie and drop it from the address bar.
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null && sameSecret(queryToken, token)) {
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', cookie(hostCookieName(port), token, { session: true }));
      res.writeHead(303, { Location: url.pathname + url.search });
      res.end();
      return;
    }
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    if (!sameSecret(cookies.get(hostCookieName(port)), token) && !sameSecret(bearer, token)) {
      return sendText(res, 401, 'PST Console: token sesi tidak ada atau salah. Buka alamat yang dicetak oleh `npm start`. / Missing or wrong session token.');
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method Not Allowed');
      if (!originAllowed(req, port)) return sendText(res, 403, 'Forbidden origin');
      // Push events name conversations and channels: only a signed-in officer may listen.
      const sessionToken = cookies.get(sessionCookieName(port));
      if (!sessionToken || !signedIn(sessionToken))
        return sendJson(res, 401, { ok: false, error: { kind: 'forbidden', message: 'Silakan masuk terlebih dahulu' } });
      return openEventStream(req, res, sessionToken);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method Not Allowed');
      if (!originAllowed(req, port)) return sendText(res, 403, 'Forbidden origin');
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        // A broken %-escape (say /api/%E0%A4%A) is the caller's error, not a 500.
        return sendJson(res, 400, { ok: false, error: { kind: 'invalid_input', message: 'Nama metode tidak valid' } });
      }
      return callApi(req, res, method, cookies);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
    serveStatic(req, res, () => sendText(res, 404, 'Not Found'));
  }

  async function callApi(req: IncomingMessage, res: ServerResponse, method: string, cookies: Map<string, string>): Promise<void> {
    // Refused before a byte is read when the client says the size up front.
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return sendTooLarge(req, res);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { kind: 'invalid_input', message: 'Content-Type harus application/json' } });
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendTooLarge(req, res);
      return sendJson(res, 400, { ok: false, error: { kind: 'invalid_input', message: 'Badan permintaan bukan JSON yang valid' } });
    }
    const setCookies: string[] = [];
    const session: SessionSlot = {
      caller: req.socket.remoteAddress ?? 'unknown',
      get: () => cookies.get(sessionCookieName(port)) ?? null,
      set: (value) => {
        if (value === null) cookies.delete(sessionCookieName(port));
        else cookies.set(sessionCookieName(port), value);
        setCookies.push(
          value === null
            ? cookie(sessionCookieName(port), '', { maxAgeSeconds: 0 })
            : cookie(sessionCookieName(port), value, { maxAgeSeconds: SESSION_IDLE_MS / 1000 }),
        );
      },
    };
    const sessionBefore = session.get();
    const result = await options.core.dispatch(method, input, session);
    // Logging out ends that session's event streams at once.
    if (sessionBefore && session.get() !== sessionBefore) endStreamsOf(sessionBefore);
    if (setCookies.length > 0) res.setHeader('Set-Cookie', setCookies);
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, 200, result);
  }

  const signedIn = (sessionToken: string): boolean => sessionIsLive(options.core.services, sessionToken);

  function endStreamsOf(sessionToken: string): void {
    for (const [res, owner] of streams) {
      if (owner !== sessionToken) continue;
      streams.delete(res);
      res.end();
    }
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse, sessionToken: string): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.set(res, sessionToken);
    // A comment every 25 s keeps the stream open through idle periods; a session that ended
    // meanwhile (idle timeout, officer disabled) ends the stream instead.
    const heartbeat = setInterval(() => {
      if (signedIn(sessionToken)) res.write(': ping\n\n');
      else endStreamsOf(sessionToken);
    }, 25_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

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
      unsubscribe();
      for (const res of streams.keys()) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return; // already refused: the rest is read and dropped
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** After a refusal, this much more of the body is read and dropped before the connection is cut. */
const DRAIN_LIMIT_BYTES = 2 * MAX_BODY_BYTES;

/**
 * 413 as data. A client still sending its body must get to read it: closing the connection at once
 * makes its next write fail (EPIPE) or the connection reset before the answer is read, and a browser
 * then shows a network error instead of the sentence. So the rest of the body is read and dropped,
 * up to a bound; a sender that goes on beyond it is cut off.
 */
function sendTooLarge(req: IncomingMessage, res: ServerResponse): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
  sendJson(res, 413, { ok: false, error: { kind: 'invalid_input', message: `Permintaan terlalu besar (maks. ${MAX_BODY_BYTES / 1024 / 1024} MB)` } });
}

function cookie(name: string, value: string, opts: { session?: boolean; maxAgeSeconds?: number }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (!opts.session && opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.floor(opts.maxAgeSeconds)}`);
  return parts.join('; ');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
