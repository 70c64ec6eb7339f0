import { expect, test, type Page } from '@playwright/test';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { freePortOn } from '../helpers/free-port';
import { tempDataDir } from '../helpers/temp';
import { login, open } from './console-login';
import { WAYAN } from './office-staff';
import { shot } from './shots';

/**
 * A client PC whose host goes away mid-session (the host PC crashes or is switched off) and comes
 * back on the same address with the same data: the officer is told since when, nothing is
 * written meanwhile, the reply typed meanwhile is kept and saved once the host is back. The
 * client is a PC of the office network: it works over the host's HTTPS listener (127.0.0.2, see
 * lan-two-pcs.spec.ts for why it connects from 127.0.0.1) with its login cookie, as in the office.
 */
const LAN_IP = '127.0.0.2';
let lanUrl: string;

const REQUESTER = 'Ketut Arya Wibawa';
const MINUTE = 60_000;
let data: ReturnType<typeof tempDataDir>;
let host: RunningHost;

const telegram = (n: number, text: string, at: number): InboundMessage => ({
  channel: 'telegram',
  externalId: `70001:${n}`,
  sourceId: '70001',
  displayName: REQUESTER,
  receivedAt: at,
  text,
  requester: { name: REQUESTER, telegramUserId: '70001' },
  thread: { mode: 'identity' },
});

test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-unreachable-');
  const core = startTestCore({ dir: data.dir });
  try {
    await core.must('auth.setupAdmin', ADMIN);
    await core.must('officers.create', { ...WAYAN, role: 'officer' });
    ingest(core.services, telegram(1, 'Selamat pagi, saya perlu data luas panen padi Kecamatan Gerokgak 2024.', Date.now() - 30 * MINUTE));
    const port = await freePortOn(LAN_IP);
    await core.must('lan.set', { enabled: true, bindAddresses: [LAN_IP], port, allowedSubnets: ['127.0.0.1/32'], idleMinutes: 30 });
    lanUrl = `https://${LAN_IP}:${port}`;
  } finally {
    await core.close();
  }
  host = await startLanHost();
});

/** The host PC's console, with its office-network listener up. */
async function startLanHost(): Promise<RunningHost> {
  const started = await startBrowserHost({ dataDir: data.dir });
  await expect.poll(() => started.output.some((line) => line.includes(lanUrl)), { timeout: 15_000 }).toBe(true);
  return started;
}
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

/** "10.42" in WITA, as the bar says it. */
const witaClock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16).replace(':', '.');

const composerInput = (page: Page) => page.getByTestId('composer').getByRole('textbox');
const outgoing = (page: Page, text: string) =>
  page.getByTestId('conversation-pane').locator('[data-testid="message"][data-direction="outgoing"]').filter({ hasText: text });

test('the host goes away and comes back: a bar since when, no write meanwhile, the typed reply kept, saved and sent once', async ({ browser }) => {
  test.slow(); // a host killed and started again on a shared 2-core machine
  const pc2 = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  const page = await pc2.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await login(page, lanUrl, WAYAN);
  await open(page, REQUESTER);
  await expect(page.getByTestId('host-alert')).toHaveCount(0);

  // The host PC's console stops without a goodbye (a crash, the power cut).
  const before = Date.now();
  const exited = new Promise((r) => host.process.once('exit', r));
  host.process.kill('SIGKILL');
  await exited;

  const bar = page.getByTestId('host-alert');
  await expect(bar).toBeVisible({ timeout: 15_000 });
  const after = Date.now();
  const clocks = new Set([witaClock(before), witaClock(after)]);
  const title = (await bar.textContent()) ?? '';
  expect(
    [...clocks].some((clock) => title.includes(`PC PST tidak terjangkau sejak ${clock} WITA — menunggu tersambung kembali…`)),
    `bar says: ${title}`,
  ).toBe(true);

  // The officer keeps typing: the text stays on screen and on this PC.
  const reply = 'Selamat siang, data luas panen padi Gerokgak 2024 ada di publikasi Kecamatan Gerokgak Dalam Angka 2025.';
  await composerInput(page).fill(reply);
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'local', { timeout: 10_000 });
  await expect(page.getByTestId('draft-status')).toHaveText('Draf disimpan di PC ini sampai PC PST tersambung kembali');

  // Kirim is refused in words, nothing queued; the text stays.
  await page.getByTestId('composer').getByRole('button', { name: 'Kirim' }).click();
  await expect(page.getByTestId('composer-error')).toContainText('PC PST tidak terjangkau: tidak ada yang disimpan.');
  await expect(page.getByTestId('composer-error')).not.toContainText('Failed to fetch');
  await expect(composerInput(page)).toHaveValue(reply);
  await shot(page, '62-host-unreachable-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, '63-host-unreachable-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Meanwhile the requester wrote again; the message reaches the store while this page cannot hear of it.
  const late = startTestCore({ dir: data.dir });
  try {
    ingest(late.services, telegram(2, 'Kalau bisa sekalian data produktivitasnya, terima kasih.', Date.now()));
  } finally {
    await late.close();
  }

  // The host starts again on the same address and data; the login cookie is still good.
  host = await startLanHost();
  await expect(bar).toHaveCount(0, { timeout: 20_000 });
  // What is on screen is read again: the message that arrived while the page was cut off shows.
  await expect(page.getByTestId('conversation-pane')).toContainText('sekalian data produktivitasnya');
  // The kept text went to the host as the officer's draft.
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await expect(composerInput(page)).toHaveValue(reply);

  // Another PC (nothing in its storage) signed in as the same officer finds the draft on the host.
  const other = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const otherPage = await other.newPage();
    await login(otherPage, lanUrl, WAYAN);
    await open(otherPage, REQUESTER);
    await expect(composerInput(otherPage)).toHaveValue(reply);
  } finally {
    await other.close();
  }

  // Nothing was written while the host was down: the reply is not in the thread until sent now, once.
  await expect(outgoing(page, 'Gerokgak Dalam Angka 2025')).toHaveCount(0);
  // The requester's newer message came in while the page was cut off: the core holds the reply back once, as it would on any PC.
  await page.getByTestId('composer').getByRole('button', { name: 'Kirim' }).click();
  await expect(page.getByTestId('composer-error')).toContainText('Ada 1 pesan baru di konsultasi ini sejak Anda membukanya');
  await expect(outgoing(page, 'Gerokgak Dalam Angka 2025')).toHaveCount(0);
  await page.getByTestId('composer').getByRole('button', { name: 'Kirim' }).click();
  await expect(outgoing(page, 'Gerokgak Dalam Angka 2025')).toHaveCount(1);
  await expect(composerInput(page)).toHaveValue('');
  expect(pageErrors).toEqual([]);
  await pc2.close();
});
