import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WORKER = fileURLToPath(new URL('../worker.ts', import.meta.url));
// Inside node_modules so the bundle's bare imports (better-sqlite3, zod...) resolve as in the app.
const BUNDLE = fileURLToPath(new URL('../../../node_modules/.cache/pst-bench/worker.mjs', import.meta.url));

let bundled: Promise<{ file: string; execArgv: string[] }> | null = null;

/**
 * The worker runs as one esbuild bundle on plain Node, the way electron-vite ships the core
 * (dependencies external): the tsx loader would add its own thread and ~40 MB to the measured
 * RSS. esbuild comes with tsx and vite; if it is missing, the worker runs under tsx instead.
 */
function workerEntry(): Promise<{ file: string; execArgv: string[] }> {
  bundled ??= (async () => {
    try {
      const esbuild = await import('esbuild');
      await esbuild.build({
        entryPoints: [WORKER],
        outfile: BUNDLE,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: 'inline',
        logLevel: 'warning',
        plugins: [
          {
            // In a bundle import.meta is the bundle's; each module keeps its own here, so path
            // lookups work and "run me standalone" guards of benchmark files stay false.
            name: 'own-import-meta',
            setup(build) {
              build.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
                loader: 'ts',
                contents: (await readFile(path, 'utf8'))
                  .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
                  .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
                  .replaceAll('import.meta.filename', JSON.stringify(path)),
              }));
            },
          },
        ],
      });
      return { file: BUNDLE, execArgv: ['--enable-source-maps'] };
    } catch (error) {
      console.warn(`esbuild unavailable (${String(error)}); running the worker under tsx, whose loader adds to its RSS`);
      return { file: WORKER, execArgv: ['--import', 'tsx'] };
    }
  })();
  return bundled;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** One child process (tsx), called by task name; replies come back in order of completion. */
export class WorkerHandle {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited = false;

  private constructor(
    readonly role: 'core' | 'bare',
    private readonly child: ChildProcess,
  ) {
    child.on('message', (raw) => {
      const reply = raw as Reply;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(`[${role} worker] ${reply.error ?? 'failed'}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const w of this.pending.values()) w.reject(new Error(`${role} worker exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  /** Starts the worker for `role`; structured-clone IPC carries Buffers and big batches. */
  static async start(role: 'core' | 'bare'): Promise<WorkerHandle> {
    const entry = await workerEntry();
    const child = fork(entry.file, [role], {
      execArgv: entry.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new WorkerHandle(role, child);
  }

  call<T = unknown>(task: string, args?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.role} worker is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, task, args });
    });
  }

  /** Peak resident set size of the child so far, in bytes. */
  maxRss(): Promise<number> {
    return this.call<number>('worker.maxRss');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    await this.call('worker.close').catch(() => undefined);
    this.child.disconnect();
    await new Promise<void>((resolve) => (this.exited ? resolve() : this.child.once('exit', () => resolve())));
  }
}
