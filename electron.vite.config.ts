import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// One build for both hosts: out/main/index.js (Electron shell), out/main/server.js (browser
// host), out/preload/index.cjs, and out/renderer/ (the same bundle in both hosts).
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          server: resolve('src-main/server/main.ts'),
          // Parses mail off the main thread during a sync (src-main/electron/layout.ts names it).
          'mail-parse-worker': resolve('src-main/core/channels/email/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        // A sandboxed preload cannot load ES modules: CommonJS keeps `sandbox: true`.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
