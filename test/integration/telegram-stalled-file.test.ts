// A file Telegram will not hand over must not stall the channel: the message is stored at once,
// the file is fetched later with backoff (or given up with a note), later messages from other
// requesters arrive, and the status and logs never show the bot token. Against the Bot API emulator.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageView, PushEvents } from '../../src-preload/contract';
import { testUser } from '../peers/telegram';
import { eventually, startTelegramHarness, type TelegramHarness } from '../helpers/telegram';

let h: TelegramHarness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const db = () => h.core.services.db;
const lastStatus = () => h.statuses().at(-1);
const PDF = new TextEncoder().encode('%PDF-1.4\n% surat pengantar dari kampus\n%%EOF\n');

const stored = (userId: number, messageId: number) =>
  db().prepare('SELECT id, conversation_id AS conversationId, body_text AS text FROM messages WHERE external_id = ?').get(`${userId}:${messageId}`) as
    { id: number; conversationId: number; text: string } | undefined;
const downloadOf = (messageId: number) =>
  db().prepare('SELECT id, state, attempts, last_error AS error, file_name AS fileName FROM attachment_downloads WHERE message_id = ?').get(messageId) as
    { id: number; state: string; attempts: number; error: string | null; fileName: string } | undefined;
const attachmentsOf = (messageId: number) =>
  db().prepare('SELECT file_name AS fileName, mime_type AS mimeType, sha256 FROM attachments WHERE message_id = ?').all(messageId) as {
    fileName: string;
    mimeType: string;
    sha256: string;
  }[];
const offset = () =>
  (JSON.parse((db().prepare("SELECT value FROM channel_cursors WHERE channel = 'telegram'").get() as { value: string }).value) as { offset: number }).offset;

async function messageView(conversationId: number, messageId: number): Promise<MessageView> {
  const list = await h.must('messages.list', { conversationId });
  return list.find((m) => m.id === messageId)!;
}

describe('Telegram: a file that cannot be fetched', () => {
  it('stores the message at once, lets later messages from others in, and attaches the file once Telegram hands it over', async () => {
    h = await startTelegramHarness({ telegram: { downloadRetryMs: Array.from({ length: 50 }, () => 150) } });
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
    // getFile answers 500 for as long as the test wants, like a Telegram file server in trouble.
    h.emulator.failNext('getFile', { status: 500, times: 10_000 });

    const ayu = testUser({ firstName: 'Ayu', lastName: 'Lestari', username: 'ayu_undiksha' });
    const made = testUser({ firstName: 'Made', username: 'made_w' });
    const komang = testUser({ firstName: 'Komang' });
    const withFile = h.emulator.userSendsDocument(ayu, PDF, {
      fileName: 'surat-pengantar.pdf',
      mimeType: 'application/pdf',
      caption: 'Ini surat pengantar dari kampus 🙏',
    });
    const later1 = h.emulator.userSendsText(made, 'Selamat pagi, saya perlu data PDRB Buleleng 2023');
    const later2 = h.emulator.userSendsText(komang, 'Halo kak, mau tanya jumlah penduduk Kecamatan Seririt');

    // Both later messages arrive within seconds, while the file still cannot be fetched.
    const started = Date.now();
    await eventually(() => stored(made.id, later1.message_id) && stored(komang.id, later2.message_id), 5_000, 'later messages stored');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(offset()).toBeGreaterThan(0);
    const first = stored(ayu.id, withFile.message_id)!;
    expect(first.text).toBe('Ini surat pengantar dari kampus 🙏');
    expect(attachmentsOf(first.id)).toEqual([]);
    const pending = downloadOf(first.id)!;
    expect(pending).toMatchObject({ state: 'pending', fileName: 'surat-pengantar.pdf', error: 'channel.telegram.file_unavailable' });
    const view = await messageView(first.conversationId, first.id);
    expect(view.pendingFiles).toMatchObject([{ fileName: 'surat-pengantar.pdf', state: 'pending', error: { code: 'channel.telegram.file_unavailable' } }]);
    // The channel itself is fine: the poll completes, so it says connected.
    expect(lastStatus()?.state).toBe('connected');
    await eventually(() => (downloadOf(first.id)?.attempts ?? 0) >= 3, 5_000, 'retried in the background');

    // getFile recovers, then the download path answers 500 twice: the file still arrives, once.
    h.emulator.clearFaults();
    h.emulator.failNext('download', { status: 500, times: 2 });
    await eventually(() => attachmentsOf(first.id).length === 1, 5_000, 'file attached late');
    expect(attachmentsOf(first.id)[0]).toMatchObject({ fileName: 'surat-pengantar.pdf', mimeType: 'application/pdf' });
    const bytes = h.core.services.attachments.read(attachmentsOf(first.id)[0]!.sha256);
    expect(Buffer.compare(bytes, Buffer.from(PDF))).toBe(0);
    expect(downloadOf(first.id)?.state).toBe('done');
    const after = await messageView(first.conversationId, first.id);
    expect(after.attachments.map((a) => a.fileName)).toEqual(['surat-pengantar.pdf']);
    expect(after.pendingFiles).toBeUndefined();
    const downloads = h.emulator.requestLog().filter((e) => e.method.toLowerCase() === 'getfile' && e.status === 200);
    expect(downloads.length).toBeGreaterThanOrEqual(1);
  });

  it('gives up after the last try with a note for the officer, who can ask for another try', async () => {
    h = await startTelegramHarness({ telegram: { downloadRetryMs: [100, 100] } });
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
    h.emulator.failNext('getFile', { status: 502, times: 10_000 });
    const user = testUser({ firstName: 'Putu' });
    const sent = h.emulator.userSendsPhoto(user, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]), { caption: 'foto tabel dari buku' });
    const message = await eventually(() => stored(user.id, sent.message_id), 5_000, 'photo message stored');
    const gaveUp = await eventually(() => (downloadOf(message.id)?.state === 'failed' ? downloadOf(message.id) : undefined), 5_000, 'given up');
    expect(gaveUp.attempts).toBe(3);
    const note = db()
      .prepare("SELECT body_text AS text FROM messages WHERE conversation_id = ? AND direction = 'activity' AND meta LIKE '%file_download_failed%'")
      .get(message.conversationId) as { text: string };
    expect(note.text).toContain(`gagal diunduh setelah 3 kali percobaan`);
    expect((await messageView(message.conversationId, message.id)).pendingFiles).toMatchObject([{ state: 'failed', attempts: 3 }]);

    h.emulator.clearFaults();
    const retried = await h.must('attachments.retryDownload', { id: gaveUp.id });
    expect(retried.id).toBe(message.id);
    await eventually(() => attachmentsOf(message.id).length === 1, 5_000, 'attached after the officer retried');
    await expect(h.must('attachments.retryDownload', { id: gaveUp.id })).rejects.toThrow(/not_found/);

    // Erasing the requester removes the file and its download record (fetched later, it would come back).
    const requesterId = db().prepare('SELECT requester_id FROM conversations WHERE id = ?').pluck().get(message.conversationId) as number;
    await h.must('requesters.erase', { id: requesterId, reason: 'Permintaan pengguna layanan (UU PDP)' });
    expect(db().prepare('SELECT count(*) FROM attachment_downloads').pluck().get()).toBe(0);
    expect(attachmentsOf(message.id)).toEqual([]);
  });

  it('keeps one outage in the status, however often a retry gets as far as getMe', async () => {
    h = await startTelegramHarness({ telegram: { backoffMs: { initial: 50, max: 100 } } });
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
    const mark = h.statuses().length;
    // getMe works each time; the poll itself fails: the old channel flipped connected/offline.
    h.emulator.failNext('getUpdates', { status: 502, times: 6 });
    await eventually(
      () => h.emulator.requestLog().filter((e) => e.method.toLowerCase() === 'getupdates' && e.status === 502).length === 6,
      5_000,
      'six failed polls',
    );
    await eventually(() => lastStatus()?.state === 'connected' && h.statuses().length > mark, 5_000, 'connected again');
    const during = h.statuses().slice(mark, -1);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((s) => s.state === 'offline')).toBe(true);
    const since = new Set(during.map((s) => s.stalledSince));
    expect(since.size).toBe(1);
    expect([...since][0]).toEqual(expect.any(Number));
    expect(lastStatus()?.stalledSince).toBeNull();
  });

  it('never shows the bot token: not in a status, an API answer, an event, the database or the log', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(
          args
            .map((a) =>
              a instanceof Error ? `${a.message} ${a.stack ?? ''} ${String((a as { cause?: unknown }).cause ?? '')}` : (JSON.stringify(a) ?? String(a)),
            )
            .join(' '),
        );
      });
    h = await startTelegramHarness({ telegram: { requestTimeoutMs: 500, backoffMs: { initial: 50, max: 200 }, downloadRetryMs: [100, 100] } });
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected');
    const user = testUser({ firstName: 'Wayan' });

    // Unreachable: every request fails at the socket, with the URL (and the token) in the library's error.
    h.emulator.setUnreachable(true);
    await eventually(() => h.statuses().some((s) => s.state === 'offline'), 5_000, 'offline');
    await new Promise((r) => setTimeout(r, 400));
    h.emulator.setUnreachable(false);
    await eventually(() => lastStatus()?.state === 'connected', 5_000, 'connected again');
    // Server errors on the poll, on getFile, on the download, on sending, and a hanging getFile.
    h.emulator.failNext('getUpdates', { status: 500, description: `Internal error at /bot${h.emulator.token}/getUpdates`, times: 2 });
    h.emulator.failNext('getFile', { hang: true });
    h.emulator.failNext('getFile', { status: 500, times: 10 });
    h.emulator.userSendsDocument(user, PDF, { fileName: 'data.pdf' });
    h.emulator.failNext('sendMessage', { status: 500, times: 3 });
    const text = h.emulator.userSendsText(user, 'Mohon data kemiskinan Buleleng tahun 2024');
    const message = await eventually(() => stored(user.id, text.message_id), 8_000, 'stored');
    await eventually(() => db().prepare("SELECT 1 FROM attachment_downloads WHERE state = 'failed'").get(), 8_000, 'file given up');

    const token = h.emulator.token;
    const secret = token.split(':')[1]!;
    const seen: string[] = [
      JSON.stringify(h.events),
      JSON.stringify(await h.must('telegram.status', {})),
      JSON.stringify(await h.must('messages.list', { conversationId: message.conversationId })),
      JSON.stringify(await h.must('conversations.get', { id: message.conversationId })),
      JSON.stringify(db().prepare('SELECT body_text, failure_reason, meta FROM messages').all()),
      JSON.stringify(db().prepare('SELECT last_error FROM attachment_downloads').all()),
      JSON.stringify(db().prepare('SELECT last_error FROM outbox').all()),
      logged.join('\n'),
    ];
    for (const file of readdirSync(h.dir, { recursive: true }) as string[]) {
      const path = join(h.dir, file);
      if (/\.(log|txt|json)$/.test(file) && statSync(path).isFile()) seen.push(readFileSync(path, 'utf8'));
    }
    const statuses: PushEvents['channel.status'][] = h.statuses();
    expect(statuses.some((s) => s.state === 'offline')).toBe(true);
    for (const text of seen) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(h.emulator.apiRoot);
    }
  });
});
