import { expect, test } from '@playwright/test';
import { ingest } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { ADMIN, startTestCore } from '../helpers/core';
import { tempDataDir } from '../helpers/temp';
import { login, open } from './console-login';
import { shot } from './shots';

/**
 * An officer opens a new request and finds how the office answered the same need last month:
 * the answer in the office's words (never the earlier requester's name), its Excel table, and
 * "Pakai sebagai draf" puts both into the composer, greeting the new requester; then it is sent.
 */
const MINUTE = 60_000;
const EARLIER = 'Ni Luh Putu Sukaningsih';
const NOW = 'Kadek Dwi Pramesti';
const TABLE = { name: 'Penduduk per Kecamatan 2024.xlsx', bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2048, 0x41)]) };

const telegram = (id: number, name: string, text: string, at: number): InboundMessage => ({
  channel: 'telegram',
  externalId: `4000${id}:${at}`,
  sourceId: `4000${id}`,
  displayName: name,
  receivedAt: at,
  text,
  requester: { name, telegramUserId: `4000${id}` },
  thread: { mode: 'identity' },
});

async function seed(dataDir: string): Promise<void> {
  const now = Date.now();
  const core = startTestCore({ dir: dataDir, now: () => now, outbox: { maxAttempts: 1 } });
  try {
    await core.must('auth.setupAdmin', ADMIN);
    const earlier = ingest(
      core.services,
      telegram(1, EARLIER, 'Om Swastyastu, mohon data jumlah penduduk per kecamatan Buleleng 2024 untuk skripsi saya.', now - 40 * 24 * 60 * MINUTE),
    );
    await core.must('messages.send', {
      conversationId: earlier.conversationId,
      text: `Yth. ${EARLIER},\n\nData jumlah penduduk menurut kecamatan di Kabupaten Buleleng tahun 2024 kami lampirkan (tabel Excel), dari publikasi Kabupaten Buleleng Dalam Angka 2025.\n\nSalam,\nPST BPS Kabupaten Buleleng`,
      attachments: [
        { fileName: TABLE.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: TABLE.bytes.toString('base64') },
      ],
    });
    await core.must('conversations.resolve', { id: earlier.conversationId, summary: 'Tabel penduduk per kecamatan 2024', topic: 'Kependudukan' });
    ingest(core.services, telegram(2, NOW, 'halo kak, mau minta data jml penduduk tiap kecamatan di buleleng thn 2024 dong', now - 10 * MINUTE));
  } finally {
    await core.close();
  }
}

let host: RunningHost;
let data: ReturnType<typeof tempDataDir>;
test.beforeAll(async () => {
  data = tempDataDir('pst-e2e-similar-');
  await seed(data.dir);
  host = await startBrowserHost({ dataDir: data.dir });
});
test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

test('a similar earlier answer, taken as a draft and sent', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, host.url, ADMIN);
  await open(page, NOW);

  const panel = page.getByTestId('similar-panel');
  await expect(panel).toContainText('Jawaban serupa sebelumnya');
  const item = panel.getByTestId('similar-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Kependudukan');
  await expect(item.getByTestId('similar-answer')).toContainText('Yth. {nama},');
  await expect(item.getByTestId('similar-files')).toContainText(TABLE.name);
  await expect(panel).not.toContainText('Sukaningsih');
  await expect(panel).not.toContainText('skripsi');
  await shot(page, '90-similar-answers-1366');

  await item.getByTestId('similar-use').click();
  const composer = page.getByTestId('composer');
  const input = composer.getByRole('textbox');
  await expect(input).toHaveValue(new RegExp(`^Yth\\. ${NOW},\\n\\nData jumlah penduduk menurut kecamatan`));
  await expect(composer.getByTestId('composer-files')).toContainText(TABLE.name);
  await shot(page, '91-similar-answer-draft-1366');

  await input.press('Control+Enter');
  const reply = page
    .getByTestId('conversation-pane')
    .getByTestId('message')
    .filter({ hasText: `Yth. ${NOW},` })
    .filter({ hasText: 'kami lampirkan (tabel Excel)' });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText(TABLE.name);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, '92-similar-answers-sent-1920');
});
