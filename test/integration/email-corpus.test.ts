import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { ADMIN, startTestCore } from '../helpers/core';
import { startEmailEnv, until, type EmailEnv } from './fixtures/email-env';

/**
 * A real-world office mailbox (test/fixtures/mail: Gmail, Outlook desktop and web, Zimbra, Yahoo,
 * Thunderbird, Apple Mail, phone apps; the office's own mail; automated mail) delivered into
 * Dovecot and synced by the console. Each message's expected outcome in manifest.json was written
 * from what a person reading the mail would say, before the code was run against it.
 */

const available = requireMailPeers('email-corpus');
const DIR = join(__dirname, '..', 'fixtures', 'mail');

interface Expect {
  file: string;
  says: string;
  kind: 'request' | 'reply' | 'office' | 'office-aside' | 'automated';
  ticket?: string;
  threadsWith?: string;
  sameRequesterAs?: string;
  otherSender?: boolean;
  fields?: Record<string, string | null>;
  need?: string;
  noName?: string[];
  suggestions?: Record<string, string>;
  attachments?: string[];
  inline?: number;
  damaged?: string[];
  textIncludes?: string[];
  textExcludes?: string[];
}
interface Manifest {
  office: string;
  officeAliases: string[];
  now: string;
  messages: Expect[];
}

const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Manifest;

interface Stored {
  id: number;
  conversation_id: number;
  direction: string;
  delivery: string | null;
  body_text: string;
  meta: string | null;
  ticket: string;
  automated: number;
  need: string | null;
  requester_id: number;
}

describe.skipIf(!available)('a real office mailbox through Dovecot: every message as an officer needs it', () => {
  let peers: MailPeers;
  let env: EmailEnv;
  const byFile = new Map<string, Stored>();

  beforeAll(async () => {
    peers = await startMailPeers();
    // Delivered in file order, so UID n is the n-th file; the sync then sees the mailbox as it stands.
    for (const m of manifest.messages) await peers.deliver(manifest.office, readFileSync(join(DIR, m.file)), { from: 'sender@example.test' });
    const now = Date.parse(manifest.now);
    const core = startTestCore({ now: () => now, outbox: { baseDelayMs: 100, maxDelayMs: 400, maxAttempts: 3, pollMs: 100 } });
    await core.must('auth.setupAdmin', ADMIN);
    env = await startEmailEnv(peers, { core, account: { officeAliases: manifest.officeAliases } });
    await until(
      'the whole mailbox stored',
      () => env.count("SELECT count(*) AS n FROM email_messages WHERE mailbox = 'INBOX'") === manifest.messages.length,
      30_000,
    );
    const row = env.core.services.db.prepare(
      `SELECT m.id, m.conversation_id, m.direction, m.delivery, m.body_text, m.meta, c.ticket, c.automated, c.need, c.requester_id
         FROM email_messages em JOIN messages m ON m.id = em.message_id JOIN conversations c ON c.id = m.conversation_id
        WHERE em.mailbox = 'INBOX' AND em.uid = ?`,
    );
    manifest.messages.forEach((m, i) => byFile.set(m.file, row.get(i + 1) as Stored));
  }, 60_000);
  afterAll(async () => {
    await env?.dispose();
    await peers?.close();
  });

  const stored = (file: string): Stored => {
    const s = byFile.get(file);
    if (!s) throw new Error(`${file} was not stored`);
    return s;
  };
  const db = () => env.core.services.db;
  const automaticKinds = (conversationId: number): string[] =>
    db()
      .prepare(
        `SELECT json_extract(o.payload, '$.kind') AS kind FROM outbox o JOIN messages m ON m.id = o.message_id
          WHERE m.conversation_id = ? AND m.author_officer_id IS NULL ORDER BY o.id`,
      )
      .pluck()
      .all(conversationId) as string[];
  const requester = (id: number) => db().prepare('SELECT * FROM requesters WHERE id = ?').get(id) as Record<string, string | null>;

  it('the corpus is what the issue asks for: at least 40 messages, each with a reading', () => {
    expect(manifest.messages.length).toBeGreaterThanOrEqual(40);
    for (const m of manifest.messages) expect(m.says.length).toBeGreaterThan(10);
  });

  it.each(manifest.messages.map((m) => [m.file, m] as const))('%s', async (_file, m) => {
    const s = stored(m.file);
    const where = `${m.file} (${m.says})`;
    switch (m.kind) {
      case 'request': {
        expect(s.direction, where).toBe('incoming');
        expect(s.automated, where).toBe(0);
        expect(s.ticket, where).toBe(m.ticket);
        const first = db().prepare("SELECT min(id) FROM messages WHERE conversation_id = ? AND direction = 'incoming'").pluck().get(s.conversation_id);
        expect(first, `${where}: opens its own consultation`).toBe(s.id);
        expect(automaticKinds(s.conversation_id)[0], `${where}: acknowledged`).toBe('ack');
        break;
      }
      case 'reply':
        expect(s.direction, where).toBe('incoming');
        expect(s.conversation_id, `${where}: threads`).toBe(stored(m.threadsWith!).conversation_id);
        break;
      case 'office':
        expect(s.direction, `${where}: the office's own mail`).toBe('outgoing');
        expect(s.delivery, where).toBe('sent');
        expect(JSON.parse(s.meta ?? '{}').sentOutsideConsole, where).toBe(true);
        expect(s.conversation_id, `${where}: threads`).toBe(stored(m.threadsWith!).conversation_id);
        break;
      case 'office-aside':
      case 'automated':
        expect(s.automated, `${where}: hidden from the inbox`).toBe(1);
        expect(s.ticket, `${where}: no ticket number of the day`).toMatch(/^OTOMATIS-/);
        expect(requester(s.requester_id).name, `${where}: no requester record of its own`).toBe('Surel otomatis');
        expect(automaticKinds(s.conversation_id), `${where}: never answered`).toEqual([]);
        if (m.kind === 'office-aside') expect(s.direction, where).toBe('outgoing');
        break;
    }
    if (m.sameRequesterAs) expect(s.requester_id, where).toBe(stored(m.sameRequesterAs).requester_id);
    if (m.otherSender !== undefined) expect(Boolean(JSON.parse(s.meta ?? '{}').otherSender), `${where}: marked as another address`).toBe(m.otherSender);

    const r = requester(s.requester_id);
    for (const [field, value] of Object.entries(m.fields ?? {})) expect(r[field], `${where}: ${field}`).toBe(value);
    for (const wrong of m.noName ?? []) expect(r.name, `${where}: the agency is not the person's name`).not.toBe(wrong);
    if (m.need) expect(s.need, `${where}: need`).toBe(m.need);
    if (m.suggestions) {
      const identity = await env.core.must('requesters.identity', { requesterId: s.requester_id });
      const offered = [...identity.suggestions, ...identity.fromEmail].map((h) => `${h.field}=${h.value}`);
      for (const [field, value] of Object.entries(m.suggestions)) expect(offered, `${where}: suggests ${field}`).toContain(`${field}=${value}`);
    }

    const files = db().prepare('SELECT file_name, inline, damaged FROM attachments WHERE message_id = ? ORDER BY id').all(s.id) as {
      file_name: string;
      inline: number;
      damaged: number;
    }[];
    if (m.attachments)
      expect(
        files.filter((f) => !f.inline).map((f) => f.file_name),
        `${where}: attachment chips`,
      ).toEqual(m.attachments);
    if (m.inline !== undefined) expect(files.filter((f) => f.inline).length, `${where}: inline images`).toBe(m.inline);
    expect(
      files.filter((f) => f.damaged).map((f) => f.file_name),
      `${where}: damaged`,
    ).toEqual(m.damaged ?? []);
    for (const text of m.textIncludes ?? []) expect(s.body_text, where).toContain(text);
    for (const text of m.textExcludes ?? []) expect(s.body_text, where).not.toContain(text);
  });

  it("the day's ticket numbers have no gaps: automated and office mail take none", () => {
    const tickets = db().prepare("SELECT ticket FROM conversations WHERE ticket LIKE 'KONS-%' ORDER BY ticket").pluck().all() as string[];
    const requests = manifest.messages.filter((m) => m.kind === 'request').length;
    expect(tickets).toEqual(Array.from({ length: requests }, (_, i) => `KONS-5108-20261104-${String(i + 1).padStart(4, '0')}`));
  });

  it('the office, daemons and no-reply senders never become requesters; office mail adds no automatic reply', () => {
    const addresses = db().prepare('SELECT source_id FROM channel_identities').pluck().all() as string[];
    for (const office of [manifest.office, ...manifest.officeAliases]) expect(addresses).not.toContain(office);
    expect(addresses.filter((a) => /mailer-daemon|no-?reply|postmaster/i.test(a))).toEqual([]);
    expect(db().prepare("SELECT count(*) FROM requesters WHERE name LIKE 'PST%' OR name LIKE '%MAILER%'").pluck().get()).toBe(0);
    // The health office's consultation: acknowledged once; the office's after-hours answer from Outlook triggers nothing.
    expect(automaticKinds(stored('02-outlook-agency-signature-table.eml').conversation_id)).toEqual(['ack']);
    // The lecturer's own after-hours mail does get the out-of-hours reply.
    expect(automaticKinds(stored('16-thunderbird-lecturer-signature.eml').conversation_id)).toEqual(['ack', 'auto_reply']);
  });
});
