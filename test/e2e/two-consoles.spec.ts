import { expect, test } from '@playwright/test';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login } from './console-login';

/**
 * The real console and training mode side by side on one PC, in one browser: each keeps its own
 * login. Cookies do not tell ports apart, so shared cookie names logged each other out.
 */
const hosts: RunningHost[] = [];
const dirs: ReturnType<typeof tempDataDir>[] = [];
test.beforeAll(async () => {
  for (const name of ['real', 'training']) {
    const data = tempDataDir(`pst-two-${name}-`);
    const core = startTestCore({ dir: data.dir });
    await core.must('auth.setupAdmin', ADMIN);
    await core.close();
    dirs.push(data);
    hosts.push(await startBrowserHost({ dataDir: data.dir }));
  }
});
test.afterAll(async () => {
  for (const host of hosts) await host.stop();
  for (const data of dirs) data.cleanup();
});

test('two consoles in one browser keep their own logins', async ({ page, context }) => {
  const [real, training] = hosts as [RunningHost, RunningHost];
  await login(page, real.url, ADMIN);
  const other = await context.newPage();
  await login(other, training.url, ADMIN);

  // Back on the first console: still signed in after a reload, and its calls still work.
  await page.reload();
  await expect(page.getByTestId('inbox-list')).toBeVisible();
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await expect(page.getByRole('tab', { name: 'Petugas' })).toBeVisible();
  // Logging out of one leaves the other signed in.
  await other.getByRole('button', { name: 'Keluar' }).click();
  await expect(other.getByLabel('Nama pengguna')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('inbox-list')).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toHaveCount(0);
});

test('the tab shows the console icon, so a console is found among many tabs', async ({ page }) => {
  await login(page, hosts[0]!.url, ADMIN);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toMatch(/\.svg$/);
  const icon = await page.request.get(new URL(href!, page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(await icon.text()).toContain('>PST</text>');
});
