import { expect, test } from '@playwright/test';
import { login, open, showRequesterPanel, useSeededConsole } from './console-login';
import { PEOPLE } from './console-seed';
import { shot } from './shots';

const ctx = useSeededConsole('pst-e2e-actions-');

test('requirements form, resolve with topic by shortcut, complaint from a message, complaints page', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await login(page, ctx.host.url, ctx.admin);
  await open(page, PEOPLE.incomplete);
  await showRequesterPanel(page);
  const panel = page.getByTestId('requester-panel');
  const pane = page.getByTestId('conversation-pane');
  await expect(panel.getByTestId('requirements-checklist').locator('[data-missing="true"]')).toHaveCount(5);

  // The client's checks at the fields, before any round trip.
  await panel.getByRole('textbox', { name: 'Email aktif' }).fill('bukan-email');
  await panel.getByRole('textbox', { name: 'Nomor WhatsApp' }).fill('12345');
  await panel.getByRole('button', { name: 'Simpan data' }).click();
  await expect(panel.getByText('Alamat email tidak valid')).toBeVisible();
  await expect(panel.getByText('Nomor WhatsApp tidak valid (contoh 0812-3456-7890 atau +62 812 3456 7890)')).toBeVisible();
  await shot(page, '54-requester-validation');

  // Valid values: stored by the core (WhatsApp normalized), the checklist follows.
  await panel.getByRole('textbox', { name: 'Instansi/Universitas' }).fill('Universitas Panji Sakti');
  await panel.getByRole('combobox', { name: 'Pekerjaan' }).click();
  await page.getByRole('option', { name: 'Pelajar/Mahasiswa' }).click();
  await panel.getByRole('textbox', { name: 'Email aktif' }).fill('komang.adi@example.test');
  await panel.getByRole('textbox', { name: 'Nomor WhatsApp' }).fill('0813 3777 1234');
  await panel.getByRole('textbox', { name: 'Keperluan' }).fill('Luas panen padi Buleleng 2023 per kecamatan');
  await panel.getByRole('button', { name: 'Simpan data' }).click();
  await expect(panel.getByTestId('requirements-checklist').locator('[data-missing="true"]')).toHaveCount(0);
  await expect(panel.getByRole('textbox', { name: 'Nomor WhatsApp' })).toHaveValue('+6281337771234');
  await expect(panel.getByTestId('whatsapp-link')).toHaveAttribute('href', 'https://wa.me/6281337771234');

  // `e` opens the resolve dialog (focus outside any field); the summary is required.
  await pane.getByRole('heading', { name: PEOPLE.incomplete }).click();
  await page.keyboard.press('e');
  const resolve = page.getByTestId('resolve-dialog');
  await expect(resolve).toBeVisible();
  await resolve.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(resolve.getByText('Wajib diisi')).toHaveCount(2);
  await resolve.getByLabel('Ringkasan layanan').fill('Dikirim tabel luas panen padi 2023 per kecamatan dari publikasi Buleleng Dalam Angka.');
  await resolve.getByRole('combobox', { name: 'Topik' }).click();
  await page.getByRole('option', { name: 'Pertanian' }).click();
  await shot(page, '55-resolve-dialog');
  await resolve.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(resolve).toHaveCount(0);
  await expect(pane.getByText('Selesai', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('service-facts')).toContainText('Pertanian');
  await expect(page.getByTestId('action-bar').getByRole('button', { name: 'Buka kembali' })).toBeVisible();
  await shot(page, '56-resolved');

  // A message promoted to a complaint: source and text come from it.
  await open(page, PEOPLE.failed);
  await pane.locator('[data-testid="message"][data-direction="incoming"]').first().getByRole('button', { name: 'Catat sebagai pengaduan' }).click();
  const dialog = page.getByTestId('complaint-dialog');
  await expect(dialog).toContainText('Buleleng Dalam Angka');
  await dialog.getByRole('button', { name: 'Catat' }).click();
  await expect(dialog).toHaveCount(0);
  // Logged once: the message says so instead of offering to log it again.
  const promoted = pane.locator('[data-testid="message"][data-direction="incoming"]').first();
  await expect(promoted.getByTestId('message-promoted')).toHaveText('Tercatat sebagai pengaduan');
  await expect(promoted.getByRole('button', { name: 'Catat sebagai pengaduan' })).toHaveCount(0);

  // The Pengaduan page lists it; a phone complaint is logged and handled.
  await page.getByRole('navigation').getByText('Pengaduan').click();
  const rows = page.getByTestId('complaint-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Telegram');
  await page.getByRole('button', { name: 'Catat pengaduan' }).click();
  const create = page.getByTestId('complaint-dialog');
  await create.getByRole('button', { name: 'Catat' }).click();
  await expect(create.getByText('Wajib diisi')).toBeVisible();
  await create.getByRole('combobox', { name: 'Sumber' }).click();
  await page.getByRole('option', { name: 'Telepon' }).click();
  await create.getByLabel('Isi pengaduan').fill('Antrean di ruang PST terlalu lama pada hari Senin.');
  await create.getByLabel('Nama pelapor').fill('Ibu Sari');
  await create.getByLabel('Kontak').fill('sari.wulandari.dinas.pendidikan.kabupaten.buleleng@pendidikan.bulelengkab.go.id');
  // Received on Wednesday, written the office's way whatever the browser's locale.
  const received = create.getByTestId('complaint-received');
  await received.getByRole('textbox', { name: 'Diterima' }).fill('31/11/2026');
  await expect(received).toContainText('Tulis tanggal sebagai hh/bb/tttt');
  await received.getByRole('textbox', { name: 'Diterima' }).fill('2/12/2026');
  await received.getByRole('textbox', { name: 'Jam' }).fill('9.05');
  await expect(received).not.toContainText('Tulis tanggal');
  await shot(page, '57-complaint-create');
  await create.getByRole('button', { name: 'Catat' }).click();
  await expect(rows).toHaveCount(2);
  const phone = rows.filter({ hasText: 'Antrean di ruang PST' });
  await expect(phone).toContainText('Telepon');
  await expect(phone).toContainText('2 Des 2026, 09.05 WITA');
  // The long address wraps inside its column instead of widening the table.
  const table = await page.getByTestId('complaints-table').boundingBox();
  expect(table!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await phone.getByRole('button', { name: 'Tangani' }).click();
  const edit = page.getByTestId('complaint-edit-dialog');
  await edit.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Selesai' }).click();
  await edit.getByLabel('Tanggapan').fill('Ditambah satu petugas loket pada hari Senin.');
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(phone).toContainText('Selesai');
  await expect(phone).toContainText('Ditambah satu petugas loket');
  // Finished: no more "Tangani", the date it was finished instead.
  await expect(phone.getByRole('button', { name: 'Tangani' })).toHaveCount(0);
  await expect(phone).toContainText(/Selesai \d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WITA/);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Baru' }).click();
  await expect(rows).toHaveCount(1);
  await shot(page, '58-complaints');
  expect(pageErrors).toEqual([]);
});

test('keyboard shortcuts: j/k, r, /, ? help; none while typing', async ({ page }) => {
  await login(page, ctx.host.url, ctx.admin);
  const rows = page.getByTestId('inbox-row');
  // The test before closed one: all five are under "Semua konsultasi".
  await page.getByTestId('queue-all').click();
  await expect(rows).toHaveCount(5);
  const selected = page.locator('[data-testid="inbox-row"][data-selected="true"]');
  await page.keyboard.press('j');
  await expect(selected).toHaveCount(1);
  const first = await selected.textContent();
  await page.keyboard.press('j');
  await expect(selected).not.toHaveText(first ?? '');
  await expect(rows.nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('k');
  await expect(rows.nth(0)).toHaveAttribute('data-selected', 'true');

  // r focuses the composer; typing j there types, it does not move.
  await page.keyboard.press('r');
  const input = page.getByTestId('composer').getByRole('textbox');
  await expect(input).toBeFocused();
  await page.keyboard.type('jk');
  await expect(input).toHaveValue('jk');
  await expect(rows.nth(0)).toHaveAttribute('data-selected', 'true');
  await input.fill('');

  // / goes to search; ? shows the help, Esc closes it.
  await page.getByTestId('conversation-pane').getByRole('heading').first().click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Cari pesan' })).toBeFocused();
  await page.getByTestId('conversation-pane').getByRole('heading').first().click();
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toContainText('Konsultasi berikutnya');
  await expect(help.locator('kbd')).toHaveText(['j', 'k', 'r', 'e', '/', '?', 'Ctrl+Enter', 'Esc']);
  await shot(page, '59-shortcut-help');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});
