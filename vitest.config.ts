import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // A committed it.only would silently run one test and skip the rest.
    allowOnly: !process.env.CI,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests that start peers (Dovecot, Bot API emulator) bind their own free ports, so files run in parallel.
    pool: 'forks',
    alias: {
      // `require('electron')` under plain Node tries to download the runtime and throws; the core
      // never imports it, and any test that reaches for it gets this stub instead.
      electron: new URL('./test/helpers/electron-stub.ts', import.meta.url).pathname,
    },
  },
});
