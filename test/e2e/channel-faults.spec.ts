import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { ApiClient } from '../helpers/host';
import { login, useSeededConsole } from './console-login';
import { shot } from './shots';

/**
 * A mail server that cannot be reached: Pengaturan → Kanal says so, with the reason and the time
 * the console retries by itself ("Mencoba lagi pukul HH.mm WITA"), pushed without a reload.
 */

const ctx = useSeededConsole('pst-e2e-faults-');

/** A port nothing listens on (bound once on 127.0.0.1, then released). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

test('an unreachable mail server: offline, the reason, and when it retries', async ({ page }) => {
  const api = new ApiClient(ctx.host.origin, ctx.host.token);
  const auth = await api.call('auth.login', { username: ctx.admin.username, password: ctx.admin.password });
  expect(auth.body, JSON.stringify(auth.body)).toMatchObject({ ok: true });
  const port = await deadPort();
  const saved = await api.call('email.saveAccount', {
    enabled: true,
    imapHost: '127.0.0.1',
    imapPort: port,
    imapTls: 'starttls',
    smtpHost: '127.0.0.1',
    smtpPort: port,
    smtpTls: 'starttls',
    user: 'pst5108@example.test',
    fromAddress: '',
    senderName: 'PST BPS Kabupaten Buleleng',
    syncSince: null,
    tlsCaPem: null,
    password: 'kata-sandi-surel',
  });
  expect(saved.body).toMatchObject({ ok: true });

  // The page's clock is driven by the test, so the alert's one-minute grace period passes at once.
  await page.clock.install();
  await login(page, ctx.host.url, ctx.admin);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await page.getByRole('tab', { name: 'Kanal' }).click();
  const status = page.getByTestId('email-settings').getByTestId('channel-status');
  await expect(status).toContainText('Terputus', { timeout: 15_000 });
  // Why, in the officer's words: nothing listens on that port.
  await expect(status).toContainText('server menolak sambungan (tidak berjalan?)');
  await expect(status).not.toContainText('ECONNREFUSED');
  await expect(status.getByTestId('channel-next-retry')).toHaveText(/^Mencoba lagi pukul (\d{1,2} \w{3}, )?\d{2}[.:]\d{2} WITA$/);
  await status.scrollIntoViewIfNeeded();
  await shot(page, '90-channel-email-offline');
  // The admin may look behind the sentence: the library's own error, never the password.
  await status.getByRole('button', { name: 'Detail' }).click();
  const technical = status.getByTestId('channel-technical');
  await expect(technical).toContainText('ECONNREFUSED');
  await expect(technical).not.toContainText('kata-sandi-surel');
  await shot(page, '90b-channel-email-offline-detail');

  // Back in the inbox, after the grace minute: a bar above every page says what is wrong.
  await page.getByRole('navigation').getByText('Kotak Masuk').click();
  const alert = page.getByTestId('channel-alert');
  await expect(alert).toHaveCount(0);
  await page.clock.fastForward(61_000);
  await expect(alert).toHaveAttribute('data-channel', 'email');
  await expect(alert).toContainText('Email terputus');
  await expect(alert).toContainText(/Mencoba lagi pukul/);
  await shot(page, '91-channel-alert-inbox');
  await alert.getByText('Buka Pengaturan → Kanal').click();
  await expect(page.getByRole('tab', { name: 'Kanal' })).toBeVisible();
});
