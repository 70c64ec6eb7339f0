import { expect, test } from '@playwright/test';
import { tempDataDir } from '../helpers/temp';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { manyName, seedMany } from './seed';
import { shot } from './shots';

// Enough pages (100 rows each) to prove paging and virtualization while seeding in about 2 s;
// PST_E2E_MANY=100000 runs the same test at full size (about a minute of seeding).
const COUNT = Number(process.env.PST_E2E_MANY ?? 3000);
const ROW_HEIGHT = 84; // src-renderer/inbox/InboxRow.tsx

let host: RunningHost;
let admin: { username: string; password: string };
// Made in beforeAll: module scope also runs in the runner process, which would leak the dir.
let data: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-many-');
  test.setTimeout(180_000);
  admin = await seedMany(data.dir, COUNT);
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

test(`a long inbox (${COUNT} conversations) pages and keeps the DOM small`, async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill(admin.username);
  await page.getByLabel('Kata sandi').fill(admin.password);
  await page.getByRole('button', { name: 'Masuk' }).click();

  const list = page.getByTestId('inbox-list');
  const rows = page.getByTestId('inbox-row');
  await expect(page.getByTestId('inbox-total')).toHaveText(`${COUNT.toLocaleString('id-ID')} konsultasi`);
  await expect(rows.first()).toContainText(manyName(1)); // no due yet: by id, oldest first
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(40);

  // Jump to the middle and to the end: the rows there load from their own pages.
  const middle = Math.floor(COUNT / 2);
  await list.evaluate((el, top) => el.scrollTo({ top }), middle * ROW_HEIGHT);
  await expect(rows.filter({ hasText: manyName(middle + 1) })).toBeVisible();
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(rows.filter({ hasText: manyName(COUNT) })).toBeVisible();
  expect(await rows.count()).toBeLessThan(40);
  await shot(page, '30-inbox-many-end');

  // Latest activity first: the newest conversation on top again.
  await page.getByRole('combobox', { name: 'Urutkan' }).click();
  await page.getByRole('option', { name: 'Aktivitas terakhir' }).click();
  await expect(rows.first()).toContainText(manyName(COUNT));
  await expect(list).toHaveJSProperty('scrollTop', 0);
});
