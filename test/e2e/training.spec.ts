import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { shot } from './shots';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startBrowserHost({ env: { PST_TRAINING: '1' } });
});
test.afterAll(async () => {
  await host?.stop();
});

test('training mode shows its banner on every page', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill('latihan');
  await page.getByLabel('Nama tampilan').fill('Petugas Latihan');
  await page.getByLabel(/^Kata sandi/).fill('latihan-rahasia-1');
  await page.getByLabel('Ulangi kata sandi').fill('latihan-rahasia-1');
  await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  const banner = page.getByTestId('training-banner');
  await expect(banner).toContainText('MODE LATIHAN');
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await expect(banner).toBeVisible();
  await shot(page, '40-training-mode');
});
