import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login, showRequesterPanel } from './console-login';
import { CLOSED_PERSON, MERGE_PERSON, OFFICER, PDF_BYTES, PNG_BANDS, seedRequesters } from './console-seed';
import { shot } from './shots';

let host: RunningHost;
let admin: { username: string; password: string };
let data: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-requester-');
  admin = await seedRequesters(data.dir);
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

const rowOf = (page: Page, name: string, channel: 'Telegram' | 'Email') =>
  page
    .getByTestId('inbox-row')
    .filter({ hasText: name })
    .filter({ has: page.getByRole('img', { name: channel }) });

test('attachments preview and download, requester history across a merge, closed rows without time left', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await login(page, host.url, admin);

  // A closed consultation (under "Semua konsultasi"): no "Sisa …"/"Terlambat …" in its row, only its status.
  await page.getByTestId('queue-all').click();
  const closedRow = page.getByTestId('inbox-row').filter({ hasText: CLOSED_PERSON });
  await expect(closedRow).toContainText('Selesai');
  await expect(closedRow.locator('[data-due]')).toHaveCount(0);
  await expect(closedRow).not.toContainText(/Sisa|Terlambat/);
  await shot(page, '70-inbox-closed-row');

  await rowOf(page, MERGE_PERSON.name, 'Telegram').click();
  const pane = page.getByTestId('conversation-pane');
  await expect(pane.getByRole('heading', { name: MERGE_PERSON.name })).toBeVisible();

  // The image previews from the core's bytes, as a Blob URL, byte for byte the ingested PNG.
  const image = pane.getByTestId('attachment').filter({ hasText: 'tabel-penduduk.png' });
  const preview = image.getByTestId('attachment-preview');
  // Loaded on demand: nothing is fetched while the file is out of view. (A short thread shows it at
  // once; the claim is only testable when the timeline starts below it.)
  const timeline = await pane.getByTestId('timeline').boundingBox();
  const at = await image.boundingBox();
  if (timeline && at && at.y + at.height < timeline.y) await expect(preview).toHaveCount(0);
  await image.scrollIntoViewIfNeeded();
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('src', /^blob:/);
  // The page's CSP keeps fetch() off blob: URLs, so read the decoded pixels back: the seed's size and three bands.
  // (Structural types: the node tsconfig has no DOM library.)
  type DecodedImage = { decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
  type Canvas = {
    width: number;
    height: number;
    getContext(kind: '2d'): {
      drawImage(i: unknown, x: number, y: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
  const decoded = await preview.evaluate(async (element) => {
    const img = element as unknown as DecodedImage;
    await img.decode();
    const canvas = (globalThis as unknown as { document: { createElement(tag: 'canvas'): Canvas } }).document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      bands: [10, 50, 90].map((y) => Array.from(context.getImageData(80, y, 1, 1).data.slice(0, 3))),
    };
  });
  expect(decoded.width).toBe(160);
  expect(decoded.height).toBe(100);
  expect(decoded.bands).toEqual(PNG_BANDS);
  await shot(page, '71-attachment-preview');

  // "Simpan" downloads the file under its own name with its exact bytes.
  const pdf = pane.getByTestId('attachment').filter({ hasText: 'penduduk-2024.pdf' });
  await expect(pdf.getByTestId('attachment-preview')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await pdf.getByRole('button', { name: 'Simpan' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('penduduk-2024.pdf');
  expect((await readFile(await download.path())).equals(PDF_BYTES)).toBe(true);
  // "Buka" opens the same bytes in a new window.
  const opening = page.waitForEvent('popup');
  await image.getByRole('button', { name: 'Buka' }).click();
  const popup = await opening;
  expect(popup.url()).toMatch(/^blob:/);
  await popup.close();

  // Before the merge: this person's Telegram consultation only.
  await showRequesterPanel(page);
  const panel = page.getByTestId('requester-panel');
  const history = panel.getByTestId('requester-history-item');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toHaveAttribute('data-channel', 'telegram');

  // Merge the email record of the same person into this one.
  await panel.getByRole('button', { name: 'Gabungkan dengan pengguna lain…' }).click();
  const dialog = page.getByTestId('merge-dialog');
  const picker = dialog.getByRole('combobox');
  await dialog.getByRole('button', { name: 'Gabungkan' }).click();
  await expect(dialog).toContainText('Pilih dulu pengguna yang akan digabungkan.');
  await picker.click();
  await picker.pressSequentially('Gede');
  await page.getByRole('option', { name: new RegExp(`${MERGE_PERSON.name}.*Email`) }).click();
  await expect(dialog.getByTestId('merge-confirm')).toContainText('tidak dapat dibatalkan');
  await shot(page, '72-merge-dialog');
  await dialog.getByRole('button', { name: 'Gabungkan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByText('1 konsultasi dipindahkan.')).toBeVisible();

  // After: both channels in this requester's list, and the email field came over from the other record.
  await expect(history).toHaveCount(2);
  expect((await history.evaluateAll((items) => items.map((i) => i.getAttribute('data-channel')))).sort()).toEqual(['email', 'telegram']);
  await expect(panel.getByRole('textbox', { name: 'Email' })).toHaveValue(MERGE_PERSON.email);
  await panel.getByRole('button', { name: 'Gabungkan dengan pengguna lain…' }).scrollIntoViewIfNeeded();
  await shot(page, '73-requester-history-merged');

  // A click on the email consultation opens it in the inbox.
  await history.filter({ has: page.getByRole('img', { name: 'Email' }) }).click();
  await expect(pane).toContainText('saya yang tadi bertanya lewat Telegram');
  await expect(page.locator('[data-testid="inbox-row"][data-selected="true"]').getByRole('img', { name: 'Email' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a plain officer edits their own display name and signature in Pengaturan', async ({ page }) => {
  await login(page, host.url, OFFICER);
  await page.getByRole('navigation').getByText('Pengaturan').click();
  // Only their own profile: the office-wide tabs stay with the admin.
  await expect(page.getByRole('tab')).toHaveText(['Profil saya']);
  const card = page.getByTestId('signature-settings');
  await card.getByRole('textbox', { name: 'Nama tampilan' }).fill('Made Petugas Layanan');
  await card.getByRole('textbox', { name: /^Tanda tangan/ }).fill('Made Petugas Layanan\nPST BPS Kabupaten Buleleng');
  await card.getByRole('button', { name: 'Simpan' }).click();
  await expect(card.getByText('Tersimpan')).toBeVisible();
  await shot(page, '74-officer-profile');

  // Stored by the core: a fresh page load shows both.
  await page.reload();
  await page.getByRole('navigation').getByText('Pengaturan').click();
  await expect(page.getByTestId('signature-settings').getByRole('textbox', { name: 'Nama tampilan' })).toHaveValue('Made Petugas Layanan');
  await expect(page.getByTestId('signature-settings').getByRole('textbox', { name: /^Tanda tangan/ })).toHaveValue(
    'Made Petugas Layanan\nPST BPS Kabupaten Buleleng',
  );
});

test('the inbox search finds a person by institution while typing, and opens their latest consultation', async ({ page }) => {
  await login(page, host.url, admin);
  // No Enter: the results follow the typing.
  await page.getByRole('searchbox', { name: 'Cari pesan' }).fill('SMAN 1 Sing');
  const people = page.getByTestId('search-people');
  await expect(people).toContainText(CLOSED_PERSON);
  await expect(people).toContainText('SMAN 1 Singaraja');
  await expect(people).toContainText('1 konsultasi');
  await shot(page, '75-search-person');
  await people.getByRole('button').filter({ hasText: CLOSED_PERSON }).click();
  await expect(page.getByTestId('conversation-pane').getByRole('heading', { name: CLOSED_PERSON })).toBeVisible();
});
