import { expect, test, type Page } from '@playwright/test';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { MAIL_PEERS_SKIP_REASON, requireMailPeers } from '../peers/mail';
import { login, open } from './console-login';
import { CITIZEN, OFFICE, officeAccount, receivedWith, rfc822, startLivePeers, type LivePeers } from './live-peers';
import { shot } from './shots';

/**
 * An officer stays after closing time and answers a requester by email; the requester writes back
 * at once. The console must not then tell them "we are closed, an officer will answer from
 * Monday": the office's own mailbox on Dovecot, replies read at the SMTP peer.
 */
const available = requireMailPeers('e2e after-hours');
test.skip(!available, MAIL_PEERS_SKIP_REASON);

let peers: LivePeers;
let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;
const ALL_DAY = Array.from({ length: 7 }, () => [{ from: 0, to: 24 * 60 }]);
/** Open one hour a day, ten hours away from now (WITA): the office is closed whenever the test runs. */
function closedNow(): { from: number; to: number }[][] {
  const witaMinute = Math.floor(((Date.now() + 8 * 3_600_000) % 86_400_000) / 60_000);
  const from = (witaMinute + 600) % (23 * 60);
  return Array.from({ length: 7 }, () => [{ from, to: from + 60 }]);
}

test.beforeAll(async () => {
  peers = await startLivePeers();
  data = tempDataDir('pst-e2e-after-hours-');
  const core = startTestCore({ dir: data.dir });
  await core.must('auth.setupAdmin', ADMIN);
  await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
  // Open all day to begin with, so the first request is acknowledged as in office hours.
  await core.must('calendar.setHours', { hours: ALL_DAY });
  await core.must('email.saveAccount', officeAccount(peers.mail));
  await core.close();
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  await peers?.close();
  data?.cleanup();
});

const call = (page: Page, method: string, input: unknown) =>
  page.evaluate(
    async ([m, i]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [method, input] as const,
  );

test('after hours, a requester an officer has just answered gets no "we are closed" notice', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, host.url, ADMIN);
  const request = await rfc822({
    from: `Ketut Sari Dewi <${CITIZEN.user}>`,
    to: OFFICE.user,
    subject: 'Permohonan data IPM Buleleng',
    text: 'Selamat sore, saya mohon data IPM Kabupaten Buleleng 2020-2024 per kecamatan untuk skripsi.',
    messageId: '<ipm-1@mail.example.test>',
  });
  await peers.mail.append(OFFICE.user, 'INBOX', request);
  await expect(page.getByTestId('inbox-row').filter({ hasText: 'Ketut Sari Dewi' })).toBeVisible({ timeout: 30_000 });
  // Acknowledged in office hours: the ticket, no "di luar jam layanan".
  await expect.poll(async () => (await receivedWith(peers.mail, 0, 'Ketut Sari Dewi'))?.parsed.text ?? '', { timeout: 20_000 }).toContain('KONS-5108-');
  expect((await receivedWith(peers.mail, 0, 'di luar jam layanan')) === undefined).toBe(true);

  // Closing time: the admin's hours now leave the office closed, and the officer stays on.
  expect(await call(page, 'calendar.setHours', { hours: closedNow() })).toMatchObject({ ok: true });
  await open(page, 'Ketut Sari Dewi');
  await page.getByTestId('next-action').click();
  const answer = 'Baik Ibu Ketut, data IPM per kecamatan kami kirimkan besok pagi dalam format Excel.';
  await page.getByTestId('composer').getByRole('textbox', { name: 'Tulis balasan' }).fill(answer);
  await page.getByTestId('composer').getByRole('button', { name: 'Kirim', exact: true }).click();
  const before = peers.mail.smtp.received.length;
  let officerReply: Awaited<ReturnType<typeof receivedWith>>;
  await expect.poll(async () => (officerReply = await receivedWith(peers.mail, 0, answer)) !== undefined, { timeout: 20_000 }).toBe(true);

  // The requester thanks them at once, in the thread.
  const thanks = await rfc822({
    from: `Ketut Sari Dewi <${CITIZEN.user}>`,
    to: OFFICE.user,
    subject: officerReply!.parsed.subject!.startsWith('Re:') ? officerReply!.parsed.subject! : `Re: ${officerReply!.parsed.subject}`,
    text: 'Terima kasih banyak, Pak. Saya tunggu besok.',
    messageId: '<ipm-2@mail.example.test>',
    inReplyTo: officerReply!.parsed.messageId,
    references: officerReply!.parsed.messageId,
  });
  await peers.mail.append(OFFICE.user, 'INBOX', thanks);
  await expect(page.getByTestId('conversation-pane')).toContainText('Saya tunggu besok', { timeout: 30_000 });
  // The outbox works within a second or two; give it five, then nothing may have gone out.
  await page.waitForTimeout(5_000);
  expect(await receivedWith(peers.mail, before, 'di luar jam layanan')).toBeUndefined();
  await expect(page.getByTestId('conversation-pane').getByTestId('message').filter({ hasText: 'di luar jam layanan' })).toHaveCount(0);
  await shot(page, '52-after-hours-no-notice');
});
