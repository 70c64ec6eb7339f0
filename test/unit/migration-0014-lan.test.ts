import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

describe('migration 0014 lan', () => {
  it('keeps existing sessions as this-PC sessions with the standard idle time, and adds the one-row host lock', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 13);
    db.prepare("INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (1, 'admin', 'Admin', 'admin', 'x', 1)").run();
    db.prepare("INSERT INTO sessions (token_hash, officer_id, created_at, last_seen_at, expires_at) VALUES ('h1', 1, 1, 1, 2)").run();

    expect(migrate(db, migrations, 14)).toBe(14);
    expect(db.prepare("SELECT remote_address, idle_ms FROM sessions WHERE token_hash = 'h1'").get()).toEqual({ remote_address: null, idle_ms: null });
    db.prepare(
      "INSERT INTO sessions (token_hash, officer_id, created_at, last_seen_at, expires_at, remote_address, idle_ms) VALUES ('h2', 1, 1, 1, 2, '192.168.1.21', 900000)",
    ).run();
    expect(() =>
      db.prepare("INSERT INTO sessions (token_hash, officer_id, created_at, last_seen_at, expires_at, idle_ms) VALUES ('h3', 1, 1, 1, 2, 0)").run(),
    ).toThrow(/CHECK/);

    const lock = db.prepare('INSERT INTO host_lock (id, holder, hostname, pid, taken_at, heartbeat_at) VALUES (?, ?, ?, ?, 1, 1)');
    lock.run(1, 'a', 'PC-PST', 100);
    // A second holder cannot add its own row: there is one lock, not one per console.
    expect(() => lock.run(2, 'b', 'PC-2', 200)).toThrow(/CHECK/);
    expect(() => lock.run(1, 'b', 'PC-2', 200)).toThrow(/UNIQUE|PRIMARY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
