import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

const ENTITY_TABLES = [
  'requesters',
  'channel_identities',
  'conversations',
  'messages',
  'attachments',
  'officers',
  'sessions',
  'ratings',
  'complaints',
  'templates',
  'settings',
  'secrets',
  'channel_cursors',
  'outbox',
  'audit_log',
  'non_working_days',
];

function at1() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 1);
  return db;
}

describe('migration 0001 initial', () => {
  it('creates every entity of DESIGN §2 as a STRICT table', () => {
    const db = at1();
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; strict: number }[];
    for (const name of ENTITY_TABLES)
      expect(
        tables.find((t) => t.name === name),
        name,
      ).toMatchObject({ strict: 1 });
  });

  it('STRICT rejects a wrong type and CHECK rejects an unknown status', () => {
    const db = at1();
    expect(() =>
      db.prepare("INSERT INTO officers (username, display_name, role, password_hash, created_at) VALUES ('a', 'A', 'admin', 'h', 'yesterday')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.prepare('INSERT INTO requesters (created_at, updated_at) VALUES (1, 1)').run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO conversations (ticket, requester_id, channel, status, last_message_at, created_at, updated_at) VALUES ('T', 1, 'email', 'lost', 1, 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });

  it('enforces foreign keys and one message per (channel, external_id)', () => {
    const db = at1();
    expect(() => db.prepare("INSERT INTO channel_identities (requester_id, channel, source_id, created_at) VALUES (99, 'email', 'x@y', 1)").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare('INSERT INTO requesters (created_at, updated_at) VALUES (1, 1)').run();
    db.prepare("INSERT INTO conversations (ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES ('T', 1, 'email', 1, 1, 1)").run();
    const insert = db.prepare(
      "INSERT INTO messages (conversation_id, direction, channel, external_id, body_text, created_at) VALUES (1, 'incoming', 'email', ?, 'x', 1)",
    );
    insert.run('<a@b>');
    expect(() => insert.run('<a@b>')).toThrow(/UNIQUE/);
    insert.run(null);
    insert.run(null); // outgoing messages have no external id yet; several may wait at once
  });

  it('keeps the FTS5 index in step with message text (insert, edit, delete)', () => {
    const db = at1();
    db.prepare('INSERT INTO requesters (created_at, updated_at) VALUES (1, 1)').run();
    db.prepare("INSERT INTO conversations (ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES ('T', 1, 'email', 1, 1, 1)").run();
    db.prepare(
      "INSERT INTO messages (conversation_id, direction, channel, body_text, created_at) VALUES (1, 'incoming', 'email', 'Data kemiskinan Buleleng', 1)",
    ).run();
    const hits = (q: string) => (db.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(q) as { n: number }).n;
    expect(hits('kemiskinan')).toBe(1);
    db.prepare("UPDATE messages SET body_text = 'Data pariwisata' WHERE id = 1").run();
    expect(hits('kemiskinan')).toBe(0);
    expect(hits('pariwisata')).toBe(1);
    db.prepare('DELETE FROM messages WHERE id = 1').run();
    expect(hits('pariwisata')).toBe(0);
  });

  it('sorts conversations without a due instant last through the due_sort column', () => {
    const db = at1();
    db.prepare('INSERT INTO requesters (created_at, updated_at) VALUES (1, 1)').run();
    const add = db.prepare(
      "INSERT INTO conversations (ticket, requester_id, channel, sla_due_at, last_message_at, created_at, updated_at) VALUES (?, 1, 'email', ?, 1, 1, 1)",
    );
    add.run('A', null);
    add.run('B', 200);
    add.run('C', 100);
    expect(db.prepare('SELECT ticket FROM conversations ORDER BY due_sort, id').all()).toEqual([{ ticket: 'C' }, { ticket: 'B' }, { ticket: 'A' }]);
  });
});
