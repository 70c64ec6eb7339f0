import type { ApiError, EventName, PstBridge, PushEvents, Result } from '../../src-preload/contract';
import { HostReach, type ReachState } from './host-reach';

export interface HttpBridgeOptions {
  /** Called when the host answers 401: its token cookie is missing or expired. */
  onUnauthorized(): void;
  /** Shown when the host cannot be reached at all (nothing was written). */
  networkErrorMessage(): string;
  /** Told when the host stops answering and when it answers again. */
  onReach?(state: ReachState): void;
  /** Waits between probes while the host is down (tests shorten them). */
  probeDelaysMs?: readonly number[];
  /** For tests; defaults to the page's fetch and EventSource. */
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

// Every push event of the contract: a new one that is not listed here fails the typecheck.
const EVENT_NAMES = Object.keys({
  'inbox.changed': true,
  'message.changed': true,
  'channel.status': true,
  'storage.status': true,
  'presence.changed': true,
  'calendar.changed': true,
  'lan.changed': true,
} satisfies Record<EventName, true>) as EventName[];
// Calls after which the officer session is another one (or none): the event stream starts over.
const SESSION_CHANGES = new Set<string>(['auth.login', 'auth.setupAdmin', 'auth.logout']);
// After the stream gives up (a non-200 answer closes an EventSource for good), try again later.
const REOPEN_DELAY_MS = 5_000;
// A probe that hangs (a host PC switched off on the LAN drops packets) counts as no answer.
const PROBE_TIMEOUT_MS = 5_000;

const isResult = (body: unknown): body is Result<unknown> => typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

/**
 * `window.pst` for the browser host: contract calls as `POST /api/<method>` and push events
 * from the `GET /api/events` stream. Failures come back as data (a Result), never as rejections.
 */
export function createHttpBridge(options: HttpBridgeOptions): PstBridge {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  const internal = (message: string): { ok: false; error: ApiError } => ({ ok: false, error: { kind: 'internal', message } });

  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;

  const reach = new HostReach({
    // Any HTTP answer at all means the host is there; auth.status needs no login and writes nothing.
    probe: async () => {
      try {
        await doFetch('/api/auth.status', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: '{}',
          signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        });
        return true;
      } catch {
        return false;
      }
    },
    onChange: (state) => {
      // Back: an event stream that gave up meanwhile starts again, and the screen is read again.
      if (state.reachable && (!source || source.readyState === EventSourceImpl?.CLOSED)) restartStream(true);
      options.onReach?.(state);
    },
    ...(options.probeDelaysMs ? { delaysMs: options.probeDelaysMs } : {}),
  });
  const unreachable = () => internal(options.networkErrorMessage());

  const listenerCount = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  function open() {
    if (source || !EventSourceImpl) return;
    const stream = new EventSourceImpl('/api/events', { withCredentials: true });
    for (const name of EVENT_NAMES) {
      stream.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of listeners.get(name) ?? []) (listener as (p: unknown) => void)(payload);
      });
    }
    stream.addEventListener('open', () => reach.answered());
    stream.addEventListener('error', () => {
      // EventSource reconnects by itself; whether the host is gone is for a probe to say.
      if (stream.readyState !== EventSourceImpl.CLOSED) return reach.suspect();
      source = null;
      if (listenerCount() > 0 && !reopenTimer) {
        reopenTimer = setTimeout(() => {
          reopenTimer = null;
          if (listenerCount() > 0) open();
        }, REOPEN_DELAY_MS);
      }
    });
    source = stream;
  }

  function restartStream(reopen: boolean) {
    source?.close();
    source = null;
    if (reopenTimer) clearTimeout(reopenTimer);
    reopenTimer = null;
    if (reopen && listenerCount() > 0) open();
  }

  function closeIfUnused() {
    if (listenerCount() > 0) return;
    source?.close();
    source = null;
    if (reopenTimer) clearTimeout(reopenTimer);
    reopenTimer = null;
  }

  return {
    async call(method, input) {
      // While the host is down nothing is sent blindly: it is asked first, and the call refused
      // (with words, not a browser's "Failed to fetch") when it still does not answer.
      if (!reach.current.reachable && !(await reach.check())) return unreachable();
      let response: Response;
      try {
        response = await doFetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        reach.lost();
        return unreachable();
      }
      reach.answered();
      if (response.status === 401) {
        options.onUnauthorized();
        return { ok: false, error: { kind: 'forbidden', message: 'Sesi konsol berakhir' } };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return internal(`Jawaban tidak terbaca dari layanan konsol (HTTP ${response.status})`);
      }
      if (!isResult(body)) return internal(`Jawaban tidak dikenal dari layanan konsol (HTTP ${response.status})`);
      // The event stream belongs to a signed-in officer: it starts with a login and ends with a logout.
      if (body.ok && SESSION_CHANGES.has(method)) restartStream(method !== 'auth.logout');
      return body as Awaited<ReturnType<PstBridge['call']>>;
    },

    on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      open();
      return () => {
        set.delete(listener as (payload: never) => void);
        closeIfUnused();
      };
    },
  };
}
