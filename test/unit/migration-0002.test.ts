import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

function at(version: number, db = new Database(':memory:')) {
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);

describe('migration 0002 workflow', () => {
  it('keeps existing ratings (as closure 0) and adds the workflow columns and tables', () => {
    const db = at(1);
    db.exec(`INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1);
      INSERT INTO conversations (id, ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES (7, 'T', 1, 'email', 1, 1, 1);
      INSERT INTO ratings (conversation_id, score, feedback, u1, source, created_at) VALUES (7, 4, 'baik', 3, 'email', 5);`);
    at(2, db);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT conversation_id, closure, score, feedback, u1, rating_request_id FROM ratings').all()).toEqual([
      { conversation_id: 7, closure: 0, score: 4, feedback: 'baik', u1: 3, rating_request_id: null },
    ]);
    expect(columns(db, 'conversations')).toEqual(expect.arrayContaining(['sla_target_days', 'sla_remaining_ms', 'auto_reply_period']));
    expect(columns(db, 'templates')).toContain('system_key');
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; strict: number }[];
    for (const name of ['sla_pauses', 'rating_requests', 'ratings'])
      expect(
        tables.find((t) => t.name === name),
        name,
      ).toMatchObject({ strict: 1 });
  });

  it('one rating request and one rating per closure; a second closure may be rated again', () => {
    const db = at(2);
    db.exec(`INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1);
      INSERT INTO conversations (id, ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES (1, 'T', 1, 'email', 1, 1, 1);`);
    const request = db.prepare("INSERT INTO rating_requests (conversation_id, closure, channel, created_at) VALUES (1, ?, 'email', 1)");
    request.run(0);
    expect(() => request.run(0)).toThrow(/UNIQUE/);
    request.run(1);
    const rating = db.prepare("INSERT INTO ratings (conversation_id, closure, rating_request_id, score, source, created_at) VALUES (1, ?, ?, 5, 'email', 1)");
    rating.run(0, 1);
    expect(() => rating.run(0, 2)).toThrow(/UNIQUE/);
    rating.run(1, 2);
    expect(() => db.prepare("INSERT INTO ratings (conversation_id, closure, u1, source, created_at) VALUES (1, 2, 5, 'email', 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO sla_pauses (conversation_id, from_at, to_at) VALUES (1, 10, 5)').run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO sla_pauses (conversation_id, from_at, to_at) VALUES (99, 1, 5)').run()).toThrow(/FOREIGN KEY/);
  });

  it('system keys are unique; quick replies have none', () => {
    const db = at(2);
    const insert = db.prepare("INSERT INTO templates (name, body, system_key, created_at, updated_at) VALUES (?, 'x', ?, 1, 1)");
    insert.run('a', 'ack');
    expect(() => insert.run('b', 'ack')).toThrow(/UNIQUE/);
    insert.run('c', null);
    insert.run('d', null);
  });
});
