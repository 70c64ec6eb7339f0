import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_USERS, requireMailPeers, startMailPeers, type MailPeers, type SeedMessage } from '../peers/mail';
import { mail, OFFICE, startEmailEnv, until, type EmailEnv } from './fixtures/email-env';

const available = requireMailPeers('email-newest-first');

const HOUR = 60 * 60 * 1000;
const rfcDate = (at: number) => new Date(at).toUTCString().replace('GMT', '+0000');
const OCTOBER = Date.UTC(2026, 9, 1, 1, 0, 0);
/** Budi's first mail: the tenth of the older requests, four hours apart from 1 October. */
const BUDI_FIRST_MAIL_AT = OCTOBER + 10 * 4 * HOUR;

/**
 * A mailbox with a backlog: 250 older requests (October to mid-November), then 120 recent ones
 * (late November). Among them one thread: Budi asks in October, writes again in the thread in
 * mid-October, and his colleague answers the thread in late November from the faculty's address,
 * with only an In-Reply-To (as Outlook does) naming Budi's second mail.
 */
function backlog(): { seeds: SeedMessage[]; newestIds: string[]; oldIds: string[] } {
  const seeds: SeedMessage[] = [];
  const ids: string[] = [];
  const add = (at: number, fields: Parameters<typeof mail>[0] & { messageId: string }) => {
    seeds.push({ raw: mail({ ...fields, date: rfcDate(at) }), internalDate: new Date(at) });
    ids.push(fields.messageId);
  };
  for (let i = 1; i <= 250; i++) {
    const at = OCTOBER + i * 4 * HOUR;
    if (i === 10)
      add(at, { from: 'Budi Santoso <budi@student.unud.ac.id>', subject: 'Permintaan data PDRB Buleleng', messageId: '<budi.1@student.unud.ac.id>' });
    else if (i === 150)
      add(at, {
        from: 'Budi Santoso <budi@student.unud.ac.id>',
        subject: 'Re: Permintaan data PDRB Buleleng',
        body: 'Maaf, yang saya perlukan PDRB per kecamatan 2020-2025.',
        messageId: '<budi.2@student.unud.ac.id>',
        inReplyTo: '<budi.1@student.unud.ac.id>',
        references: '<budi.1@student.unud.ac.id>',
      });
    else add(at, { from: `Pemohon ${i} <pemohon${i}@kampus.ac.id>`, subject: `Permintaan data ${i}`, messageId: `<old.${i}@kampus.ac.id>` });
  }
  const lateNovember = Date.UTC(2026, 10, 20, 1, 0, 0);
  for (let j = 1; j <= 120; j++) {
    const at = lateNovember + j * 2 * HOUR;
    if (j === 110)
      add(at, {
        from: 'Sekretariat FEB Unud <feb@unud.ac.id>',
        subject: 'RE: Permintaan data PDRB Buleleng',
        body: 'Menindaklanjuti email mahasiswa kami Budi Santoso, mohon datanya dikirim ke alamat ini juga.',
        messageId: '<feb.1@unud.ac.id>',
        inReplyTo: '<budi.2@student.unud.ac.id>',
      });
    else add(at, { from: `Pemohon baru ${j} <baru${j}@example.id>`, subject: `Permintaan data terbaru ${j}`, messageId: `<new.${j}@example.id>` });
  }
  return { seeds, newestIds: ids.slice(-100), oldIds: ids.slice(0, 250) };
}

describe.skipIf(!available)('first sync of a backlog: the newest mail first', () => {
  let peers: MailPeers;
  let env: EmailEnv | null = null;
  beforeAll(async () => {
    peers = await startMailPeers({ users: [...DEFAULT_MAIL_USERS, { user: 'kantor@example.test', password: 'rahasia-kantor-123' }] });
  });
  afterAll(async () => {
    await peers?.close();
  });
  afterEach(async () => {
    await env?.dispose();
    env = null;
  });
  const storedIds = (e: EmailEnv) =>
    new Set(
      (
        e.core.services.db.prepare("SELECT external_id FROM messages WHERE channel = 'email' AND direction = 'incoming'").all() as { external_id: string }[]
      ).map((r) => r.external_id),
    );

  it('the newest 100 are in the inbox before the older backlog, a late reply still joins its October thread, and all is stored once', async () => {
    const { seeds, newestIds, oldIds } = backlog();
    peers.seedMaildir(OFFICE, 'INBOX', seeds);
    // What the inbox held after each stored batch.
    const snapshots: Set<string>[] = [];
    const snapshot = { take: (): void => undefined };
    env = await startEmailEnv(peers, { email: { batchSize: 100, onBatch: () => snapshot.take() } });
    const e = env;
    snapshot.take = () => void snapshots.push(storedIds(e));
    await until('370 mails stored', () => e.count("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'") === 370, 30_000);

    // What an officer opening the console saw first: this month's requests (and the October
    // mails of the thread one of them answers), before any other October request.
    const newestIn = snapshots.findIndex((ids) => newestIds.every((id) => ids.has(id)));
    expect(newestIn).toBeGreaterThanOrEqual(0);
    expect(newestIn).toBeLessThanOrEqual(1); // 100 newest + 2 of the thread in batches of 100
    expect(oldIds.filter((id) => snapshots[newestIn]!.has(id))).toEqual(['<budi.1@student.unud.ac.id>', '<budi.2@student.unud.ac.id>']);

    // Budi's thread is one consultation, opened by his first mail in October.
    const thread = e.core.services.db
      .prepare(
        `SELECT m.external_id AS id, m.conversation_id AS conversation FROM messages m
          WHERE m.external_id IN ('<budi.1@student.unud.ac.id>', '<budi.2@student.unud.ac.id>', '<feb.1@unud.ac.id>')`,
      )
      .all() as { id: string; conversation: number }[];
    expect(thread).toHaveLength(3);
    expect(new Set(thread.map((t) => t.conversation)).size).toBe(1);
    const conversation = e.core.services.db
      .prepare(
        `SELECT c.subject, (SELECT min(created_at) FROM messages WHERE conversation_id = c.id) AS first_message_at,
                (SELECT count(*) FROM conversations WHERE subject LIKE '%PDRB%') AS pdrb_conversations
           FROM conversations c WHERE c.id = ?`,
      )
      .get(thread[0]!.conversation) as { subject: string; first_message_at: number; pdrb_conversations: number };
    expect(conversation).toEqual({ subject: 'Permintaan data PDRB Buleleng', first_message_at: BUDI_FIRST_MAIL_AT, pdrb_conversations: 1 });

    // The work queue ("Perlu ditangani", new first) lists the new requests as they came: October's
    // before this month's, although this month's were stored first.
    const queue = await e.core.must('inbox.list', { filter: { queue: 'todo' }, sort: 'queue', limit: 500 });
    const firstMailTimes = queue.items.map(
      (item) =>
        e.core.services.db.prepare("SELECT min(created_at) FROM messages WHERE conversation_id = ? AND direction = 'incoming'").pluck().get(item.id) as number,
    );
    expect(queue.items.length).toBeGreaterThan(100);
    expect(firstMailTimes).toEqual([...firstMailTimes].sort((a, b) => a - b));

    // Everything exactly once, and the cursor covers the whole mailbox at the end.
    expect(e.count("SELECT count(DISTINCT external_id) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'")).toBe(370);
    await until('idle', () => e.channels.email.status()?.state === 'idle');
    const cursor = e.core.services.db.prepare("SELECT value FROM channel_cursors WHERE channel = 'email' AND stream = 'INBOX'").get() as { value: string };
    expect(JSON.parse(cursor.value)).toMatchObject({ lastUid: 370 });
  });

  it('stopped right after the newest mail, a restart keeps to the chosen period and stores nothing twice', async () => {
    const { seeds } = backlog();
    peers.seedMaildir('kantor@example.test', 'INBOX', seeds);
    // "Ambil email sejak 1 November": the 185 mails from 1 November on (65 older ones and the 120 recent), not October's.
    const since = Date.UTC(2026, 10, 1, 0, 0, 0);
    const inPeriod = 185;
    const account = { user: 'kantor@example.test', password: 'rahasia-kantor-123', syncSince: since };
    let stopAfterFirst: (() => void) | null = null;
    const firstStored = new Promise<void>((resolve) => (stopAfterFirst = resolve));
    env = await startEmailEnv(peers, { account, email: { batchSize: 100, onBatch: () => stopAfterFirst?.() } });
    await firstStored;
    const core = env.core;
    await env.channels.stop();
    const afterStop = (core.services.db.prepare("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'").get() as { n: number })
      .n;
    expect(afterStop).toBeGreaterThanOrEqual(100);
    expect(afterStop).toBeLessThan(inPeriod);

    // The same console starts again (a restart of the PC): the sync goes on from where it was.
    const again = await startEmailEnv(peers, { account, core, email: { batchSize: 100 } });
    env = again;
    await until(
      'the period stored',
      () => again.count("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'") >= inPeriod,
      30_000,
    );
    await until('idle', () => again.channels.email.status()?.state === 'idle');
    expect(again.count("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'")).toBe(inPeriod);
    expect(again.count("SELECT count(DISTINCT external_id) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming'")).toBe(inPeriod);
    expect(again.count("SELECT count(*) AS n FROM messages WHERE channel = 'email' AND direction = 'incoming' AND created_at < ?", since)).toBe(0);
  });
});
