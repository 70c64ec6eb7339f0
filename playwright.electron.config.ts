import { defineConfig } from '@playwright/test';

// The desktop app through Playwright's Electron driver: `npx playwright test -c playwright.electron.config.ts`
// after `npm run build`. Skips itself where the Electron runtime is absent (these machines, CI).
export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
