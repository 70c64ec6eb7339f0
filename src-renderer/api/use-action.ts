import { useCallback, useState } from 'react';
import type { Result } from '../../src-preload/contract';

export interface ActionState {
  busy: boolean;
  /** The server's own words (Bahasa Indonesia) when the last call failed. */
  error: string | null;
  clearError(): void;
  /** Runs one contract call; resolves to the value, or null after showing its error. */
  run<T>(call: () => Promise<Result<T>>): Promise<T | null>;
  /** For methods whose value is null: whether the call succeeded. */
  succeeded(call: () => Promise<Result<unknown>>): Promise<boolean>;
}

/** One button's worth of contract call: busy while it runs, the error as the server gave it. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(call: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result.ok) return result.value;
      const issues = result.error.issues?.map((i) => i.message).filter((m) => m !== result.error.message) ?? [];
      setError([result.error.message, ...issues].join(' · '));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  const succeeded = useCallback(
    async (call: () => Promise<Result<unknown>>) => {
      let ok = false;
      await run(async () => {
        const result = await call();
        ok = result.ok;
        return result;
      });
      return ok;
    },
    [run],
  );
  return { busy, error, clearError: useCallback(() => setError(null), []), run, succeeded };
}
