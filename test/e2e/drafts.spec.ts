import { expect, test, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/app';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { ADMIN, memorySession } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { open } from './console-login';
import { PEOPLE, seedConsole } from './console-seed';
import { startPixelServer, type PixelServer } from './pixel-server';
import { shot } from './shots';

/** Drafts live in the core: per officer per conversation, on any PC, across reloads and logins. */

const COLLEAGUE = { username: 'nyoman', displayName: 'Nyoman Petugas', password: 'rahasia-nyoman-123' };
let host: RunningHost;
let pixel: PixelServer;
let data: ReturnType<typeof tempDataDir>;
let legacyConversationId = 0;

test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-drafts-');
  pixel = await startPixelServer();
  await seedConsole(data.dir, pixel.url);
  // A colleague, through the core as an admin would add one in Pengaturan.
  const core = createCore({ dataDir: data.dir, host: 'browser', version: '0.0.0-test', cipher: new KeyFileCipher(join(data.dir, 'secret.key')) });
  try {
    const session = memorySession();
    const must = async (method: Parameters<typeof core.dispatch>[0], input: unknown) => {
      const result = await core.dispatch(method, input, session);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    };
    await must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await must('officers.create', { ...COLLEAGUE, role: 'officer' });
    const row = core.services.db
      .prepare('SELECT c.id FROM conversations c JOIN requesters r ON r.id = c.requester_id WHERE r.name = ?')
      .get(PEOPLE.incomplete) as { id: number };
    legacyConversationId = row.id;
  } finally {
    await core.close();
  }
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  await pixel?.close();
  data?.cleanup();
});

async function login(page: Page, account: { username: string; password: string }): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill(account.username);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('inbox-list')).toBeVisible();
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
}

/** Another PC: a browser context with nothing in its localStorage. */
async function otherPc(browser: Browser, account: { username: string; password: string }): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, account);
  return { page, close: () => context.close() };
}

// In the page (the node tsconfig has no DOM library, hence the structural type).
type PageStorage = { localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } };

const composerInput = (page: Page) => page.getByTestId('composer').getByRole('textbox');
const draftStatus = (page: Page) => page.getByTestId('draft-status');

test('a draft is kept per officer in the core, across a reload and logging out and in', async ({ page }) => {
  test.slow(); // several logins and reloads on a shared 2-core machine
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await login(page, ADMIN);
  await open(page, PEOPLE.ready);
  const draft = 'Yth. Ibu Kadek,\ndata penduduk Kecamatan Sukasada 2024 sedang kami siapkan';
  await composerInput(page).fill(draft);
  await expect(draftStatus(page)).toHaveText('Draf tersimpan');
  await shot(page, '59a-draft-saved');

  // Reload: the core's draft comes back.
  await page.reload();
  await open(page, PEOPLE.ready);
  await expect(composerInput(page)).toHaveValue(draft);
  await expect(draftStatus(page)).toHaveText('Draf tersimpan');

  // Log out, a colleague on this PC sees none of it and keeps their own.
  await logout(page);
  await login(page, COLLEAGUE);
  await open(page, PEOPLE.ready);
  await expect(composerInput(page)).toHaveValue('');
  await composerInput(page).fill('Catatan Nyoman: data ada di SP2020');
  await expect(draftStatus(page)).toHaveText('Draf tersimpan');
  await logout(page);

  // Back in: the admin's draft, not the colleague's.
  await login(page, ADMIN);
  await open(page, PEOPLE.ready);
  await expect(composerInput(page)).toHaveValue(draft);
  expect(pageErrors).toEqual([]);
});

test('unsaved text survives an instant reload, reaches another PC, and sending clears the draft', async ({ page, browser }) => {
  test.slow(); // several logins and reloads on a shared 2-core machine
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await login(page, ADMIN);
  await open(page, PEOPLE.ready);
  // The draft the previous test left arrives from the core after the conversation opens: wait for it.
  await expect(composerInput(page)).toHaveValue(/sedang kami siapkan/);
  const draft = await composerInput(page).inputValue();

  // Typed and reloaded at once (before the pause that saves it): not lost either.
  await composerInput(page).fill(`${draft}.`);
  await page.reload();
  await open(page, PEOPLE.ready);
  await expect(composerInput(page)).toHaveValue(`${draft}.`);
  await expect(draftStatus(page)).toHaveText('Draf tersimpan');

  // Another PC (nothing in its browser storage): the same draft, from the core.
  const second = await otherPc(browser, ADMIN);
  await open(second.page, PEOPLE.ready);
  await expect(composerInput(second.page)).toHaveValue(`${draft}.`);
  await second.close();

  // Switching conversations saves at once and each keeps its own.
  await open(page, PEOPLE.failed);
  await expect(composerInput(page)).toHaveValue('');
  await open(page, PEOPLE.ready);
  await expect(composerInput(page)).toHaveValue(`${draft}.`);

  // Sent: the draft is gone, here and after a reload.
  await composerInput(page).press('Control+Enter');
  await expect(
    page.getByTestId('conversation-pane').locator('[data-testid="message"][data-direction="outgoing"]').filter({ hasText: 'sedang kami siapkan.' }),
  ).toBeVisible();
  await expect(composerInput(page)).toHaveValue('');
  await expect(draftStatus(page)).toHaveCount(0);
  await page.reload();
  await open(page, PEOPLE.ready);
  await expect(composerInput(page)).toHaveValue('');
  await shot(page, '59b-draft-sent-cleared');
  expect(pageErrors).toEqual([]);
});

test('a draft this PC kept before drafts moved to the core is moved there once', async ({ page, browser }) => {
  await page.goto(host.url);
  await page.evaluate(
    ([key, value]) => (globalThis as unknown as PageStorage).localStorage.setItem(key!, value!),
    [`pst.draft.${legacyConversationId}`, JSON.stringify({ text: 'Draf lama di PC ini', mode: 'note' })],
  );
  await login(page, ADMIN);
  await open(page, PEOPLE.incomplete);
  await expect(composerInput(page)).toHaveValue('Draf lama di PC ini');
  await expect(page.getByTestId('composer').getByRole('tab', { name: 'Catatan internal' })).toHaveAttribute('aria-selected', 'true');
  await expect
    .poll(() => page.evaluate((key) => (globalThis as unknown as PageStorage).localStorage.getItem(key), `pst.draft.${legacyConversationId}`))
    .toBeNull();

  const second = await otherPc(browser, ADMIN);
  await open(second.page, PEOPLE.incomplete);
  await expect(composerInput(second.page)).toHaveValue('Draf lama di PC ini');
  await second.close();
});
