import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { REPO_ROOT, startBrowserHost, type RunningHost } from '../helpers/host';
import { createFirstAdmin } from './console-login';
import { shot } from './shots';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startBrowserHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('first-run wizard after the admin account, then every Pengaturan tab', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await createFirstAdmin(page, host.url, { username: 'admin.pst', displayName: 'Ni Luh Putu Ayu', password: 'kata-sandi-rahasia-1' });

  const wizard = page.getByTestId('setup-wizard');
  await expect(wizard.getByTestId('telegram-settings')).toBeVisible();
  await expect(wizard.getByTestId('channel-status')).toBeVisible();
  await shot(page, '60-wizard-telegram');
  await wizard.getByRole('button', { name: 'Lanjut' }).click();

  // Email: the core validates, tests the account live, and a save after a failed test asks first.
  const email = wizard.getByTestId('email-settings');
  await email.getByRole('textbox', { name: 'Server IMAP' }).fill('server surel kantor');
  await email.getByRole('textbox', { name: 'Port IMAP' }).fill('1');
  await email.getByRole('textbox', { name: 'Server SMTP' }).fill('127.0.0.1');
  await email.getByRole('textbox', { name: 'Port SMTP' }).fill('1');
  await email.getByRole('textbox', { name: 'Nama login' }).fill('pst5108@example.test');
  await email.getByLabel('Kata sandi').fill('sandi-surel-1');
  await email.getByRole('button', { name: 'Simpan' }).click();
  await expect(email.getByTestId('email-error')).toContainText('Nama host tidak valid');
  await email.getByRole('textbox', { name: 'Server IMAP' }).fill('127.0.0.1');
  // Nothing listens on port 1: the test fails, its results are in view above the wizard's bar.
  await email.getByRole('button', { name: 'Uji koneksi' }).click();
  const checks = email.getByTestId('email-checks');
  await expect(checks).toContainText('IMAP gagal');
  await expect(checks).toBeInViewport();
  const bar = await wizard.getByRole('button', { name: 'Lanjut' }).boundingBox();
  const results = await checks.boundingBox();
  expect(results!.y + results!.height).toBeLessThanOrEqual(bar!.y);
  await shot(page, '61a-wizard-email-test-failed');
  await email.getByRole('button', { name: 'Simpan' }).click();
  const confirm = page.getByTestId('email-save-anyway');
  await expect(confirm).toContainText('Tes koneksi gagal. Tetap simpan?');
  await confirm.getByRole('button', { name: 'Batal' }).click();
  await expect(email.getByText('Akun email disimpan.')).toHaveCount(0);
  await email.getByRole('button', { name: 'Simpan' }).click();
  await confirm.getByRole('button', { name: 'Tetap simpan' }).click();
  await expect(email.getByText('Akun email disimpan.')).toBeVisible();
  await expect(email.getByLabel('Kata sandi')).toHaveValue('');
  await shot(page, '61-wizard-email');
  await wizard.getByRole('button', { name: 'Lanjut' }).click();

  await expect(wizard.getByTestId('calendar-settings')).toContainText('Senin');
  await expect(wizard.getByTestId('holiday-table')).toBeVisible();
  await shot(page, '62-wizard-calendar');
  await wizard.getByRole('button', { name: 'Lanjut' }).click();
  await expect(wizard.getByTestId('templates-settings')).toBeVisible();
  await shot(page, '63-wizard-templates');
  await wizard.getByRole('button', { name: 'Lanjut' }).click();
  await expect(wizard.getByTestId('officers-table')).toContainText('admin.pst');
  await wizard.getByRole('button', { name: 'Lanjut' }).click();

  // The signature is saved through the contract and then shown under email replies.
  const signature = wizard.getByTestId('signature-settings');
  await signature.getByRole('textbox', { name: /^Tanda tangan/ }).fill('Ni Luh Putu Ayu\nPetugas PST BPS Kabupaten Buleleng');
  await signature.getByRole('button', { name: 'Simpan' }).click();
  await expect(signature.getByText('Tersimpan')).toBeVisible();
  await shot(page, '64-wizard-signature');
  await wizard.getByRole('button', { name: 'Selesai' }).click();
  await expect(page.getByTestId('inbox-empty')).toBeVisible();

  // Everything stays editable in Pengaturan, one tab per area.
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await expect(page.getByTestId('workflow-settings').getByRole('textbox', { name: 'Topik konsultasi' })).toHaveValue(/Kependudukan/);
  await shot(page, '65-settings-general');
  await page.getByRole('tab', { name: 'Kanal' }).click();
  await expect(page.getByTestId('email-settings').getByRole('textbox', { name: 'Server IMAP' })).toHaveValue('127.0.0.1');
  await shot(page, '66-settings-channels');
  await page.getByRole('tab', { name: 'Jawaban standar' }).click();
  await page.getByRole('button', { name: 'Tambah jawaban standar' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nama' }).fill('Tabel PDRB di website');
  await dialog.getByRole('textbox', { name: 'Pintasan' }).fill('pdrb');
  await dialog.getByRole('textbox', { name: 'Isi' }).fill('Yth. {nama}, tabel PDRB tersedia di bulelengkab.bps.go.id.');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('template-row').filter({ hasText: 'Tabel PDRB di website' })).toContainText('/pdrb');
  await shot(page, '67-settings-templates');
  // Laporan: the letterhead and the signatories of every report.
  await page.getByRole('tab', { name: 'Laporan' }).click();
  const identity = page.getByTestId('report-identity');
  await expect(identity.getByRole('textbox', { name: 'Nama kantor' })).toHaveValue('Badan Pusat Statistik Kabupaten Buleleng');
  await identity.getByRole('textbox', { name: 'NIP kepala kantor' }).fill('1970-01-01');
  await identity.getByRole('button', { name: 'Simpan' }).click();
  await expect(identity.getByText('Tersimpan')).toHaveCount(0);
  await identity.getByRole('textbox', { name: 'Nama kepala kantor' }).fill('Ir. I Made Contoh, M.Si.');
  await identity.getByRole('textbox', { name: 'NIP kepala kantor' }).fill('19700101 199001 1 001');
  await identity.getByRole('button', { name: 'Simpan' }).click();
  await expect(identity.getByText('Tersimpan')).toBeVisible();
  // The letterhead logo: a PDF named like a picture is refused in words, the console's own PNG icon is taken.
  await identity.getByTestId('report-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(identity.getByTestId('report-logo-error')).toHaveText('Logo harus berupa gambar PNG atau JPEG');
  await identity.getByTestId('report-logo-file').setInputFiles(join(REPO_ROOT, 'resources', 'icon.png'));
  await expect(identity.getByTestId('report-logo-preview')).toBeVisible();
  await shot(page, '69-settings-reports');
  await page.getByRole('tab', { name: 'Petugas' }).click();
  await expect(page.getByTestId('officers-table')).toContainText('admin.pst');
  await page.getByRole('tab', { name: 'Laporan' }).click();
  await expect(page.getByTestId('report-identity').getByRole('textbox', { name: 'Nama kepala kantor' })).toHaveValue('Ir. I Made Contoh, M.Si.');
  await page.getByRole('tab', { name: 'Profil saya' }).click();
  await expect(page.getByTestId('signature-settings').getByRole('textbox', { name: /^Tanda tangan/ })).toHaveValue(
    'Ni Luh Putu Ayu\nPetugas PST BPS Kabupaten Buleleng',
  );
  await page.getByRole('tab', { name: 'Jam layanan' }).click();
  // A day the office closes, typed day first whatever the browser's locale; listed with its weekday.
  await page.getByTestId('holiday-date').fill('24/12/2026');
  await page.getByTestId('calendar-settings').getByRole('textbox', { name: 'Keterangan' }).fill('Cuti bersama Natal');
  await page.getByRole('button', { name: 'Tambah hari' }).click();
  await expect(page.getByTestId('holiday-table')).toContainText('Kamis, 24/12/2026');
  await shot(page, '68-settings-calendar');
  expect(pageErrors).toEqual([]);
});
