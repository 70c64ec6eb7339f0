import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';

const T0 = Date.UTC(2026, 10, 23, 2);
let core: TestCore;
let telegramConversation: number;
let emailConversation: number;
beforeEach(async () => {
  core = await startCoreWithAdmin({ now: () => T0 });
  telegramConversation = ingest(core.services, {
    channel: 'telegram',
    externalId: '77:1',
    sourceId: '77',
    receivedAt: T0,
    text: 'Halo, saya Ayu',
    thread: { mode: 'identity' },
    requester: { name: 'Putu Ayu', telegramUserId: '77', telegramUsername: 'putuayu' },
  }).conversationId;
  emailConversation = ingest(core.services, {
    channel: 'email',
    externalId: '<a@x>',
    sourceId: 'ayu@undiksha.ac.id',
    receivedAt: T0 + 1000,
    text: 'Permohonan data IPM',
    thread: { mode: 'explicit' },
    requester: { email: 'ayu@undiksha.ac.id', institution: 'Universitas Pendidikan Ganesha' },
  }).conversationId;
});
afterEach(() => core.dispose());

const requesterOf = async (conversationId: number) => (await core.must('conversations.get', { id: conversationId })).requester;

describe('requesters', () => {
  it('keeps an individual an individual: a merge passes it on, and a later mail signature does not make up an institution', async () => {
    const telegram = await requesterOf(telegramConversation);
    const email = await requesterOf(emailConversation);
    // She typed "-" for her institution on Telegram; the email record has none yet.
    core.services.db.prepare('UPDATE requesters SET institution = NULL WHERE id = ?').run(email.id);
    await core.must('conversations.updateRequirements', { id: telegramConversation, requester: { institution: '-' } });
    expect((await requesterOf(telegramConversation)).institution).toBe('Perorangan');
    const merged = await core.must('requesters.merge', { keepId: email.id, mergeId: telegram.id });
    expect(merged.requester.institution).toBe('Perorangan');
    ingest(core.services, {
      channel: 'email',
      externalId: '<c@x>',
      sourceId: 'ayu@undiksha.ac.id',
      receivedAt: T0 + 3000,
      text: 'Terima kasih',
      thread: { mode: 'explicit' },
      requester: { institution: 'Universitas Pendidikan Ganesha' },
    });
    expect((await core.must('requesters.get', { id: email.id })).institution).toBe('Perorangan');
    expect(core.services.db.prepare('SELECT institution, individual FROM requesters WHERE id = ?').get(email.id)).toEqual({ institution: null, individual: 1 });
  });

  it('merges one person from two channels: identities, consultations and empty fields move to the kept record', async () => {
    const keep = await requesterOf(telegramConversation);
    const other = await requesterOf(emailConversation);
    const result = await core.must('requesters.merge', { keepId: keep.id, mergeId: other.id });
    expect(result.movedConversations).toBe(1);
    expect(result.requester).toMatchObject({
      id: keep.id,
      name: 'Putu Ayu',
      email: 'ayu@undiksha.ac.id',
      institution: 'Universitas Pendidikan Ganesha',
      telegramUsername: 'putuayu',
    });
    const all = await core.must('requesters.conversations', { requesterId: keep.id });
    expect(all.map((c) => c.channel).sort()).toEqual(['email', 'telegram']);
    // the next email from that address lands on the merged requester
    const next = ingest(core.services, {
      channel: 'email',
      externalId: '<b@x>',
      sourceId: 'ayu@undiksha.ac.id',
      receivedAt: T0 + 2000,
      text: 'Tambahan',
      thread: { mode: 'explicit' },
    });
    expect((await requesterOf(next.conversationId)).id).toBe(keep.id);
    const audit = await core.must('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'requesters.merge', entityType: 'requester', entityId: String(keep.id) });
  });

  it('refuses merging with itself or twice, and unknown ids', async () => {
    const keep = await requesterOf(telegramConversation);
    const other = await requesterOf(emailConversation);
    expect(await core.call('requesters.merge', { keepId: keep.id, mergeId: keep.id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await core.must('requesters.merge', { keepId: keep.id, mergeId: other.id });
    expect(await core.call('requesters.merge', { keepId: keep.id, mergeId: other.id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await core.call('requesters.merge', { keepId: keep.id, mergeId: 999 })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('returns attachment bytes by id', async () => {
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const r = ingest(core.services, {
      channel: 'telegram',
      externalId: '77:2',
      sourceId: '77',
      receivedAt: T0 + 3000,
      text: '',
      thread: { mode: 'identity' },
      attachments: [{ fileName: 'grafik.png', mimeType: 'image/png', content }],
    });
    const [message] = await core.must('messages.list', { conversationId: r.conversationId, limit: 1 });
    const file = await core.must('attachments.get', { id: message!.attachments[0]!.id });
    expect(file).toMatchObject({ fileName: 'grafik.png', mimeType: 'image/png', size: content.length });
    expect(Buffer.from(file.contentBase64, 'base64').equals(content)).toBe(true);
    expect(await core.call('attachments.get', { id: 12345 })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
