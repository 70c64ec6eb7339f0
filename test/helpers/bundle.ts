/**
 * One esbuild bundle of a TypeScript entry with its dependencies external, for plain Node: how
 * electron-vite ships the core, and faster to start than tsx compiling it. The output belongs
 * inside node_modules/.cache so that the bundle's bare imports resolve as in the app.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}
