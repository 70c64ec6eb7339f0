import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, EventName, Input, Method, Output } from '../../src-preload/contract';
import { api } from './client';
import { useReconnected } from './host-link';
import { usePstEvents } from './use-event';

export interface CallState<T> {
  /** The last value received; kept while a reload runs, so the screen does not flicker. */
  data: T | null;
  /** The last call's error; cleared by the next success. */
  error: ApiError | null;
  loading: boolean;
  /** Runs the call again now; resolves once its answer is applied (or superseded). */
  reload(): Promise<void>;
}

export interface CallOptions {
  /** Push events after which the answer may be out of date. */
  refreshOn?: readonly EventName[];
  /** False holds the call back (nothing to ask yet); the last data stays. */
  enabled?: boolean;
}

/** Key order fixed, so `{ a, b }` and `{ b, a }` are the same input and do not re-run the call. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * One contract call whose answer a component shows: re-run when the input changes or a named push
 * event arrives. Answers can come back out of order (a slow first call, a fast second one), so
 * only the newest call's answer is applied.
 */
export function useCall<M extends Method>(method: M, input: Input<M>, options: CallOptions = {}): CallState<Output<M>> {
  const [data, setData] = useState<Output<M> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(options.enabled !== false);
  const key = stableKey(input);
  const latestInput = useRef(input);
  latestInput.current = input;
  const generation = useRef(0);
  const enabled = options.enabled !== false;

  const reload = useCallback(async () => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const mine = ++generation.current;
    setLoading(true);
    const result = await api.call(method, latestInput.current);
    if (mine !== generation.current) return;
    setLoading(false);
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(result.error);
    // `key` stands for the input, which is read through the ref: an equal new object must not re-run the call.
  }, [method, key, enabled]);

  useEffect(() => {
    void reload();
    // A call still running when the input changes or the component goes must not apply its answer.
    return () => void generation.current++;
  }, [reload]);

  usePstEvents(options.refreshOn ?? [], () => void reload());
  // Back after the host was unreachable: what is shown may be stale (or an error), so ask again.
  useReconnected(() => void reload());

  return { data, error, loading, reload };
}
