import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

const counts = (db: Database.Database) =>
  Object.fromEntries(
    (db.prepare('SELECT status, n FROM inbox_counts WHERE n > 0 ORDER BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
  );

/** A version-4 database with conversations in several states (one automated), then 0005. */
function upgraded() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 4);
  db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
  const add = db.prepare(
    "INSERT INTO conversations (ticket, requester_id, channel, status, automated, last_message_at, created_at, updated_at) VALUES (?, 1, 'email', ?, ?, 1, 1, 1)",
  );
  add.run('A', 'new', 0);
  add.run('B', 'new', 0);
  add.run('C', 'rated', 0);
  add.run('D', 'new', 1);
  expect(migrate(db, migrations, 5)).toBe(5);
  return db;
}

describe('migration 0005 inbox speed', () => {
  it('backfills per-status counts of what the inbox shows (no automated mail)', () => {
    expect(counts(upgraded())).toEqual({ new: 2, rated: 1 });
  });

  it('keeps the counts right through inserts, status changes, automated flips and deletes', () => {
    const db = upgraded();
    db.prepare(
      "INSERT INTO conversations (ticket, requester_id, channel, status, last_message_at, created_at, updated_at) VALUES ('E', 1, 'telegram', 'in_progress', 1, 1, 1)",
    ).run();
    db.prepare("UPDATE conversations SET status = 'resolved' WHERE ticket = 'A'").run();
    db.prepare("UPDATE conversations SET unread_count = 3 WHERE ticket = 'B'").run(); // not a status change
    db.prepare("UPDATE conversations SET automated = 0 WHERE ticket = 'D'").run();
    db.prepare("UPDATE conversations SET automated = 1, status = 'rated' WHERE ticket = 'B'").run();
    db.prepare("DELETE FROM conversations WHERE ticket = 'C'").run();
    const truth = Object.fromEntries(
      (
        db.prepare('SELECT status, count(*) AS n FROM conversations WHERE automated = 0 GROUP BY status ORDER BY status').all() as {
          status: string;
          n: number;
        }[]
      ).map((r) => [r.status, r.n]),
    );
    expect(counts(db)).toEqual(truth);
    expect(truth).toEqual({ in_progress: 1, new: 1, resolved: 1 });
  });

  it('keeps inbox_due equal to the due instant, no due last', () => {
    const db = upgraded();
    db.prepare("UPDATE conversations SET sla_due_at = 500 WHERE ticket = 'A'").run();
    db.prepare(
      "INSERT INTO conversations (ticket, requester_id, channel, sla_due_at, last_message_at, created_at, updated_at) VALUES ('E', 1, 'email', 300, 1, 1, 1)",
    ).run();
    expect(db.prepare('SELECT ticket FROM conversations WHERE automated = 0 ORDER BY inbox_due, id').all()).toEqual([
      { ticket: 'E' },
      { ticket: 'A' },
      { ticket: 'B' },
      { ticket: 'C' },
    ]);
    db.prepare("UPDATE conversations SET sla_due_at = NULL WHERE ticket = 'E'").run();
    const inboxDue = (ticket: string) => (db.prepare('SELECT inbox_due FROM conversations WHERE ticket = ?').get(ticket) as any).inbox_due;
    expect(inboxDue('E')).toBe(Number.MAX_SAFE_INTEGER);
    // a closed consultation keeps its due instant on record but sorts after everything open
    db.prepare("UPDATE conversations SET status = 'resolved' WHERE ticket = 'A'").run();
    expect(inboxDue('A')).toBe(Number.MAX_SAFE_INTEGER);
    db.prepare("UPDATE conversations SET status = 'in_progress' WHERE ticket = 'A'").run();
    expect(inboxDue('A')).toBe(500);
  });

  it('serves an inbox page from the partial index without sorting', () => {
    const db = upgraded();
    const plan = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT c.id FROM conversations c WHERE c.automated = 0 AND c.status IN ('new') ORDER BY c.inbox_due, c.id LIMIT 50 OFFSET 100",
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/COVERING INDEX inbox_status_due/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
