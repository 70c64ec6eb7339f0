import { expect, test } from '@playwright/test';
import { login, open, useSeededConsole } from './console-login';
import { PEOPLE } from './console-seed';
import { shot } from './shots';

/**
 * The library of standard answers in the officer's hands: "/" offers the seeded PST answers (never
 * the console's own messages), the blanks only the officer knows are asked right away and cannot
 * be sent unfilled, an answer's guide PDF comes along, and the supervisor sees how often each is used.
 */
const ctx = useSeededConsole('pst-e2e-answers-');

test('a standard answer with blanks and a file, from "/" to the usage count', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, ctx.host.url, ctx.admin);

  // The supervisor's side first: the guide PDF goes with "Cara mengakses data BPS".
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Jawaban standar' }).click();
  const rows = page.getByTestId('template-row');
  await expect(rows.filter({ hasText: 'Permintaan mikrodata melalui SILASTIK' })).toContainText('Dipakai 0 kali');
  await rows.filter({ hasText: 'Cara mengakses data BPS' }).getByRole('button', { name: 'Ubah Cara mengakses data BPS' }).click();
  await page.getByTestId('template-file-input').setInputFiles({
    name: 'Cara Mengakses Data BPS.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x20)]),
  });
  await expect(page.getByTestId('template-files')).toContainText('Cara Mengakses Data BPS.pdf');
  await shot(page, '77-standard-answer-file-1366');
  await page.getByRole('button', { name: 'Simpan' }).click();

  await page.getByRole('navigation').getByText('Kotak Masuk').click();
  await open(page, PEOPLE.ready);
  const composer = page.getByTestId('composer');
  const input = composer.getByRole('textbox');

  // "/" offers the library, not the acknowledgement or other automatic messages.
  await input.fill('/');
  const picker = page.getByTestId('template-picker');
  await expect(picker.getByRole('option').filter({ hasText: 'Data belum dirilis' })).toHaveCount(1);
  await expect(picker.getByRole('option').filter({ hasText: 'Tanda terima otomatis' })).toHaveCount(0);
  await input.fill('/belum');
  await input.press('Enter');

  const dialog = page.getByTestId('fill-in-dialog');
  await expect(dialog.getByRole('textbox')).toHaveCount(3);
  await dialog.getByRole('textbox', { name: 'nama data' }).fill('IPM Kabupaten Buleleng 2025');
  await dialog.getByRole('textbox', { name: 'perkiraan tanggal rilis' }).fill('Senin, 15 Desember 2026');
  await shot(page, '78-standard-answer-fill-in-1366');
  await dialog.getByRole('button', { name: 'Isikan' }).click();
  await expect(input).toHaveValue(/Data IPM Kabupaten Buleleng 2025 belum dirilis oleh BPS\. .* pada Senin, 15 Desember 2026\./);
  await expect(input).toHaveValue(new RegExp(`^Yth\\. ${PEOPLE.ready},`));

  // One blank left: the reply is not sent, and the officer is told which.
  await input.press('Control+Enter');
  await expect(composer.getByRole('alert')).toContainText('data terakhir yang tersedia');
  const value = await input.inputValue();
  await input.fill(value.replace('{isi:data terakhir yang tersedia}', 'IPM 2024 sebesar 74,36'));
  await input.press('Control+Enter');
  const reply = page.getByTestId('conversation-pane').getByTestId('message').filter({ hasText: 'IPM 2024 sebesar 74,36' });
  await expect(reply).toBeVisible();
  await expect(reply).not.toContainText('{isi:');

  // The guide's answer brings its PDF into the composer.
  await input.fill('/caraakses');
  await input.press('Enter');
  await expect(composer.getByTestId('composer-files')).toContainText('Cara Mengakses Data BPS.pdf');
  await expect(input).toHaveValue(/bulelengkab\.bps\.go\.id/);

  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Jawaban standar' }).click();
  await expect(rows.filter({ hasText: 'Data belum dirilis' })).toContainText('Dipakai 1 kali');
  await expect(rows.filter({ hasText: 'Cara mengakses data BPS' })).toContainText('1 berkas');
  await expect(rows.filter({ hasText: 'Tanda terima otomatis' })).toContainText('pesan otomatis');
  await shot(page, '79-standard-answers-library-1366');
});
