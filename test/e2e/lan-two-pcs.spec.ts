import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { connect as tlsConnect } from 'node:tls';
import { ingest } from '../../src-main/core/inbound/ingest';
import { certificateFingerprint } from '../../src-main/core/security/certificate-pin';
import { ADMIN, startTestCore } from '../helpers/core';
import { ApiClient, startBrowserHost, type RunningHost } from '../helpers/host';
import { startBotApiEmulator, testUser, type BotApiEmulator } from '../peers/telegram';
import { freePortOn } from '../helpers/free-port';
import { tempDataDir } from '../helpers/temp';
import { login, open } from './console-login';
import { SUPERVISOR, WAYAN } from './office-staff';
import { shot } from './shots';

/**
 * Two PCs, one inbox. The host PC serves the console on "the office network" 127.0.0.2 over
 * HTTPS; the admin works at the host PC itself, Wayan at "PC 2" in his own browser profile opens
 * https://127.0.0.2:<port>, logs in and answers a Telegram consultation; the admin sees the reply
 * arrive without reloading. Chromium cannot choose its source address: Linux connects it to
 * 127.0.0.2 from 127.0.0.1 (the loopback route's src), so "PC 2" is 127.0.0.1 and the allowed subnet
 * is 127.0.0.1/32; the integration test covers a refused neighbour with its own source addresses.
 */
const LAN_IP = '127.0.0.2';
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;
let port: number;
let fingerprint: string;
let bot: BotApiEmulator;

test.beforeAll(async () => {
  data = tempDataDir('pst-lan-e2e-');
  port = await freePortOn(LAN_IP);
  const core = startTestCore({ dir: data.dir });
  await core.must('auth.setupAdmin', ADMIN);
  await core.must('officers.create', { ...WAYAN, role: 'officer' });
  await core.must('officers.create', { ...SUPERVISOR, role: 'supervisor' });
  ingest(core.services, {
    channel: 'telegram',
    externalId: '7001:1',
    sourceId: '7001',
    displayName: 'Ketut Ayu',
    receivedAt: Date.now() - 10 * 60_000,
    text: 'Selamat siang, saya perlu data jumlah wisatawan Buleleng 2024.',
    thread: { mode: 'identity' },
  });
  // Switched on by the admin beforehand (the settings screen is checked below).
  const view = await core.must('lan.set', { enabled: true, bindAddresses: [LAN_IP], port, allowedSubnets: ['127.0.0.1/32'], idleMinutes: 30 });
  fingerprint = view.certificate!.fingerprint;
  await core.close();
  // Requesters on Telegram: the Bot API emulator on loopback, polled by the host PC only.
  bot = await startBotApiEmulator();
  host = await startBrowserHost({ dataDir: data.dir, env: { PST_TELEGRAM_API_ROOT: bot.apiRoot } });
  await expect.poll(() => host.output.some((line) => line.includes(`https://${LAN_IP}:${port}`)), { timeout: 10_000 }).toBe(true);
});

test.afterAll(async () => {
  await host?.stop();
  await bot?.close();
  data?.cleanup();
});

test('an officer on another PC answers over HTTPS and the host PC sees it live', async ({ browser, page }) => {
  // The certificate the other PC is shown is the one whose fingerprint the settings page gives.
  const served = await new Promise<string>((resolve, reject) => {
    const socket = tlsConnect({ host: LAN_IP, port, rejectUnauthorized: false }, () => {
      resolve(certificateFingerprint(socket.getPeerCertificate().raw));
      socket.destroy();
    });
    socket.once('error', reject);
  });
  expect(served).toBe(fingerprint);

  // The host PC: the admin on the console's own window (loopback).
  await login(page, host.url, ADMIN);
  await open(page, 'Ketut Ayu');

  // PC 2: another browser profile; its certificate warning was checked against the fingerprint once.
  const pc2 = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  const wayan = await pc2.newPage();
  const lanUrl = `https://${LAN_IP}:${port}/`;
  await login(wayan, lanUrl, WAYAN);
  expect(new URL(wayan.url()).protocol).toBe('https:');
  const cookies = await pc2.cookies(lanUrl);
  expect(cookies.find((c) => c.name === `__Host-pst_lan_${port}`)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  await open(wayan, 'Ketut Ayu');
  // Presence crosses PCs: the host PC sees that Wayan, at PC 2, has it open and then is typing.
  await expect(page.getByTestId('presence-viewing')).toHaveText(`Juga dibuka oleh ${WAYAN.displayName}`);
  const reply = wayan.getByTestId('composer').getByRole('textbox', { name: 'Tulis balasan' });
  await reply.pressSequentially('Selamat siang');
  await expect(page.getByTestId('presence-typing')).toHaveText(`${WAYAN.displayName} sedang mengetik…`);
  await reply.fill('Selamat siang Ibu Ketut, data wisatawan 2024 kami kirimkan hari ini.');
  await wayan.getByTestId('composer').getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(wayan.getByTestId('conversation-pane').getByTestId('message').filter({ hasText: 'data wisatawan 2024 kami kirimkan' })).toBeVisible();

  // The host PC sees it without a reload.
  await expect(page.getByTestId('conversation-pane').getByTestId('message').filter({ hasText: 'data wisatawan 2024 kami kirimkan' })).toBeVisible();

  // The admin's Pengaturan › Beberapa PC: the address, the fingerprint, and Wayan's session from another PC.
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Beberapa PC' }).click();
  await expect(page.getByTestId('lan-fingerprint')).toHaveText(fingerprint);
  await expect(page.getByTestId('lan-url')).toHaveText(`https://${LAN_IP}:${port}`);
  const wayanRow = page.getByTestId('lan-session-row').filter({ hasText: WAYAN.displayName });
  await expect(wayanRow).toContainText('127.0.0.1');
  // The admin's own row says so, and offers no "Akhiri sesi": one's own session ends with Keluar.
  const ownRow = page.getByTestId('lan-session-row').filter({ hasText: 'Anda' });
  await expect(ownRow).toHaveCount(1);
  await expect(ownRow.getByRole('button', { name: 'Akhiri sesi' })).toHaveCount(0);
  await shot(page, '60-lan-settings-1366');
  await page.getByTestId('lan-sessions').scrollIntoViewIfNeeded();
  await shot(page, '68-lan-sessions-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('lan-sessions').scrollIntoViewIfNeeded();
  await shot(page, '69-lan-sessions-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, '61-lan-settings-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // The admin ends Wayan's session: PC 2 is back at the login screen at its next step.
  await wayanRow.getByRole('button', { name: 'Akhiri sesi' }).click();
  await expect(wayanRow).toHaveCount(0);
  await wayan.reload();
  await expect(wayan.getByLabel('Nama pengguna')).toBeVisible();
  await pc2.close();
});

test('the supervisor in another room exports the weekly report over HTTPS and gets the files on their own PC', async ({ browser }) => {
  const kasiPc = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    acceptDownloads: true,
  });
  try {
    const kasi = await kasiPc.newPage();
    await login(kasi, `https://${LAN_IP}:${port}/`, SUPERVISOR);
    await kasi.getByRole('navigation').getByText('Laporan').click();
    await expect(kasi.getByRole('heading', { name: 'Laporan' })).toBeVisible();
    const downloading = kasi.waitForEvent('download');
    await kasi.getByRole('button', { name: 'Unduh XLSX', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    // A real workbook arrived on this PC: an xlsx is a zip, "PK" first.
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // The message says where the file is for this person: on this PC, with a copy on the PST PC.
    await expect(kasi.getByText(`Diunduh ke PC ini: ${download.suggestedFilename()}. Salinannya juga tersimpan di PC PST:`)).toBeVisible();
    await shot(kasi, '64-lan-supervisor-report-1366');
  } finally {
    await kasiPc.close();
  }
});

test('a requester writes on Telegram while an officer works at PC 2: the row arrives there live, the reply reaches Telegram once', async ({ browser }) => {
  // The admin saved the bot's token on the host PC (the wizard does this; here through the host's own API).
  const admin = new ApiClient(host.origin, host.token);
  expect((await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).body.ok).toBe(true);
  expect((await admin.call('telegram.saveToken', { token: bot.token })).body.ok).toBe(true);

  const pc2 = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1920, height: 1080 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  try {
    const wayan = await pc2.newPage();
    await login(wayan, `https://${LAN_IP}:${port}/`, WAYAN);
    const putu = testUser({ firstName: 'Putu', lastName: 'Sri', username: 'putusri' });
    const question = 'Om swastiastu, saya perlu data jumlah sekolah dasar per kecamatan di Buleleng 2025.';
    bot.userSendsText(putu, question);
    // No reload on PC 2: the host pushes the new consultation over the HTTPS event stream.
    // By the requester's name: the row's preview moves on to the bot's acknowledgement within moments.
    const row = wayan.getByTestId('inbox-row').filter({ hasText: 'Putu Sri' });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.click();
    await expect(wayan.getByTestId('conversation-pane')).toContainText(question);
    const answer = 'Om swastiastu, data jumlah SD per kecamatan 2025 ada di Kabupaten Buleleng Dalam Angka 2026, Bab Pendidikan.';
    const input = wayan.getByTestId('composer').getByRole('textbox', { name: 'Tulis balasan' });
    await input.fill(answer);
    await wayan.getByTestId('composer').getByRole('button', { name: 'Kirim', exact: true }).click();
    const sent = wayan.getByTestId('conversation-pane').locator('[data-testid="message"][data-direction="outgoing"]').filter({ hasText: 'Bab Pendidikan' });
    await expect(sent).toHaveAttribute('data-delivery', 'sent', { timeout: 15_000 });
    await bot.waitForSent(putu.id, (r) => r.text === answer, 10_000);
    await shot(wayan, '65-lan-pc2-telegram-1920');
    // Once: a second look finds one copy at the requester.
    expect(bot.sentTo(putu.id).filter((r) => r.text === answer)).toHaveLength(1);
  } finally {
    await pc2.close();
  }
});
