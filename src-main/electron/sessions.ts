import type { SessionSlot } from '../core/api/define';

/**
 * The officer's session token per window (webContents id), kept in main-process memory only:
 * the renderer never sees it, so a script injected into the page cannot steal the login.
 */
export class WindowSessions {
  private readonly tokens = new Map<number, string>();

  slotFor(webContentsId: number): SessionSlot {
    return {
      // The desktop window on the host PC: never locked by failures from the network.
      caller: 'window',
      get: () => this.tokens.get(webContentsId) ?? null,
      set: (token) => {
        if (token === null) this.tokens.delete(webContentsId);
        else this.tokens.set(webContentsId, token);
      },
    };
  }

  /** Called when a window's webContents is destroyed: its login ends with it. */
  forget(webContentsId: number): void {
    this.tokens.delete(webContentsId);
  }

  get size(): number {
    return this.tokens.size;
  }
}
