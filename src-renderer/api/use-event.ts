import { useEffect, useRef } from 'react';
import type { EventName, PushEvents } from '../../src-preload/contract';
import { api } from './client';

/** Subscribes to a push event for the component's lifetime; the latest listener is always used. */
export function usePstEvent<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event]);
}

/** Several push events that all mean the same to the listener ("look again"); the payload is not needed. */
export function usePstEvents(events: readonly EventName[], listener: () => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  const key = events.join(',');
  useEffect(() => {
    const offs = key === '' ? [] : (key.split(',') as EventName[]).map((event) => api.on(event, () => latest.current()));
    return () => offs.forEach((off) => off());
  }, [key]);
}
