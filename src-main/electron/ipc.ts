// The contract over Electron IPC. Typed against small structural interfaces instead of Electron's
// classes, so the handler can be driven by plain objects in vitest.
import type { Result } from '../../src-preload/contract';
import type { Dispatch } from '../core/api/dispatcher';
import type { EventBus } from '../core/events';
import type { IpcSender } from './policy';
import type { WindowSessions } from './sessions';

/** Channel names; src-preload/index.ts uses the same literals (checked by test/unit/electron-preload.test.ts). */
export const IPC_CALL = 'pst:call';
export const IPC_EVENT = 'pst:event';

const MAX_METHOD_LENGTH = 100;

/** The parts of IpcMainInvokeEvent the handler reads. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function senderOf(event: InvokeEventLike): IpcSender {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, isTopFrame: frame.parent === null } : null,
  };
}

export interface ContractIpcOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  sessions: WindowSessions;
  isTrusted(sender: IpcSender): boolean;
  onRejected?(sender: IpcSender): void;
}

/** Registers `pst:call`; returns the function that unregisters it. */
export function registerContractIpc(options: ContractIpcOptions): () => void {
  options.ipcMain.handle(IPC_CALL, async (event, method, input): Promise<Result<unknown>> => {
    const sender = senderOf(event);
    if (!options.isTrusted(sender)) {
      options.onRejected?.(sender);
      return { ok: false, error: { kind: 'forbidden', message: 'Pemanggil tidak dikenal ditolak / untrusted caller rejected' } };
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return { ok: false, error: { kind: 'invalid_input', message: 'Nama metode tidak valid / invalid method name' } };
    }
    // The session comes from the calling window, never from anything the renderer sends.
    return options.dispatch(method, input, options.sessions.slotFor(sender.webContentsId));
  });
  return () => options.ipcMain.removeHandler(IPC_CALL);
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Forwards the core's push events to the window (whichever window is current); returns unsubscribe. */
export function forwardEvents(events: EventBus, target: () => EventTarget | null): () => void {
  return events.subscribe((event, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT, event, payload);
  });
}
