// The running Electron host: one core, one window, IPC, push events, tray and notifications.
import { wordCoreMessage } from '../../src-common/messages';
import { app, type BrowserWindow, dialog, ipcMain, Notification, safeStorage, session, type Tray } from 'electron';
import type { ConversationDetail, PushEvents, Result } from '../../src-preload/contract';
import { bootConsole, type BootedConsole } from '../core/boot';
import { announceSeeding, trainingOptions, type TrainingFlags } from '../host/training';
import { NewerDatabaseError } from '../core/store/migrate';
import { startLanHost } from '../server/lan';
import { hardenSession } from './hardening';
import { forwardEvents, registerContractIpc } from './ipc';
import type { AppLayout } from './layout';
import { createNewConversationNotifier, type DesktopNotice } from './notifier';
import { isTrustedSender, type RendererLocation } from './policy';
import { SafeStorageCipher } from './safe-storage-cipher';
import { WindowSessions } from './sessions';
import { createTray } from './tray';
import { createMainWindow, revealWindow } from './window';

export interface ShellOptions {
  dataDir: string;
  layout: AppLayout;
  renderer: RendererLocation;
  icon: string;
  training: TrainingFlags;
  /** Started by the Windows log-in: stay in the tray until the icon is clicked. */
  hidden?: boolean;
  /** The host PC's "start with Windows" choice, shown as a tray menu item; null where it does not apply (tests, training). */
  startWithWindows?: { enabled: boolean; set(enabled: boolean): void } | null;
}

export interface Shell {
  reveal(): void;
}

function openConsole(options: ShellOptions): BootedConsole | null {
  try {
    return bootConsole({
      dataDir: options.dataDir,
      host: 'electron',
      version: app.getVersion(),
      cipher: new SafeStorageCipher(safeStorage),
      trainingMode: options.training.training,
      training: trainingOptions(options.training),
      channels: { email: { parseWorker: { filename: options.layout.mailParseWorker } } },
    });
  } catch (error) {
    const detail = error instanceof NewerDatabaseError ? `${wordCoreMessage('id', error.reason)}\n\n${wordCoreMessage('en', error.reason)}` : String(error);
    dialog.showErrorBox('PST Console tidak dapat dibuka', `${detail}\n\nFolder data: ${options.dataDir}`);
    app.exit(error instanceof NewerDatabaseError ? 3 : 1);
    return null;
  }
}

/** Call once, after app 'ready'. Returns null when the core could not open (the app exits). */
export function startShell(options: ShellOptions): Shell | null {
  hardenSession(session.defaultSession, options.renderer);
  const booted = openConsole(options);
  if (!booted) return null;
  const core = booted.core;

  const sessions = new WindowSessions();
  let window: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let quitting = false;

  const unregisterIpc = registerContractIpc({
    ipcMain,
    dispatch: core.dispatch,
    sessions,
    isTrusted: (sender) => isTrustedSender(sender, { webContentsId: window?.webContents.id ?? null, renderer: options.renderer }),
    onRejected: (sender) => console.warn('[electron] IPC from an untrusted sender rejected', sender),
  });
  const stopForwarding = forwardEvents(core.services.events, () => window?.webContents ?? null);

  const notify = createNewConversationNotifier({
    isWindowFocused: () => window !== null && !window.isDestroyed() && window.isVisible() && window.isFocused(),
    lookup: async (id) => {
      if (!window || window.isDestroyed()) return { ok: false, error: { kind: 'forbidden', message: 'no window' } };
      return (await core.dispatch('conversations.get', { id }, sessions.slotFor(window.webContents.id))) as Result<ConversationDetail>;
    },
    show: (notice: DesktopNotice) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: notice.title, body: notice.body, icon: options.icon });
      notification.on('click', () => revealWindow(window));
      notification.show();
    },
  });
  const stopNotifying = core.services.events.subscribe((event, payload) => {
    if (event !== 'inbox.changed') return;
    notify(payload as PushEvents['inbox.changed']).catch((error: unknown) => console.error('[electron] notification failed', error));
  });

  const openWindow = (): void => {
    if (window && !window.isDestroyed()) return revealWindow(window);
    const created = createMainWindow({ ...options.layout, renderer: options.renderer, icon: options.icon });
    const contentsId = created.webContents.id;
    created.webContents.on('destroyed', () => sessions.forget(contentsId));
    created.webContents.on('render-process-gone', (_event, details) => console.error('[electron] renderer gone', details.reason));
    // Closing the window keeps the console in the tray, so messages still announce themselves.
    created.on('close', (event) => {
      if (!quitting && tray) {
        event.preventDefault();
        created.hide();
      }
    });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  };

  tray = createTray(options.icon, { open: openWindow, quit: () => app.quit(), startWithWindows: options.startWithWindows ?? null });
  // From the Windows log-in the console waits in the tray; without a tray icon the window must show.
  if (!options.hidden || !tray) openWindow();
  // The window is up already; channels and background work start behind it.
  announceSeeding(booted, options.training);
  booted.start().catch((error: unknown) => console.error('[electron] background work failed to start', error));
  // The other PCs of the office, when the admin has switched that on (Pengaturan › Beberapa PC).
  const lan = startLanHost({ core, rendererDir: options.layout.rendererDir });
  lan.apply().catch((error: unknown) => console.error('[electron] office-network service failed to start', error));

  let closed = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (!tray) app.quit();
  });
  app.on('will-quit', (event) => {
    if (closed) return;
    closed = true;
    // Closing stops the outbox worker first (it may be mid-send), so quitting waits for it.
    event.preventDefault();
    stopNotifying();
    stopForwarding();
    unregisterIpc();
    tray?.destroy();
    void lan
      .close()
      .then(() => booted.stop())
      .finally(() => app.exit(0));
  });
  return { reveal: openWindow };
}
