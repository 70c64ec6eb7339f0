import { expect, test } from '@playwright/test';
import { ingest } from '../../src-main/core/inbound/ingest';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login } from './console-login';
import { shot } from './shots';

/**
 * Pengaturan › Petugas as an admin runs the office over the years: a forgotten password is reset
 * (the officer must choose their own at the next login), a role changes, an officer who left is
 * disabled and their unfinished consultations go to a colleague.
 */
const KOMANG = { username: 'komang', displayName: 'Komang Wirawan', password: 'sandi-komang-awal' };
const PUTU = { username: 'putu', displayName: 'Putu Ardana', password: 'sandi-putu-awal-1' };

let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;
test.beforeAll(async () => {
  data = tempDataDir('pst-officers-');
  const core = startTestCore({ dir: data.dir });
  await core.must('auth.setupAdmin', ADMIN);
  const komang = await core.must('officers.create', { ...KOMANG, role: 'officer' });
  await core.must('officers.create', { ...PUTU, role: 'officer' });
  for (const n of [1, 2]) {
    const { conversationId } = ingest(core.services, {
      channel: 'email',
      externalId: `<permintaan-${n}@example.test>`,
      sourceId: `pemohon${n}@example.test`,
      displayName: `Pemohon Nomor ${n}`,
      receivedAt: Date.now(),
      subject: `Data kemiskinan ${n}`,
      text: 'Mohon data kemiskinan per kecamatan',
      thread: { mode: 'explicit' },
    });
    await core.must('conversations.assign', { id: conversationId, officerId: komang.id });
  }
  await core.close();
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

test.use({ viewport: { width: 1366, height: 768 } });

test('a reset password must be replaced at the next login, and then the console opens', async ({ page, browser }) => {
  await login(page, host.url, ADMIN);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Petugas' }).click();
  await page.getByTestId(`manage-${PUTU.username}`).click();
  await page.getByRole('menuitem', { name: 'Reset kata sandi…' }).click();
  await expect(page.getByTestId('reset-dialog')).toContainText('Kata sandi lama tidak berlaku lagi');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent())!.trim();
  expect(temporary).toMatch(/^\S{4}-\S{4}-\S{4}$/);
  await shot(page, '70-officers-reset-password-1366');
  await page.getByRole('button', { name: 'Tutup' }).click();
  await expect(page.getByTestId('officers-table')).toContainText('Wajib ganti kata sandi');

  // Putu, on another PC: the old password is refused, the temporary one opens only the change form.
  const putu = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await putu.goto(host.url);
  await putu.getByLabel('Nama pengguna').fill(PUTU.username);
  await putu.getByLabel('Kata sandi').fill(PUTU.password);
  await putu.getByRole('button', { name: 'Masuk' }).click();
  await expect(putu.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah');
  await putu.getByLabel('Kata sandi').fill(temporary);
  await putu.getByRole('button', { name: 'Masuk' }).click();
  await expect(putu.getByText('Buat kata sandi Anda')).toBeVisible();
  await shot(putu, '71-forced-password-change-1366');
  await putu.getByLabel('Kata sandi sekarang').fill(temporary);
  await putu.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('pilihan-putu-sendiri');
  await putu.getByLabel('Ulangi kata sandi baru').fill('pilihan-putu-berbeda');
  await putu.getByRole('button', { name: 'Simpan dan lanjutkan' }).click();
  await expect(putu.getByText('Tidak sama dengan kata sandi baru')).toBeVisible();
  await putu.getByLabel('Ulangi kata sandi baru').fill('pilihan-putu-sendiri');
  await putu.getByRole('button', { name: 'Simpan dan lanjutkan' }).click();
  await expect(putu.getByTestId('inbox-list')).toBeVisible();
});

test('disabling an officer hands their open consultations to a colleague, and they cannot log in', async ({ page, browser }) => {
  await login(page, host.url, ADMIN);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Petugas' }).click();
  await page.getByTestId(`manage-${KOMANG.username}`).click();
  await page.getByRole('menuitem', { name: 'Nonaktifkan…' }).click();
  const dialog = page.getByTestId('disable-dialog');
  await expect(dialog.getByTestId('open-consultations').locator('li')).toHaveCount(2);
  await expect(dialog).toContainText('Pemohon Nomor 1');
  await dialog.getByTestId('hand-over-to').selectOption({ label: PUTU.displayName });
  await shot(page, '72-officers-disable-hand-over-1366');
  await dialog.getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(page.getByTestId('officer-action-result')).toHaveText(`${KOMANG.displayName} dinonaktifkan; 2 konsultasi dialihkan.`);
  await expect(page.getByTestId('officers-table').getByRole('row').filter({ hasText: KOMANG.displayName })).toContainText('Nonaktif');

  const komang = await (await browser.newContext()).newPage();
  await komang.goto(host.url);
  await komang.getByLabel('Nama pengguna').fill(KOMANG.username);
  await komang.getByLabel('Kata sandi').fill(KOMANG.password);
  await komang.getByRole('button', { name: 'Masuk' }).click();
  await expect(komang.getByRole('alert')).toContainText('dinonaktifkan');

  // The consultations are Putu's now, with the hand-over in their timeline.
  await page.getByRole('navigation').getByText('Kotak Masuk').click();
  await page.getByTestId('inbox-row').filter({ hasText: 'Pemohon Nomor 2' }).click();
  await expect(page.getByTestId('conversation-pane')).toContainText(`Ditangani oleh ${PUTU.displayName}`);
});

test('a role changes from the same menu; the last admin cannot be demoted', async ({ page }) => {
  await login(page, host.url, ADMIN);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Petugas' }).click();
  await page.getByTestId(`manage-${PUTU.username}`).click();
  await page.getByRole('menuitem', { name: 'Ubah peran…' }).click();
  await page.getByTestId('role-dialog').getByRole('radio', { name: 'Supervisor' }).check();
  await page.getByTestId('role-dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('officer-action-result')).toHaveText(`Peran ${PUTU.displayName} sekarang Supervisor.`);

  await page.getByTestId(`manage-${ADMIN.username}`).click();
  await page.getByRole('menuitem', { name: 'Ubah peran…' }).click();
  await page.getByTestId('role-dialog').getByRole('radio', { name: 'Petugas' }).check();
  await page.getByTestId('role-dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('role-dialog')).toContainText('admin');
  await shot(page, '73-officers-last-admin-1366');
});
