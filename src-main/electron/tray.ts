import { Menu, nativeImage, Tray } from 'electron';

export interface TrayActions {
  open(): void;
  quit(): void;
  /** The host PC's "start with Windows" choice (on by default), or null where it does not apply. */
  startWithWindows: { enabled: boolean; set(enabled: boolean): void } | null;
}

/** The tray icon keeps the console running (and notifying) while its window is closed. */
export function createTray(iconFile: string, actions: TrayActions): Tray | null {
  const image = nativeImage.createFromPath(iconFile);
  if (image.isEmpty()) {
    console.error(`[electron] tray icon missing: ${iconFile}`);
    return null;
  }
  const tray = new Tray(image.resize({ width: 32, height: 32, quality: 'best' }));
  tray.setToolTip('PST Console');
  const startWithWindows = actions.startWithWindows;
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Buka PST Console', click: actions.open },
      ...(startWithWindows
        ? [
            {
              label: 'Mulai bersama Windows (di baki sistem)',
              type: 'checkbox' as const,
              checked: startWithWindows.enabled,
              click: (item: { checked: boolean }) => startWithWindows.set(item.checked),
            },
          ]
        : []),
      { type: 'separator' },
      { label: 'Keluar', click: actions.quit },
    ]),
  );
  tray.on('click', actions.open);
  return tray;
}
