// Electron entry (built to out/main/index.js). Everything the console does lives in the core;
// this file only decides where data lives and starts the shell once this is the only instance.
import { app, Menu } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_FOLDER } from './core/paths';
import { trainingDir, trainingFlags } from './host/training';
import { hardenAllWebContents } from './electron/hardening';
import { APP_ID, appLayout, iconPath } from './electron/layout';
import type { RendererLocation } from './electron/policy';
import { startShell } from './electron/shell';
import { DATABASE_FILE } from './core/app';
import { startClientShell } from './electron/client-mode/client-shell';
import { defaultHostStart, type StartConfig } from './electron/client-mode/config';
import { readStartConfig, startConfigPath, writeStartConfig } from './electron/client-mode/config-file';
import { loginItemFor, startsHidden } from './electron/client-mode/login-item';
import { askStartChoice } from './electron/start-choice';

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
  let shell: { reveal(): void } | null = null;
  app.setAppUserModelId(APP_ID);
  hardenAllWebContents();
  app.on('second-instance', () => shell?.reveal());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  const configFile = startConfigPath(app.getPath('userData'));
  const dataDir = dataDirOverride ?? app.getPath('userData');
  const icon = () => iconPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });

  /**
   * Host or client. Tests, training copies (PST_DATA_DIR, training mode) and a PC that already
   * holds the console's data are the host, as before; only a fresh PC is asked.
   */
  async function startChoice(): Promise<StartConfig | 'client-setup'> {
    if (dataDirOverride) return defaultHostStart();
    const stored = readStartConfig(configFile);
    if (stored) return stored;
    if (existsSync(join(dataDir, DATABASE_FILE))) {
      const host = defaultHostStart();
      writeStartConfig(configFile, host);
      return host;
    }
    return askStartChoice(configFile);
  }

  app
    .whenReady()
    .then(async () => {
      Menu.setApplicationMenu(null);
      const choice = await startChoice();
      if (choice === 'client-setup' || choice.mode === 'client') {
        // No core, no connectors, no outbox on this PC: only the host's console in a window.
        shell = startClientShell({ config: choice === 'client-setup' ? null : choice, configFile, icon: icon() });
        return;
      }
      // The host PC starts with Windows, in the tray (the admin may turn it off from the tray menu).
      if (!dataDirOverride && app.isPackaged) app.setLoginItemSettings(loginItemFor(choice));
      const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
      const renderer: RendererLocation = devUrl ? { kind: 'dev', origin: devUrl } : { kind: 'file', rendererDir: layout.rendererDir };
      shell = startShell({
        dataDir,
        layout,
        renderer,
        icon: icon(),
        training,
        hidden: startsHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin),
        startWithWindows: dataDirOverride
          ? null
          : {
              enabled: choice.openAtLogin,
              set: (enabled) => {
                const next = { mode: 'host', openAtLogin: enabled } as const;
                writeStartConfig(configFile, next);
                if (app.isPackaged) app.setLoginItemSettings(loginItemFor(next));
              },
            },
      });
    })
    .catch((error: unknown) => {
      console.error('PST Console gagal dimulai / failed to start:', error);
      app.exit(1);
    });
}
