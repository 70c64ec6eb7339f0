import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { ReachState } from './host-reach';

/**
 * Whether the PC that runs the core answers, as the bridge last saw it. In the desktop app on the
 * host PC the core is in the same program, so this stays reachable.
 */
export const useHostLink = create<ReachState>(() => ({ reachable: true, since: null, reconnects: 0 }));

/** Runs `listener` each time the host answers again after an outage (changes may have been missed). */
export function useReconnected(listener: () => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  const reconnects = useHostLink((s) => s.reconnects);
  const seen = useRef(reconnects);
  useEffect(() => {
    if (reconnects === seen.current) return;
    seen.current = reconnects;
    latest.current();
  }, [reconnects]);
}
