import { expect, type Page } from '@playwright/test';

export async function login(page: Page, url: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(account.username);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('inbox-list')).toBeVisible();
}

/** Opens a conversation from the inbox by the requester's name. */
export async function open(page: Page, name: string): Promise<void> {
  await page.getByTestId('inbox-row').filter({ hasText: name }).click();
  await expect(page.getByTestId('conversation-pane').getByRole('heading', { name })).toBeVisible();
}

/** The requester panel starts closed on a 1366-pixel screen; open it. */
export async function showRequesterPanel(page: Page): Promise<void> {
  if (await page.getByTestId('requester-panel').isVisible()) return;
  await page.getByTestId('requester-toggle').click();
  await expect(page.getByTestId('requester-panel')).toBeVisible();
}
