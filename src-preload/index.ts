// The sandboxed preload (built to out/preload/index.cjs): puts the contract on window.pst and
// nothing else. The renderer never receives an IpcRendererEvent or ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, PstBridge, PushEvents, Result } from './contract';

// Same literals as IPC_CALL / IPC_EVENT in src-main/electron/ipc.ts (the preload may not import main code).
const CALL_CHANNEL = 'pst:call';
const EVENT_CHANNEL = 'pst:event';

const bridge: PstBridge = {
  call: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<Result<never>>,
  on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
    const relay = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as PushEvents[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('pst', bridge);
