import { expect, test, type Page } from '@playwright/test';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { MAIL_PEERS_SKIP_REASON, requireMailPeers } from '../peers/mail';
import { testUser } from '../peers/telegram';
import { hostileHtml } from './console-seed';
import {
  answerIntake,
  ARCHIVE,
  buttonData,
  CITIZEN,
  HOSTILE,
  OFFICE,
  officeAccount,
  receivedWith,
  rfc822,
  sentFolderHas,
  startLivePeers,
  type LivePeers,
} from './live-peers';
import { startPixelServer, type PixelServer } from './pixel-server';
import { createFirstAdmin } from './console-login';
import { shot } from './shots';

/**
 * Issue 6 end to end on live channels: the built browser host with the Telegram connector on the
 * Bot API emulator and the email connector on Dovecot + the SMTP peer. Everything the officer sees
 * arrives by push (no reload); everything the officer sends is read back at the peers.
 */

const ADMIN = { username: 'admin.pst', displayName: 'Ni Luh Putu Ayu', password: 'kata-sandi-rahasia-1' };
const KETUT = { name: 'Ketut Sari Dewi', address: CITIZEN.user };
const OLD_MAIL_WORD = 'Kintamani';

const available = requireMailPeers('e2e live-channels');
test.skip(!available, MAIL_PEERS_SKIP_REASON);

let peers: LivePeers;
let pixel: PixelServer;
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;

test.beforeAll(async () => {
  peers = await startLivePeers();
  pixel = await startPixelServer();
  // A mail from months ago already in the office INBOX: the first sync brings it in, search finds it.
  const old = await rfc822({
    from: `Gede Arsana <${ARCHIVE.user}>`,
    to: OFFICE.user,
    subject: 'Data produksi kopi',
    text: `Mohon data produksi kopi arabika ${OLD_MAIL_WORD} per kecamatan tahun 2019.`,
    date: new Date(Date.UTC(2026, 2, 10, 2, 0, 0)),
  });
  await peers.mail.append(OFFICE.user, 'INBOX', old, ['\\Seen'], new Date(Date.UTC(2026, 2, 10, 2, 0, 0)));
  data = tempDataDir('pst-e2e-live-');
  host = await startBrowserHost({ dataDir: data.dir, env: { PST_TELEGRAM_API_ROOT: peers.telegram.apiRoot } });
});
// The host's own log beside a failure (a crash, a connector error) says more than a missing row.
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus && host) await info.attach('host-output', { body: host.output.join('\n'), contentType: 'text/plain' });
});
test.afterAll(async () => {
  await host?.stop();
  await peers?.close();
  await pixel?.close();
  data?.cleanup();
});

const rows = (page: Page) => page.getByTestId('inbox-row');
const unreadCount = async (page: Page) => Number(/^\((\d+)\)/.exec(await page.title())?.[1] ?? 0);

async function openRow(page: Page, name: string | RegExp): Promise<void> {
  await rows(page).filter({ hasText: name }).click();
  await expect(page.getByTestId('conversation-pane').getByRole('heading', { name })).toBeVisible();
}

async function reply(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('composer').getByRole('textbox');
  await input.fill(text);
  await input.press('Control+Enter');
  const sent = page.getByTestId('conversation-pane').locator('[data-testid="message"][data-direction="outgoing"]').filter({ hasText: text });
  // Pending first, then "sent" once the connector reported it: pushed, no reload.
  await expect(sent).toHaveAttribute('data-delivery', 'sent', { timeout: 15_000 });
}

async function resolve(page: Page, summary: string, topic: string): Promise<void> {
  await page.getByTestId('action-bar').getByRole('button', { name: 'Selesaikan' }).click();
  const dialog = page.getByTestId('resolve-dialog');
  await dialog.getByRole('textbox').fill(summary);
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: topic }).click();
  await dialog.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(dialog).toHaveCount(0);
}

async function showRequesterPanel(page: Page): Promise<void> {
  if (await page.getByTestId('requester-panel').isVisible()) return;
  await page.getByTestId('requester-toggle').click();
  await expect(page.getByTestId('requester-panel')).toBeVisible();
}

test('Telegram and email live: arrive without reload, replies reach the peers, ratings come back, search finds old mail, hostile HTML stays inert', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // No dialog may open at any point (the hostile mail below tries alert() in many ways).
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const consoleMessages: string[] = [];
  page.on('console', (m) => consoleMessages.push(m.text()));
  const bot = peers.telegram;

  // First run: the admin account, then the wizard's Telegram step with the bot token.
  await createFirstAdmin(page, host.url, ADMIN);
  const wizard = page.getByTestId('setup-wizard');
  const telegram = wizard.getByTestId('telegram-settings');
  await telegram.getByLabel('Token bot').fill(bot.token);
  await telegram.getByRole('button', { name: 'Uji dan simpan' }).click();
  await expect(telegram.getByText('Token diuji dan disimpan. Bot mulai menerima pesan.')).toBeVisible();
  await expect(telegram.getByTestId('telegram-bot')).toHaveText('Bot tersimpan: @pst_buleleng_test_bot');
  await expect(telegram.getByTestId('channel-status')).toContainText('Tersambung');
  await shot(page, 'live-01-wizard-telegram');

  // The office mailbox, typed into the wizard's email step as an admin would (the peer's own CA
  // certificate included), tested live against Dovecot and the SMTP peer, then saved.
  const account = officeAccount(peers.mail);
  await wizard.getByRole('button', { name: 'Lanjut' }).click();
  const email = wizard.getByTestId('email-settings');
  await email.getByRole('textbox', { name: 'Server IMAP' }).fill(account.imapHost);
  await email.getByRole('textbox', { name: 'Port IMAP' }).fill(String(account.imapPort));
  await email.getByRole('combobox', { name: 'Keamanan IMAP' }).click();
  await page.getByRole('option', { name: 'STARTTLS' }).click();
  await email.getByRole('textbox', { name: 'Server SMTP' }).fill(account.smtpHost);
  await email.getByRole('textbox', { name: 'Port SMTP' }).fill(String(account.smtpPort));
  await email.getByRole('textbox', { name: 'Nama login' }).fill(account.user);
  await email.getByLabel('Kata sandi').fill(account.password!);
  await email.getByTestId('email-tls-ca').fill(account.tlsCaPem!);
  // A new account takes the last 30 days by default, counted before anything starts (the old mail
  // is not among them); this office wants its whole INBOX, so the admin clears the date.
  const since = email.getByTestId('email-sync-since');
  await expect(since).not.toHaveValue('');
  await email.getByRole('button', { name: 'Uji koneksi' }).click();
  const checks = email.getByTestId('email-checks');
  await expect(checks).toContainText(/INBOX berisi 1 surel, IDLE; 0 surel sejak \d{2}-\d{2}-\d{4} akan diambil/);
  await since.fill('');
  await email.getByRole('button', { name: 'Uji koneksi' }).click();
  await expect(checks).not.toContainText('surel sejak');
  await expect(checks).toContainText('IMAP tersambung: INBOX berisi 1 surel, IDLE');
  await expect(checks).toContainText('SMTP tersambung dan login berhasil');
  await email.getByRole('button', { name: 'Simpan' }).click();
  await expect(email.getByText('Akun email disimpan.')).toBeVisible();
  await expect(email.getByTestId('channel-status')).toContainText(/Siaga|Tersambung/, { timeout: 15_000 });
  await email.getByTestId('channel-status').scrollIntoViewIfNeeded();
  await shot(page, 'live-02-wizard-email');
  await wizard.getByRole('button', { name: 'Lewati semua' }).click();

  // The first sync brought the old mail in; it waited far longer than a working day: no acknowledgement.
  await expect(rows(page).filter({ hasText: 'Gede Arsana' })).toBeVisible();
  await expect(page).toHaveTitle('(1) PST Console');
  await shot(page, 'live-03-inbox-old-mail');

  // A Telegram user writes: the row appears without reload, the unread count follows.
  const made = testUser({ firstName: 'Made', lastName: 'Wisnu', username: 'madewisnu' });
  const telegramQuestion = 'Selamat siang, saya perlu data kunjungan wisatawan ke Lovina tahun 2025.';
  bot.userSendsText(made, telegramQuestion);
  // Until the requester answers the bot's question for the full name, the row shows the Telegram profile name.
  const madeRow = rows(page).filter({ hasText: telegramQuestion });
  await expect(madeRow).toContainText('Made Wisnu');
  await expect(madeRow).toHaveAttribute('data-unread', 'true');
  await expect(page).toHaveTitle('(2) PST Console');
  // The bot acknowledges with the ticket, then asks for what the service standard requires.
  const ack = await bot.waitForSent(made.id, (r) => /KONS-5108-\d{8}-\d{4}/.test(r.text ?? ''), 10_000);
  const telegramTicket = /KONS-5108-\d{8}-\d{4}/.exec(ack.text!)![0];
  const asked = await answerIntake(bot, made, {
    name: 'Made Wisnu Pratama',
    institution: 'Universitas Pendidikan Ganesha',
    email: 'made.wisnu@example.test',
    whatsapp: '0812-3456-7890',
    occupation: 'Pelajar/Mahasiswa',
    need: 'Jumlah kunjungan wisatawan ke Lovina 2025 per bulan, untuk skripsi',
  });
  expect(asked).toEqual(['name', 'institution', 'email', 'whatsapp', 'occupation', 'need']);
  // The answers reach the row as they come: the name is the one the requester gave.
  await expect(rows(page).filter({ hasText: 'Made Wisnu Pratama' })).toBeVisible();
  await shot(page, 'live-04-inbox-telegram');

  // An email arrives through LMTP: its row appears without reload too.
  const emailQuestion = 'Mohon data Indeks Pembangunan Manusia Kabupaten Buleleng 2020-2025.';
  await peers.mail.deliver(
    OFFICE.user,
    await rfc822({
      from: `${KETUT.name} <${KETUT.address}>`,
      to: OFFICE.user,
      subject: 'Permintaan data IPM Buleleng',
      text: `Yth. PST,\n\n${emailQuestion}\n\nSalam,\nKetut`,
    }),
    { from: KETUT.address },
  );
  const ketutRow = rows(page).filter({ hasText: KETUT.name });
  await expect(ketutRow).toBeVisible({ timeout: 15_000 });
  await expect(ketutRow).toHaveAttribute('data-unread', 'true');
  await expect.poll(() => unreadCount(page)).toBe(3);
  await expect(rows(page)).toHaveCount(3);
  await shot(page, 'live-05-inbox-email');

  // The Telegram conversation: the intake filled every requirement, the SLA clock runs.
  await openRow(page, 'Made Wisnu Pratama');
  await expect.poll(() => unreadCount(page)).toBe(2);
  await showRequesterPanel(page);
  await expect(page.getByTestId('requirements-checklist').locator('[data-missing="true"]')).toHaveCount(0);
  await expect(page.getByTestId('requester-panel').getByRole('textbox', { name: 'Keperluan' })).toHaveValue(/Lovina 2025 per bulan/);
  const telegramReply = 'Data kunjungan wisatawan ke Lovina 2025 per bulan ada di publikasi Buleleng Dalam Angka 2026, tabel 10.2.';
  await reply(page, telegramReply);
  const delivered = await bot.waitForSent(made.id, (r) => r.text === telegramReply, 10_000);
  expect(delivered.text).toBe(telegramReply);
  await shot(page, 'live-06-telegram-replied');

  // The email conversation: the officer completes the requirements in the requester panel.
  await openRow(page, KETUT.name);
  await expect.poll(() => unreadCount(page)).toBe(1);
  const panel = page.getByTestId('requester-panel');
  await expect(panel.getByRole('textbox', { name: 'Email aktif' })).toHaveValue(KETUT.address);
  await panel.getByRole('textbox', { name: 'Instansi/Universitas' }).fill('Bappeda Kabupaten Buleleng');
  await panel.getByRole('combobox', { name: 'Pekerjaan' }).click();
  await page.getByRole('option', { name: 'ASN/TNI/Polri' }).click();
  await panel.getByRole('textbox', { name: 'Nomor WhatsApp' }).fill('0813-3777-1234');
  await panel.getByRole('textbox', { name: 'Keperluan' }).fill('IPM Buleleng 2020-2025 untuk dokumen perencanaan');
  await panel.getByRole('button', { name: 'Simpan data' }).click();
  await expect(page.getByTestId('requirements-checklist').locator('[data-missing="true"]')).toHaveCount(0);
  const emailReply = 'IPM Kabupaten Buleleng 2020-2025 terlampir di tautan publikasi IPM Provinsi Bali 2025, halaman 34.';
  const smtpBefore = peers.mail.smtp.received.length;
  await reply(page, emailReply);
  // It reached the citizen's mailbox through the SMTP peer, threaded with the ticket, and a copy is in Sent.
  await expect.poll(async () => (await receivedWith(peers.mail, smtpBefore, emailReply)) !== undefined).toBe(true);
  const replyMail = (await receivedWith(peers.mail, smtpBefore, emailReply))!;
  expect(replyMail.message.envelope.rcptTo).toEqual([KETUT.address]);
  expect(replyMail.parsed.subject).toMatch(/Permintaan data IPM Buleleng.*KONS-5108-\d{8}-\d{4}/);
  expect(replyMail.parsed.inReplyTo).toMatch(/^<.+>$/);
  await expect.poll(() => sentFolderHas(peers.mail, OFFICE.user, replyMail.parsed.messageId!), { timeout: 10_000 }).toBe(true);
  await shot(page, 'live-07-email-replied');

  // Resolve the Telegram one: the rating buttons reach the user, who presses 5 and writes feedback.
  await openRow(page, 'Made Wisnu Pratama');
  await resolve(page, 'Dikirim rujukan tabel kunjungan wisatawan Lovina 2025.', 'Pariwisata');
  const ratingRequest = await bot.waitForSent(made.id, (r) => (r.text ?? '').includes(`Konsultasi ${telegramTicket} telah selesai`), 10_000);
  bot.userPressesButton(made, ratingRequest.messageId, buttonData(ratingRequest, '5⭐'));
  const prompt = await bot.waitForSent(made.id, (r) => (r.text ?? '').startsWith('Jika berkenan, tuliskan saran'), 10_000);
  expect(buttonData(prompt, 'Lewati')).toBe('f:skip');
  bot.userSendsText(made, 'Sangat membantu, terima kasih');
  await bot.waitForSent(made.id, (r) => r.text === 'Terima kasih atas saran dan masukan Anda.', 10_000);
  // The rating shows in the open conversation without reload.
  const facts = page.getByTestId('service-facts');
  await expect(facts).toContainText('5/5 · “Sangat membantu, terima kasih” (Telegram)');
  await expect(page.getByTestId('conversation-pane')).toContainText('Dinilai');
  await facts.scrollIntoViewIfNeeded();
  await shot(page, 'live-08-telegram-rated');

  // Resolve the email one: the rating request mail reaches the citizen, who answers "4 - …".
  await openRow(page, KETUT.name);
  const smtpBeforeRating = peers.mail.smtp.received.length;
  await resolve(page, 'Dikirim rujukan publikasi IPM 2020-2025.', 'IPM');
  await expect.poll(async () => (await receivedWith(peers.mail, smtpBeforeRating, 'Mohon beri penilaian')) !== undefined).toBe(true);
  const ratingMail = (await receivedWith(peers.mail, smtpBeforeRating, 'Mohon beri penilaian'))!;
  expect(ratingMail.message.envelope.rcptTo).toEqual([KETUT.address]);
  const ratingId = ratingMail.parsed.messageId!;
  await peers.mail.deliver(
    OFFICE.user,
    await rfc822({
      from: `${KETUT.name} <${KETUT.address}>`,
      to: OFFICE.user,
      subject: `Re: ${ratingMail.parsed.subject}`,
      inReplyTo: ratingId,
      references: ratingId,
      text: '4 - datanya lengkap, terima kasih\n\nPada hari itu, PST menulis:\n> Mohon beri penilaian',
    }),
    { from: KETUT.address },
  );
  await expect(facts).toContainText('4/5 · “datanya lengkap, terima kasih” (Email)', { timeout: 15_000 });
  await expect(page.getByTestId('conversation-pane')).toContainText('Dinilai');
  await facts.scrollIntoViewIfNeeded();
  await shot(page, 'live-09-email-rated');

  // Search finds the months-old mail; picking the hit opens its conversation.
  const search = page.getByRole('searchbox', { name: 'Cari pesan' });
  await search.fill(OLD_MAIL_WORD);
  await search.press('Enter');
  const results = page.getByTestId('search-results');
  await expect(results.locator('mark')).toHaveText([OLD_MAIL_WORD]);
  await expect(results).toContainText('Gede Arsana');
  await shot(page, 'live-10-search-old-mail');
  await results.getByRole('button').first().click();
  await expect(page.getByTestId('conversation-pane').getByRole('heading', { name: 'Gede Arsana' })).toBeVisible();
  await expect(page.getByTestId('conversation-pane')).toContainText('produksi kopi arabika Kintamani');
  await shot(page, 'live-11-old-mail-opened');

  // Nothing went to the old correspondent: no acknowledgement of mail that old.
  expect(peers.mail.smtp.received.filter((m) => m.envelope.rcptTo.includes(ARCHIVE.user))).toEqual([]);

  // Hostile HTML through the whole path (LMTP → IMAP → mailparser → store → sanitizer → sandboxed frame):
  // it renders, runs no script, asks nothing of the tracking pixel, and leaves the page as it was.
  await page.getByRole('button', { name: 'Kembali ke daftar' }).click();
  const hostile = await rfc822({
    from: `Wayan Penipu <${HOSTILE.user}>`,
    to: OFFICE.user,
    subject: 'Permintaan data inflasi',
    text: 'Yth. petugas PST, mohon data inflasi Singaraja bulan Oktober.',
    html: hostileHtml(pixel.url),
  });
  await peers.mail.deliver(OFFICE.user, hostile, { from: HOSTILE.user });
  await openRow(page, 'Wayan Penipu');
  const frame = page.getByTestId('email-html');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('[data-testid="email-html"]').getByText('inflasi Singaraja')).toBeVisible();
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  for (const bad of ['<script', 'onerror', 'onload', 'javascript:', '<iframe', '<form', pixel.url]) expect(srcdoc).not.toContain(bad);
  await expect(page.getByTestId('remote-images-blocked')).toContainText('1 gambar dari internet diblokir');
  await frame.scrollIntoViewIfNeeded();
  await shot(page, 'live-12-hostile-email');
  expect(dialogs).toEqual([]);
  expect(pixel.hits).toEqual([]);
  expect(await page.title()).toMatch(/^(\(\d+\) )?PST Console$/);
  expect(consoleMessages.filter((m) => m.includes('pwned'))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
