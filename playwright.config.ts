import { defineConfig } from '@playwright/test';

// End-to-end: the built browser host (out/main/server.js) driven by Debian's Chromium.
// Run `npm run build` first; each test starts its own host on a fresh data dir and a free port.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // A committed test.only would silently run one test and skip the rest.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
