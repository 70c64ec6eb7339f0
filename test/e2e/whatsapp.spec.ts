import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN } from '../helpers/core';
import { login } from './console-login';
import { supervisorReport, todayWita, useStaffedConsole, WAYAN } from './office-staff';
import { shot } from './shots';

/**
 * The office's WhatsApp phone, on the record: the officer imports Budi's chat export (he is saved
 * by name on the phone, so she types his number), answers him with "Kirim lewat WhatsApp" (the
 * link opens WhatsApp; she confirms it went), imports the longer export after his thanks (only
 * the new lines arrive), closes and rates it; Sarah's zip export brings its photo and PDF. The
 * supervisor's report counts both in the WhatsApp row.
 */
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/whatsapp/${name}`, import.meta.url));

const ctx = useStaffedConsole('pst-whatsapp-');

test('a WhatsApp consultation from the phone export to the weekly report', async ({ page }) => {
  // Click-to-chat would leave for wa.me: the links the console opens are kept instead (tests talk to 127.0.0.1 only).
  await page.addInitScript(() => {
    const opened: string[] = [];
    const w = globalThis as unknown as { opened: string[]; open(url?: string | URL): null };
    w.opened = opened;
    w.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  const opened = () => page.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);
  await page.setViewportSize({ width: 1366, height: 768 });

  // The admin names the office phone in Pengaturan.
  const admin = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 1366, height: 768 } });
  await login(admin, ctx.host.url, ADMIN);
  await admin.getByRole('navigation').getByText('Pengaturan').click();
  const office = admin.getByTestId('whatsapp-office');
  await office.getByTestId('whatsapp-office-name').fill('PST BPS Buleleng');
  await office.getByTestId('whatsapp-office-number').fill('0811 3800 145');
  await shot(admin, '89-whatsapp-office-settings-1366');
  await admin.getByTestId('workflow-settings').getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByTestId('workflow-settings').getByText('Tersimpan')).toBeVisible();
  await admin.close();

  await login(page, ctx.host.url, WAYAN);
  await page.getByTestId('whatsapp-import-button').click();
  const dialog = page.getByTestId('whatsapp-import-dialog');
  await dialog.getByTestId('whatsapp-import-file').setInputFiles(fixture('android-id.txt'));
  await dialog.getByTestId('whatsapp-import-number').fill('0812-9876-5432');
  await shot(page, '90-whatsapp-import-dialog-1366');
  await dialog.getByRole('button', { name: 'Impor' }).click();
  await expect(dialog.getByTestId('whatsapp-import-result')).toContainText('6 pesan baru dicatat, 0 sudah ada sebelumnya.');
  await dialog.getByRole('button', { name: 'Buka konsultasi' }).click();
  await expect(dialog).toHaveCount(0);

  const pane = page.getByTestId('conversation-pane');
  await expect(pane.getByRole('heading', { name: 'Budi Santoso' })).toBeVisible();
  await expect(pane).toContainText('untuk skripsi saya.');
  await expect(pane).toContainText('(Pesan ini telah dihapus oleh pengirim)');
  await expect(pane.getByTestId('message').filter({ hasText: 'Mohon kirimkan email aktif' }).getByTestId('message-author')).toHaveText(
    'WhatsApp kantor (dari ekspor chat)',
  );
  await expect(pane).not.toContainText('terenkripsi secara end-to-end');

  // The answer leaves from WhatsApp: the link carries the number and the text; the record waits for her word.
  const composer = page.getByTestId('composer');
  const answer = 'Data penduduk per kecamatan 2020-2025 ada di publikasi Kabupaten Buleleng Dalam Angka, tabel 3.1.';
  await composer.getByRole('textbox').fill(answer);
  await composer.getByTestId('composer-whatsapp-send').click();
  expect(await opened()).toEqual([`https://wa.me/6281298765432?text=${encodeURIComponent(answer)}`]);
  await expect(pane.getByTestId('message').filter({ hasText: 'tabel 3.1' })).toHaveCount(0);
  await shot(page, '91-whatsapp-confirm-1366');
  await composer.getByRole('button', { name: 'Ya, catat sebagai terkirim' }).click();
  const sent = pane.getByTestId('message').filter({ hasText: 'tabel 3.1' });
  await expect(sent.getByTestId('message-author')).toHaveText(`Dikirim lewat WhatsApp oleh ${WAYAN.displayName}`);
  await expect(composer.getByRole('textbox')).toHaveValue('');

  // Budi thanks him; the longer export adds his thanks only: the office line before it is the answer just recorded, as the phone shows it.
  await page.getByTestId('action-bar').getByRole('button', { name: 'Tindakan lain' }).click();
  await page.getByTestId('whatsapp-import-into').click();
  // The phone's export now: the answer as WhatsApp stamped it a moment ago, and Budi's thanks after it.
  const stamp = (ms: number) => {
    const d = new Date(ms + 8 * 3_600_000).toISOString();
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(2, 4)} ${d.slice(11, 13)}.${d.slice(14, 16)}`;
  };
  const longer = join(ctx.dataDir, 'Chat WhatsApp dengan Budi Santoso.txt');
  writeFileSync(
    longer,
    `${readFileSync(fixture('android-id.txt'), 'utf8')}${stamp(Date.now() - 60_000)} - PST BPS Buleleng: ${answer}\n${stamp(Date.now())} - Budi Santoso: Sudah saya temukan, terima kasih banyak 🙏\n`,
  );
  await dialog.getByTestId('whatsapp-import-file').setInputFiles(longer);
  await dialog.getByRole('button', { name: 'Impor' }).click();
  await expect(dialog.getByTestId('whatsapp-import-result')).toContainText('1 pesan baru dicatat, 7 sudah ada sebelumnya.');
  await dialog.getByRole('button', { name: 'Buka konsultasi' }).click();
  await expect(pane).toContainText('terima kasih banyak');
  await expect(pane.getByTestId('message').filter({ hasText: 'tabel 3.1' })).toHaveCount(1);

  // Closed, the rating asked on WhatsApp, and his answer entered.
  await page.getByTestId('action-bar').getByRole('button', { name: 'Selesaikan' }).click();
  const resolve = page.getByTestId('resolve-dialog');
  await resolve.getByLabel('Ringkasan layanan').fill('Ditunjukkan tabel penduduk per kecamatan di Buleleng Dalam Angka.');
  await resolve.getByRole('combobox', { name: 'Topik' }).click();
  await page.getByRole('option', { name: 'Kependudukan' }).click();
  await resolve.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(resolve).toHaveCount(0);
  await page.getByTestId('whatsapp-ask-rating').click();
  const ticket = (await pane.getAttribute('aria-label')) ?? '';
  expect(ticket).toMatch(/^KONS-5108-20261130-\d{4}$/);
  expect((await opened())[1]).toContain(encodeURIComponent(ticket));
  await page.getByTestId('action-bar').getByRole('button', { name: 'Catat penilaian' }).click();
  const rating = page.getByTestId('rating-dialog');
  await expect(rating.getByRole('radio', { name: 'WhatsApp' })).toBeChecked();
  await rating.getByRole('radio', { name: '5' }).check();
  await rating.getByLabel('Saran dan masukan').fill('Cepat dan jelas');
  await rating.getByRole('button', { name: 'Simpan' }).click();
  await expect(rating).toHaveCount(0);
  await expect(pane).toContainText('Penilaian diterima (melalui WhatsApp, dicatat petugas)');

  // Sarah's export as a zip: the photo and the PDF arrive with their messages.
  await page.getByTestId('whatsapp-import-button').click();
  await dialog.getByTestId('whatsapp-import-file').setInputFiles(fixture('android-en-media.zip'));
  await dialog.getByRole('button', { name: 'Impor' }).click();
  await expect(dialog.getByTestId('whatsapp-import-result')).toContainText('7 pesan baru dicatat');
  await dialog.getByRole('button', { name: 'Buka konsultasi' }).click();
  await expect(pane).toContainText('Tabel_Pariwisata_2024.pdf');
  await expect(pane).toContainText('IMG-20261201-WA0001.jpg');
  await shot(page, '92-whatsapp-zip-imported-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByTestId('composer-whatsapp-send')).toBeVisible();
  await shot(page, '94-whatsapp-conversation-1920');

  // The supervisor's report: two WhatsApp consultations, one resolved.
  const boss = await supervisorReport(page, ctx.host.url, { from: '30/11/2026', to: todayWita() });
  const row = boss.getByRole('row').filter({ hasText: 'WhatsApp' });
  // First responses in working time: Budi wrote Monday 23.58, the office answered Tuesday 08.05 (5 m);
  // Sarah the same night, answered 09.15 (1 j 15 m): median 40 m. The one closed never had its clock started.
  await expect(row.getByRole('cell')).toHaveText(['WhatsApp', '2', '1', '1', '40 m', '–']);
  await shot(boss, '93-whatsapp-in-report-1920');
});
