// Electron entry (built to out/main/index.js). Everything the console does lives in the core;
// this file only decides where data lives and starts the shell once this is the only instance.
import { app, Menu } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_FOLDER } from './core/paths';
import { trainingDir, trainingFlags } from './host/training';
import { hardenAllWebContents } from './electron/hardening';
import { APP_ID, appLayout, iconPath } from './electron/layout';
import type { RendererLocation } from './electron/policy';
import { startShell, type Shell } from './electron/shell';

const layout = appLayout(dirname(fileURLToPath(import.meta.url)));
const training = trainingFlags();
// Training mode works on its own copy of the data (never the office's), as in the browser host.
const dataDirOverride = process.env.PST_DATA_DIR || (training.training ? trainingDir() : null);

// %APPDATA%\PST Console, the folder the browser host's defaultDataDir() also uses. With
// PST_DATA_DIR (tests, training copies) Chromium's profile goes inside it, so runs stay apart.
app.setName(APP_FOLDER);
app.setPath('userData', dataDirOverride ? join(dataDirOverride, 'chromium-profile') : join(app.getPath('appData'), APP_FOLDER));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let shell: Shell | null = null;
  app.setAppUserModelId(APP_ID);
  hardenAllWebContents();
  app.on('second-instance', () => shell?.reveal());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      Menu.setApplicationMenu(null);
      const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
      const renderer: RendererLocation = devUrl ? { kind: 'dev', origin: devUrl } : { kind: 'file', rendererDir: layout.rendererDir };
      shell = startShell({
        dataDir: dataDirOverride ?? app.getPath('userData'),
        layout,
        renderer,
        icon: iconPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
        training,
      });
    })
    .catch((error: unknown) => {
      console.error('PST Console gagal dimulai / failed to start:', error);
      app.exit(1);
    });
}
