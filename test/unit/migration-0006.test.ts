import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

/** A version-5 database with two officers, a requester and two conversations, then 0006. */
function upgraded() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 5);
  const officer = db.prepare("INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, 'officer', 'x', 1)");
  officer.run(1, 'ayu', 'Ayu');
  officer.run(2, 'made', 'Made');
  db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
  const conversation = db.prepare(
    "INSERT INTO conversations (id, ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES (?, ?, 1, 'telegram', 1, 1, 1)",
  );
  conversation.run(1, 'KONS-5108-20260105-0001');
  conversation.run(2, 'KONS-5108-20260105-0002');
  expect(migrate(db, migrations, 6)).toBe(6);
  return db;
}

const insert = (db: Database.Database, officerId: number, conversationId: number, body: string, mode = 'reply') =>
  db.prepare('INSERT INTO drafts (officer_id, conversation_id, body, mode, updated_at) VALUES (?, ?, ?, ?, 1)').run(officerId, conversationId, body, mode);

describe('migration 0006 drafts', () => {
  it('adds drafts as a STRICT table keyed by officer and conversation, and keeps existing rows', () => {
    const db = upgraded();
    expect(db.prepare("SELECT strict, wr FROM pragma_table_list WHERE schema = 'main' AND name = 'drafts'").get()).toEqual({ strict: 1, wr: 1 });
    expect(db.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all('drafts')).toEqual([
      { name: 'officer_id', pk: 1 },
      { name: 'conversation_id', pk: 2 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 2 });
  });

  it('holds one draft per officer per conversation, each officer their own', () => {
    const db = upgraded();
    insert(db, 1, 1, 'draf Ayu');
    insert(db, 2, 1, 'draf Made');
    insert(db, 1, 2, 'catatan', 'note');
    expect(() => insert(db, 1, 1, 'kedua')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(db.prepare('SELECT officer_id, conversation_id, body FROM drafts ORDER BY officer_id, conversation_id').all()).toEqual([
      { officer_id: 1, conversation_id: 1, body: 'draf Ayu' },
      { officer_id: 1, conversation_id: 2, body: 'catatan' },
      { officer_id: 2, conversation_id: 1, body: 'draf Made' },
    ]);
  });

  it('refuses unknown officers and conversations, blank or oversized bodies, unknown modes and non-integer keys', () => {
    const db = upgraded();
    expect(() => insert(db, 9, 1, 'x')).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, 1, 9, 'x')).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, 1, 1, '   \n')).toThrow(/CHECK/);
    expect(() => insert(db, 1, 1, 'x'.repeat(20_001))).toThrow(/CHECK/);
    insert(db, 1, 1, 'x'.repeat(20_000));
    expect(() => insert(db, 2, 1, 'x', 'email')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO drafts (officer_id, conversation_id, body, updated_at) VALUES ('satu', 1, 'x', 1)").run()).toThrow(
      /datatype|INTEGER/i,
    );
  });

  it("takes a conversation's drafts along when the conversation is deleted (an erased requester leaves no quoted text)", () => {
    const db = upgraded();
    insert(db, 1, 1, 'Yth. Bapak Wayan, data Anda …');
    insert(db, 2, 2, 'lain');
    db.prepare('DELETE FROM conversations WHERE id = 1').run();
    expect(db.prepare('SELECT conversation_id FROM drafts').all()).toEqual([{ conversation_id: 2 }]);
    const plan = (db.prepare('EXPLAIN QUERY PLAN DELETE FROM drafts WHERE conversation_id = 2').all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/drafts_conversation/);
  });
});
