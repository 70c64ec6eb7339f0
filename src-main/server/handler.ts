import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { EventName, PushEvents } from '../../src-preload/contract';
import type { SessionSlot } from '../core/api/define';
import { sessionIsLive } from '../core/api/dispatcher';
import type { Core } from '../core/app';
import { hashToken } from '../core/store/queries/sessions';
import { parseCookies, SECURITY_HEADERS } from './security';

/** Large enough for attachments sent as base64 in JSON (20 MB files), small enough to bound memory. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

/**
 * What differs between the listeners that serve the console: the loopback host (this PC, a
 * per-start token) and the office-network listener (other PCs, HTTPS, login only). Everything
 * else (the API, the event stream, the renderer files) is one handler.
 */
export interface ListenerPolicy {
  /**
   * Runs first on every request: refuses what this listener does not serve (wrong Host, a caller
   * outside the allowed subnets, a missing token) by answering it. Returns whether to go on.
   */
  admit(req: IncomingMessage, res: ServerResponse, url: URL, cookies: Map<string, string>): boolean;
  /** Cross-site requests are refused for the API and the event stream. */
  originAllowed(req: IncomingMessage): boolean;
  /** The officer's login cookie. */
  sessionCookie: string;
  /** `Secure` on the HTTPS listener. */
  secureCookies: boolean;
  /** How long the browser keeps the login cookie; null: until the browser closes. */
  sessionMaxAgeSeconds(): number | null;
  /** Who calls, for the login throttle and the session list: the remote address. */
  caller(req: IncomingMessage): string;
  /** Whether a login here is a session from another PC. */
  remote: boolean;
  /** Base for parsing request paths ("http://127.0.0.1:5173"). */
  base: string;
}

export interface RequestHandler {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open event stream (the listener is closing). */
  endStreams(): void;
  /** Stops listening to the core. */
  dispose(): void;
}

export function createRequestHandler(core: Core, rendererDir: string, policy: ListenerPolicy): RequestHandler {
  const serveStatic = sirv(rendererDir, {
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

  const unsubscribe = core.services.events.subscribe(<E extends EventName>(event: E, payload: PushEvents[E]) => {
    const frame = eventFrame(event, payload);
    for (const res of streams.keys()) res.write(frame);
  });
  const unsubscribeEndings = core.services.sessionEndings.subscribe((ids) => {
    for (const [res, token] of streams) {
      if (!ids.has(hashToken(token))) continue;
      streams.delete(res);
      res.end();
    }
  });

  const signedIn = (sessionToken: string): boolean => sessionIsLive(core.services, sessionToken);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', policy.base);
    const cookies = parseCookies(req.headers.cookie);
    if (!policy.admit(req, res, url, cookies)) return;

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method Not Allowed');
      if (!policy.originAllowed(req)) return sendText(res, 403, 'Forbidden origin');
      // Push events name conversations and channels: only a signed-in officer may listen.
      const sessionToken = cookies.get(policy.sessionCookie);
      if (!sessionToken || !signedIn(sessionToken))
        return sendJson(res, 401, { ok: false, error: { kind: 'forbidden', message: 'Silakan masuk terlebih dahulu' } });
      return openEventStream(req, res, sessionToken);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method Not Allowed');
      if (!policy.originAllowed(req)) return sendText(res, 403, 'Forbidden origin');
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
    const name = policy.sessionCookie;
    const session: SessionSlot = {
      caller: policy.caller(req),
      remote: policy.remote,
      get: () => cookies.get(name) ?? null,
      set: (value) => {
        if (value === null) cookies.delete(name);
        else cookies.set(name, value);
        setCookies.push(
          value === null
            ? cookie(name, '', { maxAgeSeconds: 0, secure: policy.secureCookies })
            : cookie(name, value, { maxAgeSeconds: policy.sessionMaxAgeSeconds() ?? undefined, secure: policy.secureCookies }),
        );
      },
    };
    const sessionBefore = session.get();
    const result = await core.dispatch(method, input, session);
    // Logging out ends that session's event streams at once.
    if (sessionBefore && session.get() !== sessionBefore) endStreamsOf(sessionBefore);
    if (setCookies.length > 0) res.setHeader('Set-Cookie', setCookies);
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, 200, result);
  }

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
    // Who has what open now: a change pushed before this stream was open would otherwise be missed
    // until the next one (presence lives only in memory and in these pushes).
    res.write(eventFrame('presence.changed', { presence: core.services.presence.list() }));
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

  return {
    handle(req, res) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      route(req, res).catch((error: unknown) => {
        console.error('[host] request failed', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { kind: 'internal', message: 'Terjadi kesalahan internal' } });
        else res.destroy();
      });
    },
    endStreams() {
      for (const res of streams.keys()) res.end();
      streams.clear();
    },
    dispose() {
      unsubscribe();
      unsubscribeEndings();
    },
  };
}

const eventFrame = <E extends EventName>(event: E, payload: PushEvents[E]): string => `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;

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

export function cookie(name: string, value: string, opts: { session?: boolean; maxAgeSeconds?: number; secure?: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (opts.secure) parts.push('Secure');
  if (!opts.session && opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.floor(opts.maxAgeSeconds)}`);
  return parts.join('; ');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
