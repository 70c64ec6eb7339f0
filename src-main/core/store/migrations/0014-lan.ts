import type { Migration } from '../migrate';

/**
 * Several PCs in one office. A session remembers where it was opened from (null: this PC) and
 * its own idle time (null: the standard 12 hours), because sessions from other PCs end after
 * the admin's shorter idle time. The host lock is one row: the console that polls the bot and
 * the mailbox, with a heartbeat, so a second console on the same data refuses to poll them too.
 */
export const m0014: Migration = {
  version: 14,
  name: 'lan',
  up(db) {
    db.exec(`
      ALTER TABLE sessions ADD COLUMN remote_address TEXT;
      ALTER TABLE sessions ADD COLUMN idle_ms INTEGER CHECK (idle_ms IS NULL OR idle_ms > 0);
      CREATE TABLE host_lock (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        holder       TEXT NOT NULL,
        hostname     TEXT NOT NULL,
        pid          INTEGER NOT NULL,
        taken_at     INTEGER NOT NULL,
        heartbeat_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
