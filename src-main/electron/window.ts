import { BrowserWindow } from 'electron';
import { secureWebPreferences, type RendererLocation } from './policy';

export interface MainWindowOptions {
  preloadPath: string;
  rendererIndex: string;
  renderer: RendererLocation;
  icon: string;
}

/** The size and look of the console's window, on the host PC and on a client PC alike. */
export const consoleWindowFrame = (icon: string) => ({
  title: 'PST Console',
  width: 1280,
  height: 800,
  minWidth: 960,
  minHeight: 600,
  icon,
  autoHideMenuBar: true,
  backgroundColor: '#ffffff',
});

/** The console's one window: shown when its first paint is ready, so no white flash. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({ ...consoleWindowFrame(options.icon), show: false, webPreferences: secureWebPreferences(options.preloadPath) });
  window.once('ready-to-show', () => window.show());
  const loading = options.renderer.kind === 'file' ? window.loadFile(options.rendererIndex) : window.loadURL(options.renderer.origin);
  loading.catch((error: unknown) => console.error('[electron] renderer failed to load', error));
  return window;
}

/** Brings the window back from the tray or from behind other windows (also for a second launch). */
export function revealWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
