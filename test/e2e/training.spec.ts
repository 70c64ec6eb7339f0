import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { createFirstAdmin } from './console-login';
import { shot } from './shots';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startBrowserHost({ env: { PST_TRAINING: '1' } });
});
test.afterAll(async () => {
  await host?.stop();
});

test('training mode shows its banner on every page', async ({ page }) => {
  await createFirstAdmin(page, host.url, { username: 'latihan', displayName: 'Petugas Latihan', password: 'latihan-rahasia-1' });
  const banner = page.getByTestId('training-banner');
  await expect(banner).toContainText('MODE LATIHAN');
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await expect(banner).toBeVisible();
  await shot(page, '40-training-mode');
});
