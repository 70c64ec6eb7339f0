import { join, resolve } from 'node:path';

/** Where the build puts things, seen from out/main (the directory of out/main/index.js). */
export interface AppLayout {
  /** The sandboxed preload: CommonJS, because a sandboxed preload cannot load ES modules. */
  preloadPath: string;
  /** The renderer's single document; routes live in the hash, so this is the only page. */
  rendererIndex: string;
  rendererDir: string;
  /** The mail parse worker (worker_threads), next to the main bundle. */
  mailParseWorker: string;
}

export const PRELOAD_FILE = 'index.cjs';
/** The build's name for src-main/core/channels/email/parse-worker.ts (electron.vite.config.ts). */
export const MAIL_PARSE_WORKER_FILE = 'mail-parse-worker.js';

/** electron-builder's appId, also the Windows AppUserModelID so notifications are grouped under the app. */
export const APP_ID = 'id.go.bps.buleleng.pstconsole';

export function appLayout(mainDir: string): AppLayout {
  const outDir = resolve(mainDir, '..');
  const rendererDir = join(outDir, 'renderer');
  return {
    preloadPath: join(outDir, 'preload', PRELOAD_FILE),
    rendererIndex: join(rendererDir, 'index.html'),
    rendererDir,
    mailParseWorker: join(mainDir, MAIL_PARSE_WORKER_FILE),
  };
}

/**
 * The tray and window icon. Packaged, electron-builder copies resources/icon.png next to app.asar
 * (extraResources); in development it is read from the repository.
 */
export function iconPath(options: { packaged: boolean; resourcesPath: string; appPath: string }): string {
  return options.packaged ? join(options.resourcesPath, 'icon.png') : join(options.appPath, 'resources', 'icon.png');
}
