import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { startBpsEmulator, type BpsEmulator } from '../peers/bps';
import { startBotApiEmulator, testUser, type BotApiEmulator } from '../peers/telegram';
import { answerIntake } from './live-peers';
import { createFirstAdmin } from './console-login';
import { shot } from './shots';

/**
 * Official BPS data from the composer, end to end: the admin saves and tests the office's WebAPI
 * key (the WebAPI emulator), a Telegram requester asks for data (the Bot API emulator), the officer
 * searches BPS's catalogue while still typing, inserts the table's link, sends it, the requester
 * receives it, and the weekly report counts the consultation as answered with an official link.
 */

const ADMIN = { username: 'admin.pst', displayName: 'Ni Luh Putu Ayu', password: 'kata-sandi-rahasia-1' };

let bps: BpsEmulator;
let bot: BotApiEmulator;
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  bps = await startBpsEmulator();
  bot = await startBotApiEmulator();
  data = tempDataDir('pst-e2e-bps-');
  host = await startBrowserHost({ dataDir: data.dir, env: { PST_TELEGRAM_API_ROOT: bot.apiRoot, PST_BPS_API_ROOT: bps.apiRoot } });
});
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus && host) await info.attach('host-output', { body: host.output.join('\n'), contentType: 'text/plain' });
});
test.afterAll(async () => {
  await host?.stop();
  await bot?.close();
  await bps?.close();
  data?.cleanup();
});

test('from a requester’s need to a sent reply with the BPS table’s link, counted in the report', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await createFirstAdmin(page, host.url, ADMIN);
  const wizard = page.getByTestId('setup-wizard');
  const telegram = wizard.getByTestId('telegram-settings');
  await telegram.getByLabel('Token bot').fill(bot.token);
  await telegram.getByRole('button', { name: 'Uji dan simpan' }).click();
  await expect(telegram.getByTestId('channel-status')).toContainText('Tersambung');
  await wizard.getByRole('button', { name: 'Lewati semua' }).click();

  // Pengaturan › Data BPS: a wrong key is refused in words that say what to do, the right one is
  // saved with the regency BPS lists for Bali, and "Uji" tests it again.
  const nav = page.getByRole('navigation');
  await nav.getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Data BPS' }).click();
  const settings = page.getByTestId('bps-settings');
  await expect(settings.getByTestId('bps-settings-state')).toHaveText(/Belum ada kunci/);
  await settings.getByLabel('Kunci WebAPI').fill('0123456789abcdef0123456789abcdef');
  await settings.getByRole('button', { name: 'Uji dan simpan' }).click();
  await expect(settings.getByTestId('bps-settings-error')).toHaveText(
    'BPS menolak kunci WebAPI ini. Periksa kunci di akun WebAPI BPS kantor, lalu simpan ulang di Pengaturan › Data BPS.',
  );
  await settings.getByLabel('Kunci WebAPI').fill(bps.key);
  await settings.getByRole('button', { name: 'Uji dan simpan' }).click();
  await expect(settings.getByText('Kunci berhasil diuji dan disimpan.')).toBeVisible();
  await expect(settings.getByTestId('bps-settings-state')).toContainText('Wilayah kantor menurut BPS: Kab. Buleleng (kode 5108)');
  await settings.getByRole('button', { name: 'Uji', exact: true }).click();
  await expect(settings.getByText('Uji berhasil: BPS menerima kunci kantor.')).toBeVisible();
  await expect(page.getByText(bps.key)).toHaveCount(0);
  await shot(page, 'bps-01-settings-1366');

  // A Telegram requester asks for tourist numbers in Buleleng and completes the bot's questions.
  const kadek = testUser({ firstName: 'Kadek', lastName: 'Ayu', username: 'kadekayu' });
  bot.userSendsText(kadek, 'Om swastyastu, mohon info data jumlah wisatawan ke objek wisata di Buleleng 2024 untuk skripsi');
  await answerIntake(bot, kadek, {
    name: 'Kadek Ayu Lestari',
    institution: 'Universitas Pendidikan Ganesha',
    email: 'kadek.ayu@example.test',
    whatsapp: '0812-3811-2233',
    occupation: 'Pelajar/Mahasiswa',
    need: 'Jumlah wisatawan ke objek wisata di Buleleng 2024',
  });
  await nav.getByText('Kotak Masuk').click();
  await page.getByTestId('inbox-row').filter({ hasText: 'Kadek Ayu Lestari' }).click();
  const pane = page.getByTestId('conversation-pane');
  await expect(pane.getByRole('heading', { name: 'Kadek Ayu Lestari' })).toBeVisible();

  // The panel searches on its own: a slow BPS never holds up the reply being typed.
  const composer = page.getByTestId('composer');
  const reply = composer.getByRole('textbox', { name: /balasan/i });
  await composer.getByRole('button', { name: 'Data BPS' }).click();
  const panel = page.getByTestId('bps-panel');
  await panel.getByRole('textbox', { name: 'Kata kunci' }).fill('wisatawan');
  bps.setSlow(1_500);
  await panel.getByRole('textbox', { name: 'Kata kunci' }).press('Enter');
  await expect(panel.getByRole('button', { name: 'Mencari di BPS…' })).toBeVisible();
  await reply.click();
  await reply.pressSequentially('Selamat siang Kak Kadek, data yang diminta tersedia di BPS Kabupaten Buleleng:');
  await expect(panel.getByRole('button', { name: 'Mencari di BPS…' })).toBeVisible();
  await expect(reply).toHaveValue('Selamat siang Kak Kadek, data yang diminta tersedia di BPS Kabupaten Buleleng:');
  bps.setSlow(0);

  // Buleleng first, then Bali, then Indonesia.
  const groups = panel.getByTestId('bps-group');
  await expect(groups).toHaveCount(3, { timeout: 15_000 });
  await expect(groups.nth(0)).toContainText('Kab. Buleleng');
  await expect(groups.nth(1)).toContainText('Provinsi Bali');
  await expect(groups.nth(2)).toContainText('Indonesia');
  const table = groups.nth(0).getByTestId('bps-item').filter({ hasText: 'Jumlah Wisatawan yang Berkunjung ke Objek Wisata di Kabupaten Buleleng, 2024' });
  await expect(table).toContainText('Diperbarui 3 Maret 2025');
  await shot(page, 'bps-02-panel-1366');
  await table.getByRole('button', { name: 'Sisipkan' }).click();
  const line =
    /Jumlah Wisatawan yang Berkunjung ke Objek Wisata di Kabupaten Buleleng, 2024 \(diperbarui 3 Maret 2025\): (https:\/\/bulelengkab\.bps\.go\.id\/\S+\.xlsx)$/;
  await expect(reply).toHaveValue(new RegExp(`^Selamat siang Kak Kadek, data yang diminta tersedia di BPS Kabupaten Buleleng:\\n${line.source}`));
  const url = line.exec(await reply.inputValue())![1]!;

  // Sent through the Bot API: the requester gets the link.
  await reply.press('Control+Enter');
  const sent = pane.locator('[data-testid="message"][data-direction="outgoing"]').filter({ hasText: url });
  await expect(sent).toHaveAttribute('data-delivery', 'sent', { timeout: 15_000 });
  const received = await bot.waitForSent(kadek.id, (r) => r.text?.includes(url) ?? false, 10_000);
  expect(received.text).toContain('(diperbarui 3 Maret 2025)');

  // Recorded for this consultation.
  const ticket = await pane.getAttribute('aria-label');
  const recorded = await page.evaluate(async (wanted) => {
    const pst = (globalThis as unknown as { pst: { call(m: string, i: unknown): Promise<{ ok: boolean; value: unknown }> } }).pst;
    const inbox = (await pst.call('inbox.list', {})).value as { items: { id: number; ticket: string }[] };
    const id = inbox.items.find((c) => c.ticket === wanted)!.id;
    return pst.call('bpsData.linksSent', { conversationId: id });
  }, ticket);
  expect(recorded).toMatchObject({ ok: true, value: [{ url, title: 'Jumlah Wisatawan yang Berkunjung ke Objek Wisata di Kabupaten Buleleng, 2024' }] });

  // With BPS out of reach, a search never made before says so; the panel stays usable.
  bps.setUnreachable(true);
  await panel.getByRole('textbox', { name: 'Kata kunci' }).fill('penduduk miskin');
  await panel.getByRole('textbox', { name: 'Kata kunci' }).press('Enter');
  await expect(panel.getByTestId('bps-problem')).toHaveText('Server BPS tidak dapat dihubungi. Periksa sambungan internet kantor, lalu coba lagi.', {
    timeout: 15_000,
  });
  await shot(page, 'bps-03-offline-1366');
  bps.setUnreachable(false);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await panel.getByRole('textbox', { name: 'Kata kunci' }).fill('indeks pembangunan manusia');
  await panel.getByRole('textbox', { name: 'Kata kunci' }).press('Enter');
  await expect(panel.getByTestId('bps-group').nth(0)).toContainText('Indeks Pembangunan Manusia Kabupaten Buleleng, 2020-2024');
  await shot(page, 'bps-04-panel-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Closed: the weekly report counts it among the consultations answered with an official link.
  await page.getByTestId('action-bar').getByRole('button', { name: 'Selesaikan' }).click();
  const resolve = page.getByTestId('resolve-dialog');
  await resolve.getByLabel('Ringkasan layanan').fill('Tautan tabel wisatawan objek wisata Buleleng 2024 dari BPS dikirim.');
  await resolve.getByRole('combobox', { name: 'Topik' }).click();
  await page.getByRole('option', { name: 'Pariwisata' }).click();
  await resolve.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(resolve).toHaveCount(0);
  await nav.getByText('Laporan').click();
  // This week (the page opens on last week's).
  await page.getByTestId('report-week').selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page.getByRole('group').filter({ hasText: 'Selesai dengan tautan data BPS' })).toHaveText('1Selesai dengan tautan data BPS');
  await shot(page, 'bps-05-report-1366');
});
