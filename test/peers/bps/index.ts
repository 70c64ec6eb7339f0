// BPS WebAPI v1 emulator for tests: a real HTTP server on 127.0.0.1 answering the paths the
// console asks (list/model/…, domain/type/kabbyprov/…) in the shapes public client libraries
// read, with paging, "list-not-available", a refused key, HTTP errors, a slow mode and a mode in
// which every connection is cut (the office network down).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CATALOGUE, matches, REGENCIES, type Model } from './catalogue';

export { CATALOGUE, REGENCIES } from './catalogue';

export const DEFAULT_KEY = '7d3f1c9e2b5a48e6a0c4d2f81b9e6a37';

export interface BpsRequest {
  at: number;
  /** The path with the key replaced by "KEY". */
  path: string;
  keyed: boolean;
}

export interface BpsEmulator {
  apiRoot: string;
  key: string;
  requests: BpsRequest[];
  /** The next `times` requests answer this HTTP status (a 429 with Retry-After: retryAfter). */
  failNext(status: number, options?: { times?: number; retryAfter?: number }): void;
  /** Every answer waits this long first (0: none). */
  setSlow(ms: number): void;
  /** Every connection is cut before an answer, as when the office network is down. */
  setUnreachable(down: boolean): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
};

export async function startBpsEmulator(options: { key?: string; perPage?: number } = {}): Promise<BpsEmulator> {
  const key = options.key ?? DEFAULT_KEY;
  const perPage = options.perPage ?? 10;
  const requests: BpsRequest[] = [];
  const faults: { status: number; retryAfter?: number }[] = [];
  let slowMs = 0;
  let down = false;
  const sockets = new Set<Socket>();

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const segments = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    // /v1/api/<path>/key/<key>/…
    const at = segments.indexOf('key');
    const given = at >= 0 ? segments[at + 1] : undefined;
    requests.push({ at: Date.now(), path: segments.map((s, i) => (i === at + 1 && at >= 0 ? 'KEY' : s)).join('/'), keyed: given !== undefined });
    const fault = faults.shift();
    if (fault) {
      // Error pages of servers and proxies often repeat the URL asked, and with it the key.
      const message = `HTTP ${fault.status} for ${req.url ?? ''}`;
      return json(res, fault.status, { status: 'Error', message }, fault.retryAfter ? { 'retry-after': String(fault.retryAfter) } : {});
    }
    if (segments[0] !== 'v1' || segments[1] !== 'api') return json(res, 404, { status: 'Error', message: 'Not Found' });
    if (given !== key) return json(res, 200, { status: 'Error', 'data-availability': 'not-available', message: `Invalid key ${given ?? ''}` });
    const rest = segments.slice(2);
    const param = (name: string) => {
      const i = rest.indexOf(name);
      return i >= 0 ? rest[i + 1] : undefined;
    };
    if (rest[0] === 'domain' && param('type') === 'kabbyprov') {
      if (param('prov') !== '5100') return json(res, 200, { status: 'OK', 'data-availability': 'list-not-available' });
      const rows = REGENCIES.map((r) => ({ domain_id: r.domain, domain_name: r.name, domain_url: r.url }));
      return json(res, 200, { status: 'OK', 'data-availability': 'available', data: [{ page: 1, pages: 1, total: rows.length }, rows] });
    }
    if (rest[0] === 'list' && param('model')) {
      const model = param('model') as Model;
      const domain = param('domain') ?? '0000';
      const keyword = param('keyword') ?? '';
      const page = Math.max(1, Number(param('page') ?? 1) || 1);
      const all = (CATALOGUE[domain]?.[model] ?? []).filter((row) => matches(row, keyword));
      const rows = all.slice((page - 1) * perPage, page * perPage);
      if (rows.length === 0) return json(res, 200, { status: 'OK', 'data-availability': 'list-not-available' });
      const pages = Math.ceil(all.length / perPage);
      return json(res, 200, {
        status: 'OK',
        'data-availability': 'available',
        data: [{ page, pages, per_page: perPage, count: rows.length, total: all.length }, rows],
      });
    }
    return json(res, 404, { status: 'Error', message: 'Not Found' });
  }

  const server = createServer((req, res) => {
    if (down) return req.socket.destroy();
    if (slowMs > 0) setTimeout(() => (req.socket.destroyed ? undefined : answer(req, res)), slowMs);
    else answer(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiRoot: `http://127.0.0.1:${port}/v1/api`,
    key,
    requests,
    failNext(status, o = {}) {
      for (let i = 0; i < (o.times ?? 1); i++) faults.push({ status, ...(o.retryAfter ? { retryAfter: o.retryAfter } : {}) });
    },
    setSlow(ms) {
      slowMs = ms;
    },
    setUnreachable(value) {
      down = value;
      if (value) for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
