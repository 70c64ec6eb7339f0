import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

function at(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

describe('migration 0003 email', () => {
  it('adds email_messages (STRICT) on top of version 2 and keeps existing rows', () => {
    const db = at(2);
    db.prepare('INSERT INTO requesters (created_at, updated_at) VALUES (1, 1)').run();
    db.prepare("INSERT INTO conversations (ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES ('T', 1, 'email', 1, 1, 1)").run();
    db.prepare(
      "INSERT INTO messages (conversation_id, direction, channel, external_id, body_text, created_at) VALUES (1, 'incoming', 'email', '<a@b>', 'x', 1)",
    ).run();
    expect(migrate(db, migrations, 3)).toBe(3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const table = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'email_messages'").get();
    expect(table).toEqual({ strict: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
  });

  it('ties each row to a message, checks types and the JSON of refs, and indexes the header Message-ID', () => {
    const db = at(3);
    expect(() => db.prepare("INSERT INTO email_messages (message_id, header_message_id) VALUES (99, '<x@y>')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('INSERT INTO requesters (created_at, updated_at) VALUES (1, 1)').run();
    db.prepare("INSERT INTO conversations (ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES ('T', 1, 'email', 1, 1, 1)").run();
    db.prepare("INSERT INTO messages (conversation_id, direction, channel, body_text, created_at) VALUES (1, 'outgoing', 'email', 'x', 1)").run();
    expect(() => db.prepare("INSERT INTO email_messages (message_id, refs) VALUES (1, 'not json')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO email_messages (message_id, smtp_started_at) VALUES (1, 'soon')").run()).toThrow(/cannot store TEXT/);
    db.prepare("INSERT INTO email_messages (message_id, header_message_id, refs) VALUES (1, '<x@y>', '[]')").run();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT message_id FROM email_messages WHERE header_message_id = '<x@y>'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX email_messages_header/);
  });
});
