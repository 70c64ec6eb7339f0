import { defineConfig } from '@playwright/test';

// The desktop app through Playwright's Electron driver: `npm run test:electron`
// after `npm run build`. Skips itself where the Electron runtime is absent (these machines, CI).
export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: 'test-results/electron',
  // A committed test.only would silently run one test and skip the rest.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
