#!/usr/bin/env node
// better-sqlite3 is a native addon built for ONE runtime: Node (tests, the browser host) or
// Electron (the desktop app) have different ABIs. This keeps track of which one the current
// build/Release/better_sqlite3.node is for, and rebuilds only when the wanted runtime differs,
// so `npm start`, `npm test` and `npm run dist:win` work in any order.
//
//   node scripts/native-abi.mjs node      make it loadable by this Node (tests, browser host)
//   node scripts/native-abi.mjs electron  make it loadable by Electron (needs the Electron runtime)
//   node scripts/native-abi.mjs status    print what it is built for
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODULE_DIR = join(ROOT, 'node_modules', 'better-sqlite3');
export const ADDON = join(MODULE_DIR, 'build', 'Release', 'better_sqlite3.node');
export const MARKER = join(MODULE_DIR, 'build', 'Release', 'pst-runtime.json');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const bin = (name) => join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** The addon file's identity: a marker written for another file (rebuilt behind our back) is stale. */
function addonFingerprint() {
  if (!existsSync(ADDON)) return null;
  const stat = statSync(ADDON);
  return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
}

/** What the marker says the addon was built for, or null when there is none or it is stale. */
export function readMarker() {
  try {
    const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
    return marker.fingerprint === addonFingerprint() ? marker : null;
  } catch {
    return null;
  }
}

function writeMarker(runtime, abi) {
  const fingerprint = addonFingerprint();
  if (fingerprint)
    writeFileSync(MARKER, `${JSON.stringify({ runtime, abi: String(abi), platform: process.platform, arch: process.arch, fingerprint }, null, 2)}\n`);
}

/** The Electron executable when its runtime is installed; null here, where it cannot be downloaded. */
export function electronBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Electron's NODE_MODULE_VERSION, from the file the electron package ships (no runtime needed). */
export function electronAbi() {
  try {
    return readFileSync(join(ELECTRON_DIR, 'abi_version'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** The real test for Node: load the addon and open an in-memory database in a fresh child. */
export function loadsInNode() {
  const probe = `const D = require(${JSON.stringify(join(MODULE_DIR))}); new D(':memory:').prepare('select 1').get();`;
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

function loadsInElectron(executable) {
  const probe = `const D = require(${JSON.stringify(join(MODULE_DIR))}); new D(':memory:').prepare('select 1').get();`;
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  return spawnSync(executable, ['-e', probe], { stdio: 'ignore', env, timeout: 60_000 }).status === 0;
}

/** Decides from the marker and the load test; exported for the unit test. */
export function nodeAction({ marker, loads }) {
  if (loads) return 'ok';
  return marker?.runtime === 'electron' ? 'rebuild (built for Electron)' : 'rebuild (not loadable by this Node)';
}

export function electronAction({ marker, abi }) {
  if (marker && marker.runtime === 'electron' && marker.abi === String(abi) && marker.platform === process.platform && marker.arch === process.arch)
    return 'ok';
  return 'rebuild';
}

function run(command, args) {
  console.error(`[native-abi] ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Makes better-sqlite3 loadable by this Node, rebuilding from source if needed (~50 s). */
export function ensureNodeAbi() {
  const action = nodeAction({ marker: readMarker(), loads: loadsInNode() });
  if (action !== 'ok') {
    console.error(`[native-abi] better-sqlite3: ${action}; rebuilding for Node ${process.version} (ABI ${process.versions.modules})`);
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3']);
    if (!loadsInNode()) throw new Error('better-sqlite3 still does not load in Node after the rebuild');
  }
  writeMarker('node', process.versions.modules);
  return action;
}

/** Makes better-sqlite3 loadable by Electron (downloads Electron headers: needs the internet). */
export function ensureElectronAbi({ platform = process.platform, arch = process.arch } = {}) {
  const abi = electronAbi();
  if (!abi) throw new Error('node_modules/electron is missing: run npm ci');
  const sameHost = platform === process.platform && arch === process.arch;
  const marker = readMarker();
  if (sameHost && electronAction({ marker, abi }) === 'ok') return 'ok';
  run(bin('electron-builder'), ['install-app-deps', '--platform', platform, '--arch', arch]);
  const executable = electronBinary();
  if (sameHost && executable && !loadsInElectron(executable)) throw new Error('better-sqlite3 does not load in Electron after the rebuild');
  // A cross build (Windows addon made on Linux) is neither Node's nor this Electron's: no marker,
  // so the next ensureNodeAbi() load-tests and rebuilds.
  if (sameHost) writeMarker('electron', abi);
  return 'rebuilt';
}

export function status() {
  return {
    addon: existsSync(ADDON) ? ADDON : null,
    marker: readMarker(),
    loadsInNode: loadsInNode(),
    electronAbi: electronAbi(),
    electronBinary: electronBinary(),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const wanted = process.argv[2] ?? 'status';
  try {
    if (wanted === 'node') console.error(`[native-abi] better-sqlite3 for Node: ${ensureNodeAbi()}`);
    else if (wanted === 'electron') console.error(`[native-abi] better-sqlite3 for Electron: ${ensureElectronAbi()}`);
    else if (wanted === 'status') console.log(JSON.stringify(status(), null, 2));
    else {
      console.error('usage: node scripts/native-abi.mjs node|electron|status');
      process.exitCode = 2;
    }
  } catch (error) {
    console.error(`[native-abi] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
