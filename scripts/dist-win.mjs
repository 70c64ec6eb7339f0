#!/usr/bin/env node
// `npm run dist:win`: the Windows installer (NSIS, x64, per-user) in dist/.
//   1. preflight: everything electron-builder will download (Electron for win32-x64, NSIS) must be
//      cached or reachable, and a non-Windows host needs Wine; otherwise stop now, not halfway.
//   2. electron-vite build
//   3. better-sqlite3 for Electron's ABI on win32-x64 (electron-builder install-app-deps)
//   4. electron-builder --win nsis --x64
// Best run on Windows. Afterwards `npm test` rebuilds better-sqlite3 for Node by itself.
/* global fetch, AbortSignal */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureElectronAbi, ROOT } from './native-abi.mjs';

const isWindows = process.platform === 'win32';
const bin = (name) => join(ROOT, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const electronZip = `electron-v${electronVersion}-win32-x64.zip`;

function fail(message) {
  console.error(`\n[dist:win] GAGAL / FAILED: ${message}\n`);
  process.exit(1);
}

function userCacheDir(name) {
  if (isWindows) return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), name, 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', name);
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), name);
}

/** @electron/get keeps downloads as <cache>/<hash>/<file>. */
function electronZipCached() {
  const cache = process.env.electron_config_cache ?? userCacheDir('electron');
  if (!existsSync(cache)) return false;
  return readdirSync(cache, { withFileTypes: true }).some((entry) => entry.isDirectory() && existsSync(join(cache, entry.name, electronZip)));
}

function nsisCached() {
  const cache = process.env.ELECTRON_BUILDER_CACHE ?? userCacheDir('electron-builder');
  return existsSync(join(cache, 'nsis'));
}

/** Any HTTP answer (even a redirect or 404) proves the host is reachable; a network error does not. */
async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(8000) });
    return true;
  } catch {
    return false;
  }
}

async function preflight() {
  if (!isWindows && spawnSync('wine', ['--version'], { stdio: 'ignore' }).status !== 0) {
    fail(
      'membangun installer Windows di luar Windows memerlukan Wine. Jalankan `npm run dist:win` di PC Windows (disarankan). / Building the Windows installer off Windows needs Wine; run it on Windows.',
    );
  }
  const downloads = [];
  if (!electronZipCached()) {
    const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
    downloads.push({ what: `Electron ${electronVersion} win32-x64`, url: `${mirror.replace(/\/?$/, '/')}v${electronVersion}/${electronZip}` });
  }
  if (!nsisCached()) {
    const mirror = process.env.ELECTRON_BUILDER_BINARIES_MIRROR ?? 'https://github.com/electron-userland/electron-builder-binaries/releases/download/';
    downloads.push({ what: 'NSIS', url: mirror });
  }
  for (const download of downloads) {
    console.error(`[dist:win] memeriksa unduhan / checking download: ${download.what} (${download.url})`);
    if (!(await reachable(download.url))) {
      fail(
        `${download.what} belum ada di cache dan tidak dapat diunduh dari ${download.url}. ` +
          'Sambungkan ke internet (atau atur ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR) lalu ulangi. ' +
          `/ ${download.what} is not cached and cannot be downloaded; connect to the internet or set a mirror.`,
      );
    }
  }
}

function run(command, args) {
  console.error(`[dist:win] ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
}

await preflight();
run(bin('electron-vite'), ['build']);
try {
  ensureElectronAbi({ platform: 'win32', arch: 'x64' });
} catch (error) {
  fail(`better-sqlite3 untuk Electron / for Electron: ${error instanceof Error ? error.message : String(error)}`);
}
run(bin('electron-builder'), ['--config', 'electron-builder.json', '--win', 'nsis', '--x64', '--publish', 'never']);
console.error('[dist:win] selesai / done: dist/PST-Console-Setup-*-x64.exe');
