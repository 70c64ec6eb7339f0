import { expect, test } from '@playwright/test';
import { ApiClient, startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { startBotApiEmulator, testUser, type BotApiEmulator } from '../peers/telegram';
import { login, open } from './console-login';
import { shot } from './shots';

/**
 * A file Telegram will not hand over, as the officer meets it: the message is in the inbox at once
 * with the file marked "gagal diunduh" and "Coba unduh lagi"; once Telegram answers again, the
 * button brings the file in, pushed without a reload. And a Telegram outage that began before the
 * page was opened shows its bar at once, counted from when the channel stalled.
 */

const ADMIN = { username: 'admin.pst', displayName: 'Ni Luh Putu Ayu', password: 'kata-sandi-rahasia-1' };

let bot: BotApiEmulator;
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;
let api: ApiClient;

test.beforeAll(async () => {
  bot = await startBotApiEmulator();
  data = tempDataDir('pst-e2e-tgfiles-');
  host = await startBrowserHost({ dataDir: data.dir, env: { PST_TELEGRAM_API_ROOT: bot.apiRoot } });
  api = new ApiClient(host.origin, host.token);
  expect((await api.call('auth.setupAdmin', ADMIN)).body).toMatchObject({ ok: true });
  expect((await api.call('telegram.saveToken', { token: bot.token })).body).toMatchObject({ ok: true });
});
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus && host) await info.attach('host-output', { body: host.output.join('\n'), contentType: 'text/plain' });
});
test.afterAll(async () => {
  await host?.stop();
  await bot?.close();
  data?.cleanup();
});

test('a file that cannot be fetched: the message arrives at once, the file is marked, and "Coba unduh lagi" brings it', async ({ page }) => {
  bot.failNext('getFile', { status: 500, times: 1_000_000 });
  const ayu = testUser({ firstName: 'Ayu', lastName: 'Lestari' });
  const made = testUser({ firstName: 'Made', lastName: 'Wirawan' });
  bot.userSendsDocument(ayu, new TextEncoder().encode('%PDF-1.4\n% surat pengantar\n%%EOF\n'), {
    fileName: 'surat-pengantar.pdf',
    mimeType: 'application/pdf',
    caption: 'Ini surat pengantar dari kampus 🙏',
  });
  bot.userSendsText(made, 'Selamat pagi, saya perlu data PDRB Buleleng 2023');

  await login(page, host.url, ADMIN);
  // The message behind the file is not held back.
  await expect(page.getByTestId('inbox-row').filter({ hasText: 'Made Wirawan' })).toBeVisible({ timeout: 15_000 });
  await open(page, 'Ayu Lestari');
  const pending = page.getByTestId('conversation-pane').getByTestId('pending-file');
  await expect(pending).toHaveAttribute('data-file-name', 'surat-pengantar.pdf');
  await expect(pending).toContainText('gagal diunduh');
  await expect(pending).toContainText('Telegram tidak memberikan berkasnya');
  await expect(pending).toContainText('Dicoba lagi otomatis');
  await expect(pending).not.toContainText(bot.token.split(':')[1]!);
  await pending.scrollIntoViewIfNeeded();
  await shot(page, 'tg-01-file-pending');

  bot.clearFaults();
  await pending.getByRole('button', { name: 'Coba unduh lagi' }).click();
  const attachment = page.getByTestId('conversation-pane').getByTestId('attachment');
  await expect(attachment).toHaveAttribute('data-file-name', 'surat-pengantar.pdf', { timeout: 15_000 });
  await expect(pending).toHaveCount(0);
});

test('an outage that began before the page opened shows its bar at once', async ({ page }) => {
  bot.setUnreachable(true);
  try {
    await expect
      .poll(async () => ((await api.call('telegram.status', {})).body as { value: { state: string } | null }).value?.state, { timeout: 15_000 })
      .toBe('offline');
    // The page's clock starts a minute after the channel stalled: only the core's stalledSince can say so.
    await page.clock.install({ time: Date.now() + 61_000 });
    await login(page, host.url, ADMIN);
    const alert = page.getByTestId('channel-alert');
    await expect(alert).toHaveAttribute('data-channel', 'telegram');
    await expect(alert).toContainText('Tidak terhubung ke Telegram');
    await expect(alert).toContainText(/Terputus sejak (\d{1,2} \w{3}, )?\d{2}[.:]\d{2} WITA/);
    await expect(alert).not.toContainText(bot.apiRoot);
    await shot(page, 'tg-02-outage-bar');
  } finally {
    bot.setUnreachable(false);
  }
});
