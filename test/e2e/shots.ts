import type { Page } from '@playwright/test';
import { join } from 'node:path';

/** Where the screens are kept for people to look at after a run. */
export const SCREENSHOT_DIR = join('test-results', 'screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}
