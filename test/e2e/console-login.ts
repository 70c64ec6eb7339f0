import { expect, test, type Page } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { seedConsole } from './console-seed';
import { startPixelServer, type PixelServer } from './pixel-server';

export async function login(page: Page, url: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(account.username);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('inbox-list')).toBeVisible();
}

/** First run: the admin account typed into the console's first screen, as the office's admin does. */
export async function createFirstAdmin(page: Page, url: string, account: { username: string; displayName: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(account.username);
  await page.getByLabel('Nama tampilan').fill(account.displayName);
  await page.getByLabel(/^Kata sandi/).fill(account.password);
  await page.getByLabel('Ulangi kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();
}

/**
 * Opens a conversation from the inbox by the requester's name. The inbox opens on the work queue;
 * a closed consultation is found under "Semua konsultasi", as an officer would look for it.
 */
export async function open(page: Page, name: string): Promise<void> {
  const row = page.getByTestId('inbox-row').filter({ hasText: name });
  try {
    await row.first().waitFor({ state: 'visible', timeout: 3_000 });
  } catch {
    await page.getByTestId('queue-all').click();
  }
  await row.click();
  await expect(page.getByTestId('conversation-pane').getByRole('heading', { name })).toBeVisible();
}

/** The requester panel starts closed on a 1366-pixel screen; open it. */
export async function showRequesterPanel(page: Page): Promise<void> {
  if (await page.getByTestId('requester-panel').isVisible()) return;
  await page.getByTestId('requester-toggle').click();
  await expect(page.getByTestId('requester-panel')).toBeVisible();
}

/**
 * A seeded console for one spec file: the data dir is filled through the core (console-seed.ts),
 * then the built browser host serves it; all of it is torn down after the file's tests.
 */
export function useSeededConsole(prefix: string): { host: RunningHost; pixel: PixelServer; admin: { username: string; password: string } } {
  const ctx = {} as { host: RunningHost; pixel: PixelServer; admin: { username: string; password: string } };
  let data: ReturnType<typeof tempDataDir> | undefined;
  test.beforeAll(async () => {
    data = tempDataDir(prefix);
    ctx.pixel = await startPixelServer();
    ctx.admin = await seedConsole(data.dir, ctx.pixel.url);
    ctx.host = await startBrowserHost({ dataDir: data.dir });
  });
  test.afterAll(async () => {
    await ctx.host?.stop();
    await ctx.pixel?.close();
    data?.cleanup();
  });
  return ctx;
}
