import { Menu, nativeImage, Tray } from 'electron';

export interface TrayActions {
  open(): void;
  quit(): void;
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
  tray.setContextMenu(
    Menu.buildFromTemplate([{ label: 'Buka PST Console', click: actions.open }, { type: 'separator' }, { label: 'Keluar', click: actions.quit }]),
  );
  tray.on('click', actions.open);
  return tray;
}
