import { fileURLToPath } from 'node:url';

const dir = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const OUT = fileURLToPath(new URL('../../node_modules/.cache/pst-faults/', import.meta.url));

export interface ChildBundle {
  /** Run as `node <loader> <bundle>`. */
  loader: string;
  bundle: string;
}

/**
 * The child as one esbuild bundle with its dependencies (only the native better-sqlite3 stays
 * external), CommonJS, started through cached-loader with V8's code cache: under the tsx loader
 * every start would compile the core again (seconds on this machine), and a harness that restarts
 * hundreds of times would mostly measure the compiler.
 */
export async function bundleChild(): Promise<ChildBundle> {
  const esbuild = await import('esbuild');
  const bundle = `${OUT}child.cjs`;
  const loader = `${OUT}loader.mjs`;
  await Promise.all([
    esbuild.build({
      entryPoints: [dir('./child.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      // node-fetch (under grammy) recognizes an AbortSignal by its class name: keep the names.
      keepNames: true,
      logLevel: 'warning',
    }),
    esbuild.build({
      entryPoints: [dir('./cached-loader.ts')],
      outfile: loader,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    }),
  ]);
  return { loader, bundle };
}
