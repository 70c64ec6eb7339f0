import type { EventName, PushEvents } from '../../src-preload/contract';

type Listener = <E extends EventName>(event: E, payload: PushEvents[E]) => void;

/** Push events of the contract; each host forwards them (SSE or webContents.send). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: PushEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error('event listener failed', error);
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
