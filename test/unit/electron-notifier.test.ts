import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDetail, Result } from '../../src-preload/contract';
import { ingest } from '../../src-main/core/inbound/ingest';
import { createNewConversationNotifier, type DesktopNotice } from '../../src-main/electron/notifier';
import { memorySession, startCoreWithAdmin, type TestCore } from '../helpers/core';

const T0 = Date.UTC(2026, 10, 23, 2);
let core: TestCore;
let focused: boolean;
let shown: DesktopNotice[];
let session: ReturnType<typeof memorySession>;

function incoming(n: number, sourceId = `user${n}`) {
  return ingest(core.services, {
    channel: 'telegram',
    externalId: `m${n}`,
    sourceId,
    receivedAt: T0 + n * 60_000,
    text: `Mohon data penduduk Buleleng ${n}`,
    requester: { name: `Pengguna ${n}` },
    thread: { mode: 'identity' },
  });
}

function notifier() {
  return createNewConversationNotifier({
    isWindowFocused: () => focused,
    lookup: async (id) => (await core.dispatch('conversations.get', { id }, session)) as Result<ConversationDetail>,
    show: (notice) => shown.push(notice),
  });
}

beforeEach(async () => {
  core = await startCoreWithAdmin({ now: () => T0 });
  session = core.session;
  focused = false;
  shown = [];
});
afterEach(() => core.dispose());

describe('new-conversation notifications', () => {
  it('announces a new conversation once while the window is not focused', async () => {
    const notify = notifier();
    const { conversationId } = incoming(1);
    await notify({ conversationIds: [conversationId] });
    expect(shown).toEqual([
      { title: expect.stringMatching(/^Konsultasi baru KONS-5108-\d{8}-\d{4}$/), body: 'Pengguna 1: Mohon data penduduk Buleleng 1', conversationId },
    ]);
    await notify({ conversationIds: [conversationId] });
    expect(shown).toHaveLength(1);
  });

  it('stays quiet when the window is focused, for read conversations, and when nobody is logged in', async () => {
    const notify = notifier();
    const a = incoming(1).conversationId;
    focused = true;
    expect(await notify({ conversationIds: [a] })).toEqual([]);

    focused = false;
    await core.must('conversations.markRead', { id: a });
    expect(await notify({ conversationIds: [a] })).toEqual([]);

    const b = incoming(2).conversationId;
    session = memorySession(); // a window with no officer logged in
    expect(await notify({ conversationIds: [b] })).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('announces once even when events for the same conversation overlap', async () => {
    const notify = notifier();
    const { conversationId } = incoming(1);
    await Promise.all([notify({ conversationIds: [conversationId] }), notify({ conversationIds: [conversationId, conversationId] })]);
    expect(shown.map((n) => n.conversationId)).toEqual([conversationId]);
  });

  it('summarises a burst in one notice', async () => {
    const ids = [1, 2, 3, 4, 5].map((n) => incoming(n).conversationId);
    const notices = await notifier()({ conversationIds: ids });
    expect(notices).toEqual([{ title: '5 konsultasi baru', body: 'Buka PST Console untuk membacanya.', conversationId: ids[0] }]);
  });
});
