import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { certificateFingerprint, pemFingerprint } from '../../src-main/core/security/certificate-pin';
import { createSelfSigned } from '../../src-main/core/security/lan-certificate';
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

test("the admin installs the office's own certificate: a key of another pair is refused in words, the right pair is served", async ({ page }) => {
  // The office's certificate and key, and a key of another pair, as files on the admin's PC.
  const office = await createSelfSigned(['127.0.0.1'], Date.now());
  const other = await createSelfSigned(['127.0.0.1'], Date.now());
  const files = { cert: join(data.dir, 'kantor.crt'), key: join(data.dir, 'kantor.key'), wrongKey: join(data.dir, 'lain.key') };
  writeFileSync(files.cert, office.certificatePem);
  writeFileSync(files.key, office.privateKeyPem);
  writeFileSync(files.wrongKey, other.privateKeyPem);

  const port = await freePortOn('127.0.0.1');
  await login(page, host.url, ADMIN);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Beberapa PC' }).click();
  if ((await page.getByTestId('lan-url').count()) === 0) {
    await page.getByTestId('lan-switch').click();
    await page.getByTestId('lan-settings').getByRole('checkbox', { name: '127.0.0.1 (lo)' }).check();
    await page.getByTestId('lan-subnets').fill('127.0.0.1/32');
  }
  await page.getByTestId('lan-port').fill(String(port));
  await page.getByTestId('lan-save').click();
  await expect(page.getByTestId('lan-url')).toHaveText(`https://127.0.0.1:${port}`);
  const selfMade = await page.getByTestId('lan-fingerprint').textContent();

  const card = page.getByTestId('lan-import');
  const choose = async (button: string, path: string) => {
    const chooser = page.waitForEvent('filechooser');
    await card.getByRole('button', { name: button }).click();
    await (await chooser).setFiles(path);
  };
  await choose('Pilih sertifikat…', files.cert);
  await choose('Pilih kunci privat…', files.wrongKey);
  await card.getByRole('button', { name: 'Impor sertifikat' }).click();
  await expect(card).toContainText('Kunci privat ini bukan pasangan sertifikat tersebut. Pilih kunci yang dibuat bersama sertifikatnya.');
  await expect(page.getByTestId('lan-fingerprint')).toHaveText(selfMade!);

  await choose('Pilih kunci privat…', files.key);
  await card.getByRole('button', { name: 'Impor sertifikat' }).click();
  await expect(card).toContainText('Sertifikat kantor terpasang. Beri tahu PC lain sidik jari yang baru.');
  const expected = pemFingerprint(office.certificatePem);
  await expect(page.getByTestId('lan-fingerprint')).toHaveText(expected);
  await shot(page, '67-lan-office-certificate-1366');
  // What the other PCs are now shown is the office's certificate.
  await expect
    .poll(
      () =>
        new Promise<string>((resolve, reject) => {
          const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
            resolve(certificateFingerprint(socket.getPeerCertificate().raw));
            socket.destroy();
          });
          socket.once('error', reject);
        }),
      { timeout: 10_000 },
    )
    .toBe(expected);
});
