import { expect, test, type Browser, type Page } from '@playwright/test';
import { ingest } from '../../src-main/core/inbound/ingest';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login, open } from './console-login';
import { shot } from './shots';

/**
 * Two officers at two desks on one inbox: each sees where the other is and what they type, a reply
 * written while the requester wrote again is held back once, and taking a colleague's consultation
 * asks first. Two browser contexts are two PCs' browsers (separate cookies).
 */
const MADE = { username: 'made', displayName: 'Made Sukarta', password: 'sandi-made-12345' };
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;
let ticket = '';

test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-queue-');
  const core = startTestCore({ dir: data.dir });
  await core.must('auth.setupAdmin', ADMIN);
  await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await core.must('officers.create', { username: MADE.username, displayName: MADE.displayName, role: 'officer', password: MADE.password });
  const { conversationId } = ingest(core.services, {
    channel: 'email',
    externalId: '<ayu-1@gmail.com>',
    sourceId: 'ayu.lestari@gmail.com',
    displayName: 'Ayu Lestari',
    receivedAt: Date.now() - 30 * 60_000,
    subject: 'Permohonan data kemiskinan',
    text: 'Selamat siang, saya mohon data persentase penduduk miskin Buleleng per kecamatan 2023.',
    requester: { name: 'Ayu Lestari', email: 'ayu.lestari@gmail.com' },
    thread: { mode: 'explicit' },
  });
  ticket = (core.services.db.prepare('SELECT ticket FROM conversations WHERE id = ?').get(conversationId) as { ticket: string }).ticket;
  await core.close();
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

async function desk(browser: Browser, account: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  const page = await context.newPage();
  await login(page, host.url, account);
  return page;
}

test('two officers: presence and typing, the send-time check, taking over with a question, a ticket typed into search', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await desk(browser, ADMIN);
  const made = await desk(browser, MADE);

  // The admin opens it by its ticket, typed as it was read out on the phone.
  const day = ticket.slice(10, 18);
  await admin.getByRole('searchbox', { name: 'Cari pesan' }).fill(`${day.slice(6, 8)}/${day.slice(4, 6)} ${Number(ticket.slice(-4))}`);
  await admin.getByRole('searchbox', { name: 'Cari pesan' }).press('Enter');
  await expect(admin.getByTestId('search-ticket')).toContainText(ticket);
  await expect(admin.getByTestId('conversation-pane').getByRole('heading', { name: 'Ayu Lestari' })).toBeVisible();
  await admin.getByRole('button', { name: 'Kembali ke daftar' }).click();

  // Made sees in the list that the admin has it open; opening it, both see each other.
  await expect(made.getByTestId('inbox-row').filter({ hasText: 'Ayu Lestari' }).getByTestId('row-presence')).toBeVisible();
  await open(made, 'Ayu Lestari');
  await expect(made.getByTestId('presence-viewing')).toHaveText('Juga dibuka oleh Admin PST');
  await expect(admin.getByTestId('presence-viewing')).toHaveText('Juga dibuka oleh Made Sukarta');

  // The admin takes it; Made types a note: the admin sees "sedang mengetik".
  await admin.getByTestId('next-action').click();
  await expect(admin.getByTestId('next-action')).toHaveText('Balas');
  await made.getByRole('tab', { name: 'Catatan internal' }).click();
  await made.getByRole('textbox', { name: /catatan/i }).pressSequentially('Data 2023 ada di BDA 2024', { delay: 20 });
  await expect(admin.getByTestId('presence-typing')).toHaveText('Made Sukarta sedang mengetik…');
  await shot(admin, '50-presence-typing');
  await made.getByTestId('composer').getByRole('button', { name: 'Simpan catatan' }).click();

  // The admin's reply was written before Made's note arrived: held back once, with why; the next Kirim sends.
  const reply = admin.getByTestId('composer').getByRole('textbox', { name: 'Tulis balasan' });
  await reply.fill('Selamat siang Ibu Ayu, data terlampir dalam format Excel.');
  await admin.getByTestId('composer').getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(admin.getByTestId('composer-error')).toContainText('Ada 1 pesan baru di konsultasi ini sejak Anda membukanya');
  await expect(admin.getByTestId('conversation-pane')).toContainText('Data 2023 ada di BDA 2024');
  await admin.getByTestId('composer').getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(admin.getByTestId('conversation-pane').getByTestId('message').filter({ hasText: 'data terlampir dalam format Excel' })).toBeVisible();
  await expect(admin.getByTestId('next-action')).toHaveText('Selesaikan');
  // Made sees who answered last.
  await expect(made.getByTestId('presence-last-reply')).toContainText('Balasan terakhir oleh Admin PST');

  // Made takes it over: asked first, and the timeline says from whom.
  await made.getByTestId('action-bar').getByRole('button', { name: 'Ambil', exact: true }).click();
  const dialog = made.getByTestId('take-over-dialog');
  await expect(dialog).toContainText('Konsultasi ini sedang ditangani Admin PST');
  await shot(made, '51-take-over-question');
  await dialog.getByRole('button', { name: 'Ambil alih' }).click();
  const takenOver = made.getByTestId('conversation-pane').locator('[data-direction="activity"]').filter({ hasText: 'Diambil alih dari Admin PST' });
  await expect(takenOver).toBeVisible();
  // A system event is one line; a click shows the whole of it.
  expect((await takenOver.boundingBox())!.height).toBeLessThan(24);
  // Each officer's words carry their initials.
  const adminReply = made.getByTestId('conversation-pane').getByTestId('message').filter({ hasText: 'data terlampir dalam format Excel' });
  await expect(adminReply.getByTestId('message-author')).toHaveText('Dibalas oleh Admin PST');
  await expect(adminReply.getByTestId('message-avatar')).toHaveText('AP');
  await expect(admin.getByTestId('conversation-pane')).toContainText('Petugas: Made Sukarta');

  // The admin leaves the conversation: Made no longer sees them in it.
  await admin.getByRole('navigation').getByText('Laporan').click();
  await expect(made.getByTestId('presence-viewing')).toHaveCount(0);
});
