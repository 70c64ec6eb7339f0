import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login, open, showRequesterPanel } from './console-login';
import { CLOSED_PERSON, seedRequesters } from './console-seed';
import { shot } from './shots';

let host: RunningHost;
let admin: { username: string; password: string };
let data: ReturnType<typeof tempDataDir>;
let backups: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-backup-');
  backups = tempDataDir('pst-e2e-backups-');
  admin = await seedRequesters(data.dir);
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
  backups?.cleanup();
});

test('Cadangan & privasi: choose a folder, back up now, set the retention; erase a requester after confirming', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await login(page, host.url, admin);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Cadangan & privasi' }).click();
  const card = page.getByTestId('backup-settings');
  await expect(card).toContainText('Belum ada folder cadangan');
  await expect(card.getByTestId('backup-last')).toHaveText('Belum pernah dicadangkan');

  // A folder that does not exist is refused when saved, not on the first night.
  await card.getByTestId('backup-folder').fill(`${backups.dir}/tidak-ada`);
  await card.getByRole('button', { name: 'Simpan' }).click();
  await expect(card).toContainText('Folder tidak ditemukan');

  await card.getByTestId('backup-folder').fill(backups.dir);
  await card.getByRole('button', { name: 'Simpan' }).click();
  await expect(card).toContainText('Tersimpan');
  await expect(card).not.toContainText('Belum ada folder cadangan');
  await card.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(card.getByTestId('backup-last')).toContainText('Berhasil');
  await expect(card.getByTestId('backup-last')).toContainText('WITA');
  await expect(card).toContainText('1 cadangan di folder');
  expect(readdirSync(backups.dir)).toEqual([expect.stringMatching(/^PST-Backup-\d{8}-\d{4}$/)]);

  const privacy = page.getByTestId('privacy-settings');
  await expect(privacy.getByRole('spinbutton')).toHaveValue('24');
  await shot(page, '80-settings-backup-privacy');

  // The requester panel: export and erase, with a confirmation that asks for a reason and HAPUS.
  await page.getByRole('navigation').getByText('Kotak Masuk').click();
  await open(page, CLOSED_PERSON);
  await showRequesterPanel(page);
  const panel = page.getByTestId('requester-panel');
  await panel.getByTestId('requester-erase').click();
  const dialog = page.getByTestId('erase-dialog');
  await expect(dialog).toContainText(`Hapus data pribadi ${CLOSED_PERSON}?`);
  const confirm = dialog.getByRole('button', { name: 'Hapus permanen' });
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('erase-reason').fill('Permintaan pemohon melalui telepon');
  await dialog.getByTestId('erase-confirm').fill('HAPUS');
  await expect(confirm).toBeEnabled();
  await shot(page, '81-requester-erase-confirm');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(panel).toContainText('Data pribadi dihapus');
  await expect(page.getByTestId('inbox-row').filter({ hasText: CLOSED_PERSON })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
