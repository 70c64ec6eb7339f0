import { expect, test } from '@playwright/test';
import { login } from './console-login';
import { supervisorReport, todayWita, useStaffedConsole, WAYAN } from './office-staff';
import { shot } from './shots';

/**
 * A caller on 0362-22145 and, later the same day, the same person at the PST desk: the officer
 * enters both from "Konsultasi baru", records the answers given, and the supervisor's report
 * counts them in the "Langsung/telepon" row (which stayed 0 while nobody could enter one).
 */

const ctx = useStaffedConsole('pst-walk-in-');

test('a phone call and a desk visit become consultations on the record, counted in the report', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, ctx.host.url, WAYAN);

  // The call: a new requester, the need as said on the phone; not answered yet.
  await page.getByTestId('walk-in-button').click();
  const dialog = page.getByTestId('walk-in-dialog');
  await dialog.getByRole('radio', { name: /Telepon/ }).check();
  await dialog.getByLabel('Nama').fill('Ketut Ariani');
  await dialog.getByLabel('Instansi').fill('Universitas Pendidikan Ganesha');
  await dialog.getByLabel('No. WhatsApp').fill('0812 3456 7890');
  await dialog.getByLabel('Keperluan dan data yang dibutuhkan').fill('Jumlah penduduk per desa Kecamatan Sukasada tahun 2024 untuk skripsi');
  await shot(page, '74-walk-in-phone-dialog-1366');
  await dialog.getByRole('button', { name: 'Simpan konsultasi' }).click();
  await expect(dialog).toHaveCount(0);

  // It opens at once, handled by Wayan, the need as its first message; nothing to send through.
  const pane = page.getByTestId('conversation-pane');
  await expect(pane.getByRole('heading', { name: 'Ketut Ariani' })).toBeVisible();
  await expect(pane).toContainText('Jumlah penduduk per desa Kecamatan Sukasada');
  await expect(pane).toContainText(`Ditangani oleh ${WAYAN.displayName}`);
  const composer = page.getByTestId('composer');
  await expect(composer.getByRole('tab', { name: 'Catat jawaban' })).toBeVisible();
  await expect(composer.getByRole('button', { name: 'Lampirkan' })).toHaveCount(0);
  await expect(composer.getByTestId('composer-answered-via')).toHaveValue('telepon');

  // Wayan calls back with the answer: it goes on the record, nothing is sent anywhere.
  await composer.getByRole('textbox').fill('Data tersedia di buleleng.bps.go.id, tabel Penduduk per Desa; sudah dijelaskan lewat telepon.');
  await composer.getByRole('button', { name: 'Simpan jawaban' }).click();
  await expect(pane).toContainText('sudah dijelaskan lewat telepon');
  await expect(pane.getByTestId('message').filter({ hasText: 'sudah dijelaskan' }).getByTestId('message-author')).toHaveText(
    `Dijawab lewat telepon oleh ${WAYAN.displayName}`,
  );
  await expect(composer.getByRole('textbox')).toHaveValue('');
  await shot(page, '75-walk-in-answer-recorded-1366');

  // The same person comes to the desk: found among known requesters, answered on the spot.
  await page.getByTestId('walk-in-button').click();
  await dialog.getByRole('radio', { name: /Langsung/ }).check();
  await dialog.getByLabel('Nama').fill('Ketut Ari');
  await dialog
    .getByTestId('walk-in-hits')
    .getByRole('button', { name: /Ketut Ariani/ })
    .click();
  await expect(dialog.getByTestId('walk-in-known')).toContainText('1 konsultasi sebelumnya');
  await dialog.getByLabel('Keperluan dan data yang dibutuhkan').fill('Persentase penduduk miskin Kabupaten Buleleng 2023');
  await dialog.getByRole('checkbox', { name: 'Sudah dijawab saat itu juga' }).check();
  await dialog.getByLabel('Jawaban atau data yang diberikan').fill('Diberikan publikasi Buleleng Dalam Angka 2024, tabel 4.2.1');
  await dialog.getByLabel('Ringkasan penyelesaian').fill('Data kemiskinan dari publikasi');
  await dialog.getByLabel('Topik').selectOption('Kemiskinan');
  await dialog.getByRole('button', { name: 'Simpan konsultasi' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(pane).toContainText('Buleleng Dalam Angka 2024');
  await expect(pane.getByText('Selesai', { exact: true }).first()).toBeVisible();

  // The supervisor's report: two consultations on the manual channel, one of them resolved.
  const boss = await supervisorReport(page, ctx.host.url, { from: todayWita(), to: todayWita() });
  const row = boss.getByRole('row').filter({ hasText: 'Langsung/telepon' });
  // Both were answered then and there (0 m of working time before the first answer); the one closed
  // never had its requirements complete (no occupation given), so no resolution time.
  await expect(row.getByRole('cell')).toHaveText(['Langsung/telepon', '2', '1', '1', '0 m', '–']);
  await shot(boss, '76-walk-in-in-report-1920');
});

test('a caller who left an email address gets the answer by email from the composer', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, ctx.host.url, WAYAN);
  await page.getByTestId('walk-in-button').click();
  const dialog = page.getByTestId('walk-in-dialog');
  await dialog.getByRole('radio', { name: /Telepon/ }).check();
  await dialog.getByLabel('Nama').fill('Gede Arimbawa');
  await dialog.getByLabel('Email').fill('gede.arimbawa@example.test');
  await dialog.getByLabel('Keperluan dan data yang dibutuhkan').fill('Jumlah wisatawan mancanegara ke Lovina 2025, dikirim lewat email');
  await dialog.getByRole('button', { name: 'Simpan konsultasi' }).click();
  await expect(dialog).toHaveCount(0);

  const pane = page.getByTestId('conversation-pane');
  await expect(pane.getByRole('heading', { name: 'Gede Arimbawa' })).toBeVisible();
  const composer = page.getByTestId('composer');
  const via = composer.getByTestId('composer-answered-via');
  // Known address, no Telegram chat: email is offered, Telegram is not.
  await expect(via.locator('option')).toHaveText(['Dijawab langsung', 'Dijawab lewat telepon', 'Kirim lewat email ke gede.arimbawa@example.test']);
  await via.selectOption('email');
  await expect(composer.getByRole('button', { name: 'Kirim' })).toBeVisible();
  await expect(composer.getByRole('button', { name: 'Lampirkan' })).toBeVisible();
  await composer.getByRole('textbox').fill('Pak Gede, data kunjungan wisman ke Lovina 2025 ada di publikasi Statistik Pariwisata Buleleng 2025.');
  await shot(page, '77-walk-in-reply-by-email-1366');
  await composer.getByRole('button', { name: 'Kirim' }).click();
  const sent = pane.getByTestId('message').filter({ hasText: 'Statistik Pariwisata Buleleng 2025' });
  await expect(sent).toBeVisible();
  await expect(sent.getByTestId('message-author')).toContainText(WAYAN.displayName);
  await expect(composer.getByRole('textbox')).toHaveValue('');
  await shot(page, '78-walk-in-reply-sent-1366');
});
