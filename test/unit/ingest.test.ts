import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest, ingestBatch, REOPEN_WINDOW_MS } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { startTestCore, type TestCore } from '../helpers/core';

// 2026-11-23 (Monday) 10:00 WITA = 02:00 UTC
const MONDAY_10 = Date.UTC(2026, 10, 23, 2, 0);
let core: TestCore;
beforeEach(() => {
  core = startTestCore();
});
afterEach(() => core.dispose());

const rows = <T>(sql: string, ...params: unknown[]) => core.services.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => core.services.db.prepare(sql).get(...params) as T;

const tg = (n: number, text: string, at = MONDAY_10 + n * 60_000, user = '777'): InboundMessage => ({
  channel: 'telegram',
  externalId: `${user}:${n}`,
  sourceId: user,
  displayName: 'Putu Ayu',
  receivedAt: at,
  text,
  requester: { name: 'Putu Ayu', telegramUserId: user, telegramUsername: 'putuayu' },
  thread: { mode: 'identity' },
});

const mail = (id: string, text: string, thread: InboundMessage['thread'] = { mode: 'explicit' }, at = MONDAY_10): InboundMessage => ({
  channel: 'email',
  externalId: id,
  sourceId: 'made@undiksha.ac.id',
  receivedAt: at,
  text,
  subject: 'Permohonan data',
  thread,
});

describe('ingest', () => {
  it('creates requester, identity and a conversation with a ticket of the WITA day, status new', () => {
    // 23:30 UTC on the 22nd is already the 23rd in WITA
    const r = ingest(core.services, tg(1, 'Selamat pagi, saya butuh data kemiskinan', Date.UTC(2026, 10, 22, 23, 30)));
    expect(r).toMatchObject({ outcome: 'inserted', newConversation: true });
    const c = one<any>('SELECT * FROM conversations WHERE id = ?', r.conversationId);
    expect(c.ticket).toBe('KONS-5108-20261123-0001');
    expect(c.status).toBe('new');
    expect(c.unread_count).toBe(1);
    expect(c.last_message_preview).toBe('Selamat pagi, saya butuh data kemiskinan');
    expect(one<any>('SELECT name, telegram_username FROM requesters')).toEqual({ name: 'Putu Ayu', telegram_username: 'putuayu' });
    expect(ingest(core.services, mail('<a@x>', 'Halo')).conversationId).not.toBe(r.conversationId);
    expect(one<any>('SELECT ticket FROM conversations ORDER BY id DESC LIMIT 1').ticket).toBe('KONS-5108-20261123-0002');
  });

  it('is idempotent on (channel, external_id): the same message twice is stored once', () => {
    const first = ingestBatch(core.services, [tg(1, 'satu'), tg(2, 'dua')]);
    const again = ingestBatch(core.services, [tg(1, 'satu'), tg(2, 'dua'), tg(3, 'tiga')]);
    expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'inserted']);
    expect(again[0]!.messageId).toBe(first[0]!.messageId);
    expect(one<any>('SELECT count(*) AS n FROM messages').n).toBe(3);
    expect(one<any>('SELECT unread_count FROM conversations').unread_count).toBe(3);
  });

  it('advances the cursor in the same transaction: a failure mid-batch stores nothing and keeps the cursor', () => {
    ingestBatch(core.services, [tg(1, 'satu')], { channel: 'telegram', account: 'bot', value: { offset: 2 } });
    const broken = { ...tg(3, 'tiga'), channel: 'fax' } as unknown as InboundMessage; // violates a CHECK constraint
    expect(() => ingestBatch(core.services, [tg(2, 'dua'), broken], { channel: 'telegram', account: 'bot', value: { offset: 4 } })).toThrow();
    expect(one<any>('SELECT count(*) AS n FROM messages').n).toBe(1);
    expect(JSON.parse(one<any>('SELECT value FROM channel_cursors').value)).toEqual({ offset: 2 });
    // fetched again after the "crash": now stored, exactly once
    ingestBatch(core.services, [tg(1, 'satu'), tg(2, 'dua')], { channel: 'telegram', account: 'bot', value: { offset: 3 } });
    expect(rows<any>('SELECT body_text FROM messages ORDER BY id').map((m) => m.body_text)).toEqual(['satu', 'dua']);
  });

  it('threads email by reply ids, then the ticket tag from any address, else starts a new conversation', () => {
    const root = ingest(core.services, mail('<root@x>', 'Permohonan data PDRB'));
    expect(ingest(core.services, mail('<r1@x>', 'tambahan', { mode: 'explicit', replyTo: ['<unknown@x>', '<root@x>'] })).conversationId).toBe(
      root.conversationId,
    );
    const ticket = one<any>('SELECT ticket FROM conversations').ticket;
    expect(ingest(core.services, mail('<r2@x>', 'lagi', { mode: 'explicit', ticket })).conversationId).toBe(root.conversationId);
    // The requester writing from their office address: same consultation, no second requester, and
    // the address is offered for the requester's record.
    const requesters = one<any>('SELECT count(*) AS n FROM requesters').n;
    const other = { ...mail('<r3@x>', 'dari alamat kantor saya', { mode: 'explicit', ticket }), sourceId: 'someone@else.id' };
    expect(ingest(core.services, other)).toMatchObject({ conversationId: root.conversationId, newConversation: false });
    expect(one<any>('SELECT count(*) AS n FROM requesters').n).toBe(requesters);
    expect(JSON.parse(one<any>("SELECT meta FROM messages WHERE external_id = '<r3@x>'").meta).otherSender).toBe('someone@else.id');
    expect(rows<any>("SELECT field, value, source, state FROM requester_hints WHERE field = 'email'")).toEqual([
      { field: 'email', value: 'someone@else.id', source: 'address', state: 'pending' },
    ]);
    expect(ingest(core.services, mail('<new@x>', 'permintaan baru')).newConversation).toBe(true);
  });

  it('continues the latest Telegram conversation; reopens a resolved one within 14 days, later starts a new one', () => {
    const first = ingest(core.services, tg(1, 'halo'));
    expect(ingest(core.services, tg(2, 'lanjut')).conversationId).toBe(first.conversationId);
    const resolvedAt = MONDAY_10 + 3_600_000;
    core.services.db.prepare("UPDATE conversations SET status = 'resolved', resolved_at = ?, requirements_complete_at = ?").run(resolvedAt, MONDAY_10);

    const reopened = ingest(core.services, tg(3, 'masih ada pertanyaan', resolvedAt + REOPEN_WINDOW_MS - 1));
    expect(reopened).toMatchObject({ conversationId: first.conversationId, reopened: true });
    expect(one<any>('SELECT status, resolved_at FROM conversations').status).toBe('in_progress');
    expect(rows<any>("SELECT body_text FROM messages WHERE direction = 'activity'")).toHaveLength(1);

    core.services.db.prepare("UPDATE conversations SET status = 'rated', resolved_at = ?").run(resolvedAt);
    const later = ingest(core.services, tg(4, 'permintaan baru bulan depan', resolvedAt + REOPEN_WINDOW_MS + 1));
    expect(later.newConversation).toBe(true);
    expect(one<any>('SELECT count(*) AS n FROM conversations').n).toBe(2);
  });

  it('resumes a conversation waiting for the requester when they reply', () => {
    const first = ingest(core.services, tg(1, 'halo'));
    core.services.db.prepare("UPDATE conversations SET status = 'waiting_requester' WHERE id = ?").run(first.conversationId);
    ingest(core.services, tg(2, 'ini datanya'));
    expect(one<any>('SELECT status FROM conversations').status).toBe('in_progress');
  });

  it('stores attachments content-addressed once, under safe names (the last path segment)', () => {
    const content = Buffer.from('%PDF-1.4 surat permohonan');
    const r = ingest(core.services, {
      ...mail('<att@x>', ''),
      attachments: [
        { fileName: '../../etc/passwd', mimeType: 'application/pdf', content },
        { fileName: 'salinan.pdf', mimeType: 'application/pdf', content },
      ],
    });
    const files = rows<any>('SELECT sha256, file_name FROM attachments WHERE message_id = ?', r.messageId);
    expect(files.map((f) => f.file_name)).toEqual(['passwd', 'salinan.pdf']);
    expect(files[0].sha256).toBe(files[1].sha256);
    expect(core.services.attachments.read(files[0].sha256).equals(content)).toBe(true);
    expect(core.services.attachments.pathOf(files[0].sha256).startsWith(core.services.attachments.root)).toBe(true);
    expect(one<any>('SELECT last_message_preview FROM conversations').last_message_preview).toBe('📎 passwd');
  });

  it('keeps automated mail out of the inbox and never reopens with it', async () => {
    const r = ingest(core.services, { ...mail('<bounce@x>', 'Delivery Status Notification (Failure)'), automated: true });
    expect(one<any>('SELECT automated FROM conversations WHERE id = ?', r.conversationId).automated).toBe(1);
    await core.must('auth.setupAdmin', { username: 'admin', displayName: 'Admin', password: 'rahasia-admin-123' });
    expect((await core.must('inbox.list', {})).total).toBe(0);
  });

  it('emits inbox.changed and message.changed after commit', () => {
    const seen: string[] = [];
    core.services.events.subscribe((event, payload) => seen.push(`${event}:${JSON.stringify(payload)}`));
    ingest(core.services, tg(1, 'halo'));
    ingest(core.services, tg(1, 'halo'));
    expect(seen).toEqual(['inbox.changed:{"conversationIds":[1]}', 'message.changed:{"conversationId":1,"messageId":1}']);
  });
});
