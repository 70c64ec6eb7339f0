import { expect, test } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { shot } from './shots';

// `npm run demo` as built: the browser host with PST_DEMO=1 on a fresh temp data dir. The pace is
// ten times the human one so a new simulated consultation arrives within seconds; 300 seeded
// consultations instead of 400 keep the start inside the helper's 20 s on a busy machine.
test.describe.configure({ mode: 'serial' });

let host: RunningHost;

function demoLogin(): { username: string; password: string } {
  const login = /nama pengguna "(\S+)", kata sandi "(\S+)"/.exec(host.output.join('\n'));
  expect(login).not.toBeNull();
  return { username: login![1]!, password: login![2]! };
}
test.beforeAll(async () => {
  host = await startBrowserHost({ env: { PST_TRAINING: '1', PST_DEMO: '1', PST_TRAINING_PACE: '0.1', PST_TRAINING_CONVERSATIONS: '300' } });
});
test.afterAll(async () => {
  await host?.stop();
});

test('demo: printed login, MODE LATIHAN banner, seeded history, a new consultation arrives live', async ({ page }) => {
  test.setTimeout(90_000);
  // The host printed where its data lives (the temp dir, never the real one) and the demo login.
  const training = host.output.find((line) => line.startsWith('MODE LATIHAN'));
  expect(training).toContain(host.dataDir);
  const login = demoLogin();

  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill(login.username);
  await page.getByLabel('Kata sandi').fill(login.password);
  await page.getByRole('button', { name: 'Masuk' }).click();

  await expect(page.getByTestId('training-banner')).toContainText('MODE LATIHAN');
  // The console opens on the work queue; the seeded history is under "Semua konsultasi".
  await expect(page.getByTestId('queue-todo')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('queue-all').click();
  const total = page.getByTestId('inbox-total');
  await expect(total).toHaveText(/^\d[\d.]* konsultasi$/);
  const seeded = Number((await total.innerText()).replace(/\D/g, ''));
  expect(seeded).toBeGreaterThanOrEqual(300);
  await expect(page.getByTestId('inbox-row').first()).toBeVisible();
  await shot(page, '41-training-demo-inbox');

  // A simulated requester writes in while the officer watches: the list grows without a reload.
  await expect(async () => {
    expect(Number((await total.innerText()).replace(/\D/g, ''))).toBeGreaterThan(seeded);
  }).toPass({ timeout: 45_000 });
  await shot(page, '42-training-demo-live-arrival');
});

test('demo: a trainee takes the newest consultation from first message to rating', async ({ page }) => {
  test.setTimeout(90_000);
  const login = demoLogin();
  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill(login.username);
  await page.getByLabel('Kata sandi').fill(login.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('training-banner')).toBeVisible();

  // The newest activity is what the simulated people wrote since the demo started.
  await page.getByRole('combobox', { name: 'Urutkan' }).click();
  await page.getByRole('option', { name: 'Aktivitas terakhir' }).click();
  await page.getByTestId('inbox-row').first().click();
  const pane = page.getByTestId('conversation-pane');
  await expect(pane).toBeVisible();
  await page.getByTestId('action-bar').getByRole('button', { name: 'Ambil', exact: true }).click();

  await page
    .getByTestId('composer')
    .getByRole('textbox', { name: 'Tulis balasan' })
    .fill('Terima kasih, data yang diminta kami kirimkan dalam format Excel. Sumber: Kabupaten Buleleng Dalam Angka.');
  await page.getByTestId('composer').getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(pane).toContainText('Terima kasih, data yang diminta kami kirimkan');

  await page.getByTestId('action-bar').getByRole('button', { name: 'Selesaikan', exact: true }).click();
  const dialog = page.getByTestId('resolve-dialog');
  await dialog.getByRole('textbox', { name: /Ringkasan layanan/ }).fill('Data dikirim dalam format Excel beserta sumbernya.');
  await dialog.getByRole('combobox', { name: /Topik/ }).click();
  await page.getByRole('option', { name: 'Lainnya' }).click();
  await dialog.getByRole('button', { name: 'Selesaikan', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The simulated requester answers the rating request (a button press on Telegram, a mail by email).
  await expect(pane).toContainText('Penilaian diterima', { timeout: 30_000 });
  await expect(pane.getByText('Dinilai', { exact: true }).first()).toBeVisible();
  await shot(page, '43-training-demo-rated');
});
