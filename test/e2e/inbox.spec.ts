import { expect, test } from '@playwright/test';
import { tempDataDir } from '../helpers/temp';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { seedInbox, type SeededInbox } from './seed';
import { shot } from './shots';

let host: RunningHost;
let seeded: SeededInbox;
// Made in beforeAll: module scope also runs in the runner process, which would leak the dir.
let data: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-inbox-');
  // Filled through the core while no host runs, then served by the built host.
  seeded = await seedInbox(data.dir);
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

test('populated inbox: rows, SLA colours, filters, conversation, unread title, search', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill(seeded.admin.username);
  await page.getByLabel('Kata sandi').fill(seeded.admin.password);
  await page.getByRole('button', { name: 'Masuk' }).click();

  const rows = page.getByTestId('inbox-row');
  await expect(page.getByTestId('inbox-total')).toHaveText(`${seeded.conversations} konsultasi`);
  await expect(rows).toHaveCount(seeded.conversations);
  await expect(page).toHaveTitle(`(${seeded.unread}) PST Console`);
  await expect(page.locator('[data-testid="inbox-row"][data-unread="true"]')).toHaveCount(seeded.unread);

  // The work queue: every chip counts what its list shows (the seed: 5 open, 1 new, 3 unread, 1
  // overdue, 1 waiting, 2 taken by the admin, 3 by nobody); the badge is the "Belum dibaca" chip.
  const chip = (name: string) => page.getByTestId(`queue-${name}`);
  await expect(chip('todo')).toHaveText('Perlu ditangani5');
  await expect(chip('new')).toHaveText('Baru1');
  await expect(chip('unread')).toHaveText(`Belum dibaca${seeded.unread}`);
  await expect(chip('overdue')).toHaveText('Terlambat1');
  await expect(chip('waiting')).toHaveText('Menunggu pengguna1');
  await expect(chip('mine')).toHaveText('Milik saya2');
  await expect(chip('unassigned')).toHaveText('Belum diambil3');
  // New first (Gede), then by due: Kadek (overdue), Made (6 h), Putu (60 h), Nyoman (no clock yet).
  await expect(rows.nth(0)).toContainText('Gede Pramana');
  await expect(rows.nth(1)).toContainText('Kadek Ayu Lestari');
  await expect(rows.nth(4)).toContainText('Nyoman Arta');
  await shot(page, '20-inbox-populated');

  // Sorted by due: the overdue one first (red), then the one due within a day (amber).
  await page.getByRole('combobox', { name: 'Urutkan' }).click();
  await page.getByRole('option', { name: 'Tenggat', exact: true }).click();
  await expect(rows.nth(0)).toContainText('Kadek Ayu Lestari');
  // Rows show the core's service time (working hours only), so the exact figures depend on when this runs;
  // the formatting itself is covered in test/unit/renderer-logic.test.ts.
  await expect(rows.nth(0).locator('[data-due="overdue"]')).toContainText(/^Terlambat /);
  // A running clock also says when it falls due: "Sisa 3 hari kerja · Rab 9 Des 15.30".
  await expect(rows.nth(1).locator('[data-due]')).toContainText(/^Sisa .* kerja · (Sen|Sel|Rab|Kam|Jum|Sab|Min) \d{1,2} \w{3} \d{2}\.\d{2}$/);
  await expect(rows.nth(2).locator('[data-due]')).toContainText(/^Sisa .* kerja/);

  // Filters are the core's: only email, then only overdue.
  await page.getByRole('combobox', { name: 'Kanal' }).click();
  await page.getByRole('option', { name: 'Email' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('inbox-total')).toHaveText('2 konsultasi');
  await page.getByRole('combobox', { name: 'Kanal' }).click();
  await page.getByRole('option', { name: 'Semua kanal' }).click();
  await chip('overdue').click();
  await expect(rows).toHaveCount(1);
  await chip('overdue').click();
  await expect(rows).toHaveCount(seeded.conversations);
  await chip('mine').click();
  await expect(rows).toHaveCount(2);
  await chip('todo').click();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Diproses' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Baru' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Diproses, Baru');
  // A status choice is the "Semua konsultasi" view: no chip is on.
  await expect(chip('todo')).toHaveAttribute('aria-pressed', 'false');
  await expect(rows).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Diproses' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Baru' }).click();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(seeded.conversations);

  // Reading a new consultation takes nothing: it stays new and nobody's, only its unread mark goes.
  await rows.filter({ hasText: 'Gede Pramana' }).click();
  await expect(page.getByTestId('conversation-pane')).toContainText('Gede Pramana');
  await expect(chip('unread')).toHaveText(`Belum dibaca${seeded.unread - 1}`);
  await expect(chip('new')).toHaveText('Baru1');
  await expect(chip('unassigned')).toHaveText('Belum diambil3');
  await expect(page.getByTestId('next-action')).toHaveText('Ambil');

  // Opening an unread conversation: its timeline, and it is marked read (title follows, live).
  const unreadRow = page.locator('[data-testid="inbox-row"][data-unread="true"]').filter({ hasText: 'Nyoman Arta' });
  await unreadRow.click();
  const pane = page.getByTestId('conversation-pane');
  await expect(pane).toContainText('Nyoman Arta');
  await expect(pane.getByTestId('message').filter({ hasText: 'persentase penduduk miskin' })).toContainText('WITA');
  await expect(page).toHaveTitle(`(${seeded.unread - 2}) PST Console`);
  await expect(rows.filter({ hasText: 'Nyoman Arta' })).toHaveAttribute('data-unread', 'false');
  await rows.filter({ hasText: 'Kadek Ayu Lestari' }).click();
  // Both incoming messages, oldest first (the core may add its own replies and activities).
  const incoming = pane.locator('[data-testid="message"][data-direction="incoming"]');
  await expect(incoming).toHaveCount(2);
  await expect(incoming.nth(0)).toContainText('Kecamatan Sukasada');
  await expect(incoming.nth(1)).toContainText('data per desa');
  await shot(page, '21-inbox-conversation');

  // Search: hits highlighted as <mark> elements.
  await page.getByRole('searchbox', { name: 'Cari pesan' }).fill(seeded.searchWord);
  await page.getByRole('searchbox', { name: 'Cari pesan' }).press('Enter');
  const results = page.getByTestId('search-results');
  await expect(results.locator('mark')).toHaveText([seeded.searchWord]);
  await expect(results).toContainText('Putu Sri Handayani');
  await shot(page, '22-inbox-search');
  await results.getByRole('button').first().click();
  await expect(pane).toContainText('Putu Sri Handayani');

  // English: rows and pane follow.
  await page.getByRole('button', { name: 'Kembali ke daftar' }).click();
  await page.getByRole('button', { name: /^Bahasa: / }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(rows.nth(0).locator('[data-due="overdue"]')).toContainText(/^Overdue /);
  await shot(page, '23-inbox-english');

  // The host goes away: a clear message where the data would be, and no unhandled error.
  await host.stop();
  await rows.filter({ hasText: 'Gede Pramana' }).click();
  await expect(page.getByTestId('conversation-error')).toHaveText(
    'The PST PC cannot be reached: nothing was saved. What you typed is kept; try again once it is back.',
  );
  await shot(page, '24-host-unreachable');
  expect(pageErrors).toEqual([]);
});
