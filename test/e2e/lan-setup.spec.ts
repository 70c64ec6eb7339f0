import { expect, test } from '@playwright/test';
import { ADMIN, startTestCore } from '../helpers/core';
import { freePortOn } from '../helpers/free-port';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login } from './console-login';
import { WAYAN } from './office-staff';
import { shot } from './shots';

/**
 * The admin's own way in: Pengaturan › Beberapa PC on the host PC, switched on by hand, the
 * address it then shows opened on PC 2; switched off again, PC 2 is signed out. The office card
 * here is loopback (127.0.0.1, "lo"): the machine's other interfaces are never a test's target.
 */
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  data = tempDataDir('pst-lan-setup-e2e-');
  const core = startTestCore({ dir: data.dir });
  await core.must('auth.setupAdmin', ADMIN);
  await core.must('officers.create', { ...WAYAN, role: 'officer' });
  await core.close();
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

test('the admin switches the office network on, PC 2 opens the address shown, switching it off signs PC 2 out', async ({ page, browser }) => {
  const port = await freePortOn('127.0.0.1');
  await login(page, host.url, ADMIN);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Beberapa PC' }).click();
  const card = page.getByTestId('lan-settings');
  await expect(card.getByText('Layani PC lain di jaringan kantor: Mati')).toBeVisible();
  await page.getByTestId('lan-switch').click();
  await card.getByRole('checkbox', { name: '127.0.0.1 (lo)' }).check();
  await page.getByTestId('lan-port').fill(String(port));
  await page.getByTestId('lan-subnets').fill('127.0.0.1/32');
  await page.getByTestId('lan-save').click();

  // Running at once, no restart: the address to open and the fingerprint to compare.
  const address = `https://127.0.0.1:${port}`;
  await expect(page.getByTestId('lan-url')).toHaveText(address);
  await expect(page.getByTestId('lan-fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await shot(page, '66-lan-switched-on-1366');

  // PC 2 opens it (its certificate warning checked against the fingerprint once) and logs in.
  const pc2 = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  try {
    const wayan = await pc2.newPage();
    await login(wayan, `${address}/`, WAYAN);
    await expect(wayan.getByRole('navigation').getByText('Kotak Masuk')).toBeVisible();
    // The admin sees Wayan's session.
    await page.getByRole('navigation').getByText('Kotak Masuk').click();
    await page.getByRole('navigation').getByText('Pengaturan').click();
    await page.getByRole('tab', { name: 'Beberapa PC' }).click();
    await expect(page.getByTestId('lan-session-row').filter({ hasText: WAYAN.displayName })).toBeVisible();

    // Switched off: the warning says what it does; PC 2 no longer reaches the console.
    await page.getByTestId('lan-switch').click();
    await expect(card.getByText('Mematikan layanan ini langsung mengakhiri semua sesi dari PC lain.')).toBeVisible();
    await page.getByTestId('lan-save').click();
    await expect(page.getByTestId('lan-url')).toHaveCount(0);
    await expect(wayan.getByTestId('host-alert')).toContainText('PC PST tidak terjangkau', { timeout: 20_000 });
    // On again later: Wayan's old session is over, PC 2 asks for the login.
    await page.getByTestId('lan-switch').click();
    await page.getByTestId('lan-save').click();
    await expect(page.getByTestId('lan-url')).toHaveText(address);
    await wayan.goto(`${address}/`);
    await expect(wayan.getByLabel('Nama pengguna')).toBeVisible();
  } finally {
    await pc2.close();
  }
});
