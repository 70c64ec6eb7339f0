#!/usr/bin/env node
// `npm start`: build, then run the console the best way this machine allows.
//   - Electron runtime installed → the desktop app (better-sqlite3 rebuilt for Electron if needed).
//   - otherwise (CI, these machines) → the browser host, `node out/main/server.js`, which prints
//     the one line `PST Console: http://127.0.0.1:<port>/?token=<token>` to open in a browser.
// Options: --no-build (use the existing out/), --browser (browser host even if Electron exists),
//   --demo (`npm run demo`: training mode on its own data dir with seeded history and simulated
//   requesters; always the browser host, and it prints the demo login after the URL line).
// Environment: PST_DATA_DIR, PST_PORT, PST_TRAINING=1 are passed through to the console.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary, ensureElectronAbi, ensureNodeAbi, ROOT } from './native-abi.mjs';

const args = new Set(process.argv.slice(2));
if (args.has('--demo')) {
  process.env.PST_TRAINING = '1';
  process.env.PST_DEMO = '1';
  // The Electron shell does not run the simulation: the demo is the browser host.
  args.add('--browser');
}
const electronVite = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');

function build() {
  console.error('[start] electron-vite build');
  // Build chatter goes to stderr: stdout carries only the console's own line (its address).
  const result = spawnSync(electronVite, ['build'], { cwd: ROOT, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('[start] build gagal / build failed');
    process.exit(result.status ?? 1);
  }
}

/** Runs the console in the foreground; SIGINT/SIGTERM go to it, and its exit code becomes ours. */
function runForeground(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`[start] ${command} could not start: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
}

if (!args.has('--no-build')) build();

const electron = args.has('--browser') ? null : electronBinary();
try {
  if (electron) {
    ensureElectronAbi();
    console.error('[start] Electron: PST Console (desktop)');
    runForeground(electron, [ROOT]);
  } else {
    const server = join(ROOT, 'out', 'main', 'server.js');
    if (!existsSync(server)) throw new Error(`${server} is missing: the build did not produce the browser host`);
    ensureNodeAbi();
    if (!args.has('--browser')) {
      console.error('[start] Electron runtime tidak terpasang: menjalankan host peramban / Electron runtime absent: running the browser host');
    }
    runForeground(process.execPath, [server]);
  }
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
