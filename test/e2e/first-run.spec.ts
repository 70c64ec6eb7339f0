import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { shot } from './shots';

const ADMIN = { username: 'admin.pst', displayName: 'Ni Luh Putu Ayu', password: 'kata-sandi-rahasia-1' };

let host: RunningHost;
test.beforeAll(async () => {
  host = await startBrowserHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('first run, logout, wrong password, login, language switch, pages by role', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.url);

  // First run: the admin form, with the client's own checks shown at the fields.
  await expect(page.getByRole('heading', { name: 'Buat akun admin' })).toBeVisible();
  await expect(page).toHaveURL(`${host.origin}/`); // the token left the address bar
  await shot(page, '01-first-run');
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Nama tampilan').fill(ADMIN.displayName);
  await page.getByLabel(/^Kata sandi/).fill('pendek');
  await page.getByLabel('Ulangi kata sandi').fill('lain');
  await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  await expect(page.getByText('Kata sandi minimal 10 karakter')).toBeVisible();
  await expect(page.getByText('Kedua kata sandi tidak sama')).toBeVisible();
  await shot(page, '02-first-run-validation');

  // A display name longer than the core allows: the server's issue appears at that field.
  await page.getByLabel('Nama tampilan').fill('x'.repeat(81));
  await page.getByLabel(/^Kata sandi/).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  await expect(page.getByLabel('Nama tampilan')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nama pengguna')).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Nama tampilan').fill(ADMIN.displayName);
  await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();

  // The setup wizard follows the admin account (console-settings.spec walks through it); skip it.
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  await page.getByRole('button', { name: 'Lewati semua' }).click();

  // Straight into the console: empty inbox, header with office, officer and role.
  // No channel yet: the empty inbox says so and leads the admin to where they are set up.
  await expect(page.getByTestId('inbox-empty')).toContainText('belum ada kanal yang tersambung');
  await expect(page.getByTestId('office-name')).toHaveText('PST BPS Kabupaten Buleleng');
  await expect(page.getByTestId('current-officer')).toContainText(ADMIN.displayName);
  await expect(page.getByTestId('current-officer')).toContainText('Admin');
  await expect(page).toHaveTitle('PST Console');
  await shot(page, '03-inbox-empty');
  await page.getByTestId('inbox-empty-setup').click();
  await expect(page.getByRole('tab', { name: 'Kanal', selected: true })).toBeVisible();
  await expect(page.getByTestId('telegram-settings')).toBeVisible();
  await page.getByRole('navigation').getByText('Kotak Masuk').click();

  // An admin sees every page; each says what it will hold.
  const nav = page.getByRole('navigation');
  await nav.getByText('Pengaduan').click();
  await expect(page.getByRole('heading', { name: 'Pengaduan' })).toBeVisible();
  await expect(page.getByText('0362-22145')).toBeVisible();
  await shot(page, '04-complaints');
  await nav.getByText('Laporan').click();
  await expect(page.getByRole('heading', { name: 'Laporan' })).toBeVisible();
  await shot(page, '05-reports');
  // The yearly IKM report: preview, then the PDF the office publishes.
  await page.getByRole('tab', { name: 'IKM tahunan' }).click();
  await page.getByRole('spinbutton', { name: 'Tahun' }).fill('2026');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page.getByTestId('ikm-preview')).toContainText('Survei Kepuasan Masyarakat (SKM) tahun 2026');
  const ikmPdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh PDF' }).click();
  expect((await ikmPdf).suggestedFilename()).toBe('ikm-pst-5108-2026.pdf');
  await shot(page, '05-reports-ikm');
  await nav.getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Petugas' }).click();
  await expect(page.getByTestId('officers-table')).toContainText(ADMIN.username);
  await shot(page, '06-settings');

  // The admin creates a plain officer, who will see fewer pages.
  await page.getByRole('button', { name: 'Tambah petugas' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nama pengguna').fill('wayan');
  await dialog.getByLabel('Nama tampilan').fill('I Wayan Sudarma');
  await dialog.getByLabel('Kata sandi').fill('sandi-wayan-12345');
  await shot(page, '07-settings-add-officer');
  await dialog.getByRole('button', { name: 'Buat akun' }).click();
  await expect(page.getByText('Akun I Wayan Sudarma dibuat.')).toBeVisible();
  await expect(page.getByTestId('officers-table')).toContainText('wayan');

  // Language: English everywhere, remembered across a reload, and back.
  await page.getByRole('button', { name: /^Bahasa: / }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(nav.getByText('Inbox')).toBeVisible();
  await expect(page.getByTestId('current-officer')).toContainText('Admin');
  await shot(page, '08-settings-english');
  await page.reload();
  await expect(nav.getByText('Inbox')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('inbox-empty')).toContainText('No consultations yet, and no channel is connected');
  await shot(page, '09-inbox-empty-english');
  await page.getByRole('button', { name: /^Language: / }).click();
  await page.getByRole('menuitemradio', { name: 'Bahasa Indonesia' }).click();
  await expect(nav.getByText('Kotak Masuk')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  // Logout, a wrong password (the server's words shown), then the right one.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await shot(page, '10-login');
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Kata sandi').fill('salah-sekali-123');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah');
  await expect(page.getByLabel('Kata sandi')).toHaveValue('');
  await shot(page, '11-login-error');
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('inbox-empty')).toBeVisible();

  // A plain officer: no Laporan; Pengaturan holds only their own profile (name, signature).
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByLabel('Nama pengguna').fill('wayan');
  await page.getByLabel('Kata sandi').fill('sandi-wayan-12345');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('current-officer')).toContainText('Petugas');
  await expect(nav.getByText('Kotak Masuk')).toBeVisible();
  await expect(nav.getByText('Pengaduan')).toBeVisible();
  await expect(nav.getByText('Laporan')).toHaveCount(0);
  await shot(page, '12-inbox-officer');
  await nav.getByText('Pengaturan').click();
  await expect(page.getByRole('tab', { name: 'Profil saya' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Petugas' })).toHaveCount(0);
  await nav.getByText('Kotak Masuk').click();

  // The officer's login ends (idle timeout) while the host token stays: back to the login form.
  await page.context().clearCookies({ name: /^pst_session_/ });
  await nav.getByText('Pengaduan').click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill('wayan');
  await page.getByLabel('Kata sandi').fill('sandi-wayan-12345');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('inbox-empty')).toBeVisible();

  // The host token cookie gone (host restarted, or another browser): a full-page notice.
  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByText('Sesi konsol berakhir: buka lagi alamat yang dicetak oleh `npm start`')).toBeVisible();
  await shot(page, '13-host-session-expired');
  expect(pageErrors).toEqual([]);
});
