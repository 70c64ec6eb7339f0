import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

const counts = (db: Database.Database) =>
  Object.fromEntries((db.prepare('SELECT status, n FROM inbox_counts ORDER BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));

const truth = (db: Database.Database) => {
  const found = Object.fromEntries(
    (db.prepare('SELECT status, count(*) AS n FROM conversations WHERE automated = 0 GROUP BY status').all() as { status: string; n: number }[]).map((r) => [
      r.status,
      r.n,
    ]),
  );
  return Object.fromEntries(['awaiting_requirements', 'in_progress', 'new', 'rated', 'resolved', 'waiting_requester'].map((s) => [s, found[s] ?? 0]));
};

describe('migration 0015 plain counters', () => {
  it('gives every status its row, keeps the counts of a version-14 inbox, and counts on without upserts', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 14);
    db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
    const add = db.prepare(
      "INSERT INTO conversations (ticket, requester_id, channel, status, automated, last_message_at, created_at, updated_at) VALUES (?, 1, 'email', ?, ?, 1, 1, 1)",
    );
    add.run('A', 'new', 0);
    add.run('B', 'new', 0);
    add.run('C', 'rated', 0);
    add.run('D', 'new', 1);
    // Before: only the statuses that ever had a conversation have a row.
    expect(counts(db)).toEqual({ new: 2, rated: 1 });

    expect(migrate(db, migrations, 15)).toBe(15);
    expect(counts(db)).toEqual({ awaiting_requirements: 0, in_progress: 0, new: 2, rated: 1, resolved: 0, waiting_requester: 0 });

    // A status no conversation had before, a move between statuses, automated flips both ways, a delete.
    add.run('E', 'waiting_requester', 0);
    add.run('F', 'awaiting_requirements', 1);
    db.prepare("UPDATE conversations SET status = 'in_progress' WHERE ticket = 'A'").run();
    db.prepare("UPDATE conversations SET unread_count = 2 WHERE ticket = 'B'").run();
    db.prepare("UPDATE conversations SET automated = 0 WHERE ticket = 'D'").run();
    db.prepare("UPDATE conversations SET automated = 1, status = 'resolved' WHERE ticket = 'B'").run();
    db.prepare("UPDATE conversations SET automated = 0 WHERE ticket = 'F'").run();
    db.prepare("DELETE FROM conversations WHERE ticket = 'C'").run();
    expect(counts(db)).toEqual(truth(db));
    expect(counts(db)).toEqual({ awaiting_requirements: 1, in_progress: 1, new: 1, rated: 0, resolved: 0, waiting_requester: 1 });

    const triggers = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'inbox_counts_%'").pluck().all() as string[];
    expect(triggers).toHaveLength(3);
    for (const sql of triggers) expect(sql).not.toMatch(/ON CONFLICT/i);
  });
});
