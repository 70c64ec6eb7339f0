import { expect, test, type Page } from '@playwright/test';
import { login, showRequesterPanel, useSeededConsole } from './console-login';
import { PEOPLE } from './console-seed';
import { shot } from './shots';

/**
 * Every page at the office's common screen (1366×768) and a wide one (1920×1080), shot for people
 * to look at, and checked for what a person would notice at once: nothing scrolls sideways.
 */
const ctx = useSeededConsole('pst-e2e-screens-');

/** Elements wider than their box that scroll (or would clip) sideways, by test id or tag. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  // Run in the page (a string: the test's TypeScript knows no DOM).
  return page.evaluate(`(() => {
    const found = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push('document');
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (scrolls && el.scrollWidth > el.clientWidth + 1) found.push(el.dataset.testid || el.getAttribute('aria-label') || el.tagName.toLowerCase());
    }
    return found;
  })()`);
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`every page at ${width}×${height}: shot, and no sideways scrolling`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height });
    await login(page, ctx.host.url, ctx.admin);
    const size = `${width}x${height}`;
    await expect(page.getByTestId('inbox-row').first()).toBeVisible();
    await shot(page, `60-${size}-inbox-queue`);
    expect(await sidewaysScrollers(page)).toEqual([]);

    await page.getByTestId('inbox-row').filter({ hasText: PEOPLE.ready }).click();
    await expect(page.getByTestId('conversation-pane')).toBeVisible();
    await shot(page, `61-${size}-conversation`);
    await showRequesterPanel(page);
    await shot(page, `62-${size}-conversation-requester`);
    expect(await sidewaysScrollers(page)).toEqual([]);
    // Below 1600 pixels the menu is icons only and the requester panel lies over the thread.
    const nav = await page.getByRole('navigation').boundingBox();
    expect(nav!.width).toBeLessThan(width < 1600 ? 80 : 300);
    expect(nav!.width).toBeGreaterThan(width < 1600 ? 40 : 200);

    for (const name of ['Pengaduan', 'Laporan']) {
      await page.getByRole('navigation').getByText(name).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await shot(page, `63-${size}-${name.toLowerCase()}`);
      expect([name, await sidewaysScrollers(page)]).toEqual([name, []]);
    }
    await page.getByRole('navigation').getByText('Pengaturan').click();
    const tabs = page.getByRole('tablist').first().getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const label = (await tab.innerText()).trim();
      await tab.click();
      await page.waitForLoadState('networkidle');
      await shot(page, `64-${size}-pengaturan-${i}-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`);
      expect([label, await sidewaysScrollers(page)]).toEqual([label, []]);
    }
  });
}
