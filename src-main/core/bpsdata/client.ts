import type { CoreMessage } from '../../../src-preload/contract';
import { listEnvelope, type ListEnvelope } from './shapes';

/** The public WebAPI v1; tests and a proxying office point `apiRoot` elsewhere. */
export const DEFAULT_BPS_API_ROOT = 'https://webapi.bps.go.id/v1/api';

export interface BpsClientOptions {
  apiRoot?: string;
  /** One request's limit; BPS is slow at times, the panel shows saved results meanwhile. */
  requestTimeoutMs?: number;
  /** Between the starts of two requests: about 2 a second, what BPS asks of a client. */
  minIntervalMs?: number;
  /** The waits before each retry of a request that met a 429, a 5xx or no answer. */
  retryDelaysMs?: readonly number[];
}

/** A failure worded for the officer; never the URL, which carries the key. */
export class BpsError extends Error {
  constructor(readonly reason: CoreMessage) {
    super(reason.code);
    this.name = 'BpsError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Talks to the WebAPI: one request at a time at most every `minIntervalMs`, retried with growing
 * waits when BPS is busy or out of reach. The key goes only into the request path, as the WebAPI
 * wants it; so no URL is ever logged or put into an error.
 */
export class BpsClient {
  readonly apiRoot: string;
  private readonly timeoutMs: number;
  private readonly minIntervalMs: number;
  private readonly retryDelaysMs: readonly number[];
  private nextStart = 0;

  constructor(options: BpsClientOptions = {}) {
    this.apiRoot = (options.apiRoot ?? DEFAULT_BPS_API_ROOT).replace(/\/+$/, '');
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.minIntervalMs = options.minIntervalMs ?? 500;
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 3_000];
  }

  /** `list/model/{model}/lang/ind/domain/{domain}/key/{key}/keyword/{kw}/page/{n}`. */
  list(key: string, model: string, domain: string, keyword: string, page: number): Promise<ListEnvelope> {
    const path = ['list', 'model', model, 'lang', 'ind', 'domain', domain, 'key', key, 'keyword', keyword, 'page', String(page)];
    return this.get(path);
  }

  /** `domain/type/kabbyprov/prov/{prov}`: the regencies and cities of a province. */
  regencies(key: string, province: string): Promise<ListEnvelope> {
    return this.get(['domain', 'type', 'kabbyprov', 'prov', province, 'key', key]);
  }

  private async get(segments: string[]): Promise<ListEnvelope> {
    const url = `${this.apiRoot}/${segments.map(encodeURIComponent).join('/')}/`;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(url);
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (!(error instanceof BpsError) || !RETRIED.has(error.reason.code) || delay === undefined) throw error;
        const asked = error instanceof RetryAfter ? error.seconds * 1000 : 0;
        await sleep(Math.min(Math.max(delay, asked), 30_000));
      }
    }
  }

  private async turn(): Promise<void> {
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + this.minIntervalMs;
    if (start > now) await sleep(start - now);
  }

  private async once(url: string): Promise<ListEnvelope> {
    await this.turn();
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new BpsError({ code: 'bps.timeout', params: { seconds: Math.max(1, Math.ceil(this.timeoutMs / 1000)) } });
      throw new BpsError({ code: 'bps.unreachable' });
    }
    if (response.status === 429) {
      await response.body?.cancel();
      throw new RetryAfter(Number(response.headers.get('retry-after')) || 0);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new BpsError({ code: 'bps.key_rejected' });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new BpsError({ code: 'bps.server_error', params: { status: response.status } });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new BpsError({ code: 'bps.unexpected_answer' });
    }
    const parsed = listEnvelope.safeParse(body);
    if (!parsed.success) throw new BpsError({ code: 'bps.unexpected_answer' });
    // The WebAPI answers a wrong key with status "Error" in an HTTP 200, as the client libraries read it.
    if (parsed.data.status !== undefined && parsed.data.status.toUpperCase() !== 'OK') throw new BpsError({ code: 'bps.key_rejected' });
    return parsed.data;
  }
}

/** A 429: retried after what BPS asked, or our own wait if that is longer. */
class RetryAfter extends BpsError {
  constructor(readonly seconds: number) {
    super({ code: 'bps.rate_limited' });
  }
}

// Not a timeout: a server that is slow now is slow on the next try too, and the officer waits for each.
const RETRIED = new Set(['bps.rate_limited', 'bps.server_error', 'bps.unreachable']);
