// "Sambungkan ke PC PST": the desktop app on a client PC. No core, no connectors, no outbox here;
// one window shows the host PC's console over HTTPS, trusting only the certificate pinned on this PC.
import { app, BrowserWindow, dialog, Menu, nativeImage, session, Tray } from 'electron';
import { hardenSession } from '../hardening';
import { secureWebPreferences } from '../policy';
import { consoleWindowFrame, revealWindow } from '../window';
import { decideCertificate, verifyResult } from './certificate-decision';
import type { ClientStart } from './config';
import { writeStartConfig } from './config-file';
import { confirmFingerprintText, mismatchPage, readSetupSubmission, setupPage, unreachablePage } from './pages';

export interface ClientShellOptions {
  /** Null: the address is asked for first. */
  config: ClientStart | null;
  configFile: string;
  icon: string;
}

const RETRY_MS = 15_000;

/** Call once, after app 'ready'. */
export function startClientShell(options: ClientShellOptions): { reveal(): void } {
  let config = options.config;
  let asking = false;
  let refused: { presented: string | null } | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let hardenedFor: string | null = null;

  const window = new BrowserWindow({
    ...consoleWindowFrame(options.icon),
    // No preload: the page talks to the host over HTTP (its own bridge), not to this PC.
    webPreferences: { ...secureWebPreferences(''), preload: undefined },
  });

  const save = (next: ClientStart) => {
    config = next;
    writeStartConfig(options.configFile, next);
  };

  const connect = () => {
    if (retry) clearTimeout(retry);
    retry = null;
    refused = null;
    if (!config) return void window.loadURL(setupPage()).catch(() => {});
    if (hardenedFor !== config.hostUrl) {
      // The host's pages are the trusted renderer now: its CSP, its notifications, nothing else.
      hardenSession(session.defaultSession, { kind: 'remote', origin: config.hostUrl });
      hardenedFor = config.hostUrl;
    }
    window.loadURL(`${config.hostUrl}/`).catch(() => {
      // Refused certificates show their own page; anything else is the host not answering.
      if (refused || asking || !config) return;
      void window.loadURL(unreachablePage(config.hostUrl)).catch(() => {});
      retry = setTimeout(connect, RETRY_MS);
    });
  };

  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    if (!config) return callback(verifyResult({ action: 'chromium' }));
    const decision = decideCertificate(config, { hostname: request.hostname, certificatePem: request.certificate.data });
    callback(verifyResult(decision));
    if (decision.action === 'ask') void confirmFirst(config, decision.fingerprint);
    if (decision.action === 'refuse' && !refused) {
      refused = { presented: decision.fingerprint };
      void window.loadURL(mismatchPage(config.hostUrl, config.fingerprint ?? '', decision.fingerprint)).catch(() => {});
    }
  });

  /** The first connection: the officer compares the fingerprint with the host's settings page, once. */
  async function confirmFirst(current: ClientStart, fingerprint: string): Promise<void> {
    if (asking) return;
    asking = true;
    try {
      const text = confirmFingerprintText(current.hostUrl, fingerprint);
      const { response } = await dialog.showMessageBox(window, {
        type: 'question',
        title: 'PST Console',
        message: text.message,
        detail: text.detail,
        buttons: ['Sama, sambungkan', 'Tidak sama, batalkan'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) {
        void window.loadURL(
          setupPage({ address: current.hostUrl, problem: 'Sidik jari tidak dikonfirmasi: PC ini belum tersambung. Periksa alamat, atau tanyakan admin.' }),
        );
        config = { ...current, fingerprint: null };
        return;
      }
      save({ ...current, fingerprint });
      // Connections that were refused while asking must not be reused.
      await session.defaultSession.closeAllConnections();
    } finally {
      asking = false;
    }
    connect();
  }

  // The connect form: caught here, never loaded.
  window.webContents.on('will-navigate', (event) => {
    const submitted = readSetupSubmission(event.url);
    if (!submitted) return;
    event.preventDefault();
    if (!submitted.ok) return void window.loadURL(setupPage({ address: submitted.address, problem: submitted.problem }));
    save({ mode: 'client', hostUrl: submitted.hostUrl, fingerprint: null });
    connect();
  });

  /** After the admin replaced the host's certificate: forget the pin and the address, ask again. */
  const resetConnection = async () => {
    const { response } = await dialog.showMessageBox(window, {
      type: 'warning',
      title: 'PST Console',
      message: 'Atur ulang sambungan ke PC PST?',
      detail: 'Sidik jari yang dikonfirmasi dilupakan. Lakukan ini hanya bila admin memang mengganti sertifikat PC PST.',
      buttons: ['Atur ulang', 'Batal'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return;
    if (config) save({ ...config, fingerprint: null });
    await session.defaultSession.closeAllConnections();
    revealWindow(window);
    connect();
  };

  const image = nativeImage.createFromPath(options.icon);
  const tray = image.isEmpty() ? null : new Tray(image.resize({ width: 32, height: 32, quality: 'best' }));
  tray?.setToolTip('PST Console — tersambung ke PC PST');
  tray?.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Buka PST Console', click: () => revealWindow(window) },
      { label: 'Atur ulang sambungan…', click: () => void resetConnection() },
      { type: 'separator' },
      { label: 'Keluar', click: () => app.quit() },
    ]),
  );
  tray?.on('click', () => revealWindow(window));
  // A client keeps no work in the background: closing the window ends the app.
  window.on('closed', () => {
    if (retry) clearTimeout(retry);
    tray?.destroy();
    app.quit();
  });

  connect();
  return { reveal: () => revealWindow(window) };
}
