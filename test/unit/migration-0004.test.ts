import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

/** A database at version 3 with one Telegram requester, conversation and outbox item, then 0004. */
function upgraded() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 3);
  db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
  db.prepare(
    "INSERT INTO conversations (id, ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES (1, 'KONS-5108-20260105-0001', 1, 'telegram', 1, 1, 1)",
  ).run();
  db.prepare(
    "INSERT INTO messages (id, conversation_id, direction, channel, body_text, delivery, created_at) VALUES (1, 1, 'outgoing', 'telegram', 'x', 'pending', 1)",
  ).run();
  db.prepare("INSERT INTO outbox (id, message_id, channel, next_attempt_at, payload, created_at, updated_at) VALUES (1, 1, 'telegram', 1, '{}', 1, 1)").run();
  expect(migrate(db, migrations, 4)).toBe(4);
  return db;
}

describe('migration 0004 telegram', () => {
  it('adds the bot dialogue state, the survey answers and the sent parts as STRICT tables', () => {
    const db = upgraded();
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name LIKE 'telegram_%' ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'telegram_chats', strict: 1 },
      { name: 'telegram_sent_parts', strict: 1 },
      { name: 'telegram_surveys', strict: 1 },
    ]);
  });

  it('keeps existing rows and constrains the new ones', () => {
    const db = upgraded();
    expect(db.prepare('SELECT ticket FROM conversations').get()).toEqual({ ticket: 'KONS-5108-20260105-0001' });
    db.prepare("INSERT INTO telegram_chats (chat_id, requester_id, conversation_id, mode, step, updated_at) VALUES ('700', 1, 1, 'intake', 'email', 1)").run();
    expect(() => db.prepare("INSERT INTO telegram_chats (chat_id, requester_id, mode, updated_at) VALUES ('701', 1, 'chatting', 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO telegram_chats (chat_id, requester_id, mode, updated_at) VALUES ('702', 99, 'idle', 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO telegram_sent_parts (outbox_id, part, chat_id, telegram_message_id, sent_at) VALUES (1, 0, '700', 55, 1)").run();
    expect(() =>
      db.prepare("INSERT INTO telegram_sent_parts (outbox_id, part, chat_id, telegram_message_id, sent_at) VALUES (1, 0, '700', 56, 1)").run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare("INSERT INTO telegram_surveys (rating_request_id, chat_id, answers, updated_at) VALUES (1, '700', 'not json', 1)").run()).toThrow(
      /CHECK|FOREIGN KEY/,
    );
  });
});
