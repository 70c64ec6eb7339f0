import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { MAIL_PEERS_SKIP_REASON, requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { accountInput, OFFICE } from '../integration/fixtures/email-env';
import { login, showRequesterPanel } from './console-login';

/**
 * Mail from the corpus (test/fixtures/mail) synced by the built browser host from Dovecot: what
 * the officer sees of inline images and of the identity read from the mail, and one click to apply it.
 */

const available = requireMailPeers('e2e email-identity');
test.skip(!available, MAIL_PEERS_SKIP_REASON);

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mail');
let peers: MailPeers;
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  peers = await startMailPeers();
  for (const file of ['02-outlook-agency-signature-table.eml', '17-yahoo-journalist-intro.eml', '01-gmail-student-form.eml', '28-same-requester-new-topic.eml'])
    await peers.deliver(OFFICE, readFileSync(join(FIXTURES, file)), { from: 'sender@example.test' });
  data = tempDataDir('pst-e2e-email-identity-');
  const core = startTestCore({ dir: data.dir });
  await core.must('auth.setupAdmin', ADMIN);
  await core.must('email.saveAccount', accountInput(peers));
  await core.dispose();
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  await peers?.close();
  data?.cleanup();
});

/** Opens the consultation whose first words (the inbox preview) are these. */
async function openByText(page: Page, text: string): Promise<void> {
  await page.getByTestId('inbox-row').filter({ hasText: text }).click();
  await expect(page.getByTestId('conversation-pane').getByTestId('message').first()).toBeVisible();
}

test('a signature logo is drawn in the mail, not listed as a file; the agency is not the name', async ({ page }) => {
  await login(page, host.url, ADMIN);
  await openByText(page, 'Sehubungan dengan penyusunan');
  const pane = page.getByTestId('conversation-pane');
  const frame = pane.getByTestId('email-html');
  await expect(frame).toHaveAttribute('srcdoc', /<img[^>]*src="data:image\/png;base64,/);
  expect(await frame.getAttribute('srcdoc')).not.toContain('cid:');
  await expect(pane.getByTestId('attachment')).toHaveCount(0);
  await showRequesterPanel(page);
  const panel = page.getByTestId('requester-panel');
  await expect(panel.getByRole('textbox').first()).toHaveValue('');
  const suggested = (field: string) => panel.locator(`[data-testid="identity-suggestion"][data-field="${field}"]`);
  await expect(suggested('name')).toHaveText([/Made Wirawan/]);
  await expect(suggested('institution').filter({ hasText: 'Dinas Kesehatan Kab. Buleleng' })).toContainText('nama pengirim');
  await expect(suggested('need')).toContainText('isi email pertama');
});

test('suggestions from a self-introduction: "Terapkan semua" fills the fields, nothing typed is overwritten', async ({ page }) => {
  await login(page, host.url, ADMIN);
  await openByText(page, 'Wayan Aryawan dari Redaksi');
  await showRequesterPanel(page);
  const panel = page.getByTestId('requester-panel');
  const suggested = (field: string) => panel.locator(`[data-testid="identity-suggestion"][data-field="${field}"]`);
  await expect(suggested('name')).toHaveText([/Wayan Aryawan/]);
  await expect(suggested('institution')).toHaveText([/Redaksi Bali Post.*perkenalan di email/]);
  await panel.getByTestId('identity-apply-all').click();
  await expect(panel.getByTestId('email-identity')).toHaveCount(0);
  await expect(panel.getByLabel('Nama', { exact: true })).toHaveValue('Wayan Aryawan');
  await expect(panel.getByLabel('Instansi/Universitas', { exact: true })).toHaveValue('Redaksi Bali Post');
  await expect(panel.getByLabel('Keperluan', { exact: true })).toHaveValue(/^Konfirmasi TPT Buleleng: Selamat siang/);
});

test("a requester with two consultations: each shows its own need, not the other one's", async ({ page }) => {
  await login(page, host.url, ADMIN);
  // Ni Kadek Ayu Lestari asks for IPM data, then (a new mail, no thread) for population by religion.
  await openByText(page, 'Selamat sore, saya juga memerlukan');
  await showRequesterPanel(page);
  const panel = page.getByTestId('requester-panel');
  const needs = panel.locator('[data-testid="identity-suggestion"][data-field="need"], [data-testid="identity-from-email"][data-field="need"]');
  await expect(needs).toHaveCount(1);
  await expect(needs).toContainText('agama');
  await expect(needs).not.toContainText('IPM');
});
