import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

describe('migration 0017 queue arrival', () => {
  it("gives each consultation the time its requester's first message came (its creation without one), and the queue indexes order by it", () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 16);
    db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
    const conversation = db.prepare(
      "INSERT INTO conversations (id, ticket, requester_id, channel, status, automated, last_message_at, created_at, updated_at) VALUES (?, ?, 1, 'email', 'new', 0, 1, ?, ?)",
    );
    const message = db.prepare('INSERT INTO messages (conversation_id, direction, channel, body_text, created_at) VALUES (?, ?, ?, ?, ?)');
    // Stored in this order by a newest-first sync: conversation 1 holds the newest mail.
    conversation.run(1, 'KONS-A', 900, 900);
    message.run(1, 'incoming', 'email', 'mail of 20 Feb', 500);
    conversation.run(2, 'KONS-B', 901, 901);
    message.run(2, 'activity', 'email', 'a line of the timeline', 10);
    message.run(2, 'incoming', 'email', 'mail of 2 Jan', 100);
    message.run(2, 'incoming', 'email', 'her reply', 300);
    conversation.run(3, 'KONS-C', 950, 950); // a walk-in recorded without a message yet

    expect(migrate(db, migrations, 17)).toBe(17);
    expect(db.prepare('SELECT id, arrived_at FROM conversations ORDER BY id').all()).toEqual([
      { id: 1, arrived_at: 500 },
      { id: 2, arrived_at: 100 },
      { id: 3, arrived_at: 950 },
    ]);
    // The work queue's order (new first, then due, then arrival) comes from the index, not a sort.
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE automated = 0 AND status = 'new' ORDER BY inbox_due, arrived_at, id")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING (COVERING )?INDEX inbox_status_due/);
    expect(plan.map((p) => p.detail).join(' | ')).not.toMatch(/TEMP B-TREE/);
    expect(db.prepare("SELECT id FROM conversations WHERE automated = 0 AND status = 'new' ORDER BY inbox_due, arrived_at, id").pluck().all()).toEqual([
      2, 1, 3,
    ]);
  });
});
