import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src-main/core/inbound/ingest';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login } from './console-login';
import { shot } from './shots';

/**
 * 4 December 2026: the 2027 decree (SKB) is not in the console. The admin is told on every page,
 * finds 2027 pre-filled (the fixed-date holidays certain, the moving ones "perlu dicek", 5 January
 * as Isra Mikraj, not "Maulid Nabi"), adds the Galungan closure of a Bali circular as "Libur lokal",
 * and imports the decree as the CSV a spreadsheet saves; a deadline across the year end reads
 * "perkiraan" until then.
 */
const WAYAN = { username: 'wayan', displayName: 'Wayan Sudarma', password: 'sandi-wayan-kuat-1' };
const wita = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);

let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;
test.beforeAll(async () => {
  data = tempDataDir('pst-decree-');
  let now = wita('2026-12-04 10:00');
  const core = startTestCore({ dir: data.dir, now: () => now });
  await core.must('auth.setupAdmin', ADMIN);
  await core.must('officers.create', { ...WAYAN, role: 'officer' });
  // A request made complete on 30 December: its three working days run into 2027.
  now = wita('2026-12-30 10:00');
  await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password }); // a new day, a new session
  const { conversationId: id } = ingest(core.services, {
    channel: 'email',
    externalId: '<pdrb-2027@undiksha.ac.id>',
    sourceId: 'made@undiksha.ac.id',
    receivedAt: now,
    subject: 'Permohonan data PDRB',
    text: 'Mohon data PDRB Buleleng 2020–2025 atas dasar harga berlaku.',
    requester: { name: 'Made Sudarma', email: 'made@undiksha.ac.id' },
    thread: { mode: 'explicit' },
  });
  await core.must('conversations.updateRequirements', {
    id,
    requester: { institution: 'Universitas Pendidikan Ganesha', occupation: 'Mahasiswa', whatsapp: '0812-3456-7890' },
    need: 'PDRB Buleleng 2020–2025 ADHB',
  });
  await core.close();
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

// First, while the decree is still missing: the bar is for the admin, who can act on it.
test('an officer is not shown the decree bar', async ({ page }) => {
  await login(page, host.url, WAYAN);
  await expect(page.getByTestId('inbox-row').first()).toBeVisible();
  await expect(page.getByTestId('decree-alert')).toHaveCount(0);
});

test('the coming year without its decree: banner, pre-filled days to check, a local closure, the CSV import', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, host.url, ADMIN);

  const alert = page.getByTestId('decree-alert');
  await expect(alert).toContainText('Daftar libur SKB 2027 belum ada di kalender');
  const row = page.getByTestId('inbox-row').filter({ hasText: 'Made Sudarma' });
  await expect(row).toContainText('(perkiraan)');
  await shot(page, '95-decree-alert-inbox-1366');

  await alert.getByText('Buka Pengaturan').click();
  const settings = page.getByTestId('calendar-settings');
  await settings.getByRole('tab', { name: '2027' }).click();
  const table = settings.getByTestId('holiday-table');
  await expect(settings.getByTestId('decree-missing')).toContainText('Daftar SKB tahun 2027 belum masuk');
  const jan5 = table.getByRole('row').filter({ hasText: '05/01/2027' });
  await expect(jan5).toContainText('Isra Mikraj Nabi Muhammad SAW');
  await expect(jan5).toContainText('perlu dicek');
  await expect(table.getByRole('row').filter({ hasText: '17/08/2027' })).not.toContainText('perlu dicek');
  await expect(table.getByRole('row').filter({ hasText: 'Maulid' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'Maulid' })).toContainText('/08/2027');
  await settings.getByRole('button', { name: 'Daftar 2027 sudah lengkap sesuai SKB' }).scrollIntoViewIfNeeded();
  await shot(page, '96-calendar-2027-prefilled-1366');

  // A typed list cannot be declared complete over unchecked estimates.
  await settings.getByRole('button', { name: 'Daftar 2027 sudah lengkap sesuai SKB' }).click();
  await expect(settings).toContainText('hari perkiraan di tahun 2027 yang belum dicek');

  // Galungan by the Governor's circular: the office closes; "Libur lokal" is the default kind.
  await page.getByTestId('holiday-date').fill('13/01/2027');
  await settings.getByRole('textbox', { name: 'Keterangan' }).fill('Hari Raya Galungan (SE Gubernur Bali)');
  await expect(settings).toContainText('Libur lokal: hari kantor sendiri tutup');
  await settings.getByRole('button', { name: 'Tambah hari' }).click();
  await expect(table.getByRole('row').filter({ hasText: '13/01/2027' })).toContainText('Libur lokal');

  const csv = join(data.dir, 'skb-2027.csv');
  writeFileSync(
    csv,
    [
      'Tanggal;Keterangan;Jenis',
      '01/01/2027;Tahun Baru 2027 Masehi;nasional',
      '05/01/2027;Isra Mikraj Nabi Muhammad SAW;nasional',
      '06/02/2027;Tahun Baru Imlek 2578 Kongzili;nasional',
      '08/03/2027;Hari Suci Nyepi Tahun Baru Saka 1949;nasional',
      '10/03/2027;Idul Fitri 1448 Hijriah;nasional',
      '11/03/2027;Idul Fitri 1448 Hijriah;nasional',
      '12/03/2027;Cuti Bersama Idul Fitri 1448 Hijriah;cuti bersama',
      '',
    ].join('\r\n'),
  );
  await settings.getByTestId('holiday-file').setInputFiles(csv);
  await expect(settings).toContainText('7 hari diimpor, 0 dilewati.');
  await expect(settings).toContainText('hari perkiraan diganti daftar SKB');
  await expect(settings).toContainText('Daftar 2027 sudah sesuai SKB.');
  await expect(table).not.toContainText('perlu dicek');
  await expect(table.getByRole('row').filter({ hasText: '13/01/2027' })).toContainText('Libur lokal');
  await expect(table.getByRole('row').filter({ hasText: '17/08/2027' })).toBeVisible();
  await expect(alert).toHaveCount(0);
  await shot(page, '97-calendar-2027-imported-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, '98-calendar-2027-imported-1920');

  await page.getByRole('navigation').getByText('Kotak Masuk').click();
  await expect(row).not.toContainText('perkiraan');
  expect(pageErrors).toEqual([]);
});
