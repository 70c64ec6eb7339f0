import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
// Inside node_modules so the built server's bare imports (better-sqlite3...) resolve as from out/;
// its own copy, so another engineer's `npm run build` cannot empty out/ under a running benchmark.
const PRIVATE_ROOT = join(REPO_ROOT, 'node_modules', '.cache', 'pst-bench', 'console');
const SHARED_SERVER = join(REPO_ROOT, 'out', 'main', 'server.js');

export interface BuiltConsole {
  server: string;
  rendererDir: string;
  note: string;
}

/**
 * Builds the console (server + renderer) from the current sources into a private out dir, so the
 * benchmark measures the code as it is now (about 6 s). If the build fails (someone's edit in
 * progress), the shared out/ is used instead and the note says so.
 */
export function buildConsole(log: (message: string) => void): BuiltConsole {
  // To compare builds (before/after a change): PST_BENCH_CONSOLE_OUT=<an electron-vite out dir>.
  const given = process.env.PST_BENCH_CONSOLE_OUT;
  if (given) {
    if (!existsSync(join(given, 'main', 'server.js'))) throw new Error(`PST_BENCH_CONSOLE_OUT=${given} holds no main/server.js`);
    log(`console from PST_BENCH_CONSOLE_OUT=${given} (not rebuilt)`);
    return { server: join(given, 'main', 'server.js'), rendererDir: join(given, 'renderer'), note: `build from ${given}` };
  }
  const outDir = join(PRIVATE_ROOT, 'out');
  const t0 = performance.now();
  const build = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', outDir, '--logLevel', 'warn'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status === 0 && existsSync(join(outDir, 'main', 'server.js'))) {
    log(`console built from the current sources in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { server: join(outDir, 'main', 'server.js'), rendererDir: join(outDir, 'renderer'), note: 'fresh build' };
  }
  if (!existsSync(SHARED_SERVER)) throw new Error(`electron-vite build failed and out/ has no build:\n${build.stderr}`);
  log(`private build failed; measuring the shared out/ build instead:\n${build.stderr.split('\n').slice(0, 8).join('\n')}`);
  return { server: SHARED_SERVER, rendererDir: join(REPO_ROOT, 'out', 'renderer'), note: 'shared out/ (private build failed)' };
}

export interface ConsoleHost {
  /** With ?token=, as `npm start` prints it. */
  url: string;
  origin: string;
  token: string;
  pid: number;
  output: string[];
  stop(): Promise<void>;
}

/** Runs the built browser host on `dataDir` (an already populated core data dir) on a free port. */
export async function startConsoleHost(built: BuiltConsole, dataDir: string): Promise<ConsoleHost> {
  const child = spawn(process.execPath, [built.server], {
    cwd: REPO_ROOT,
    env: { ...process.env, PST_DATA_DIR: dataDir, PST_PORT: '0', PST_RENDERER_DIR: built.rendererDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  const url = await new Promise<string>((resolveUrl, reject) => {
    // A full-size database opens in well under a second; the margin is for a loaded machine.
    const timer = setTimeout(() => reject(new Error(`browser host did not start in 60 s:\n${output.join('\n')}`)), 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const match = /^PST Console: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output.join('\n')}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    pid: child.pid ?? 0,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
