import type { Migration } from '../migrate';

/**
 * The inbox at 100,000 conversations (Foundation benchmark): indexes that hold only what the inbox
 * shows (automated mail never does), so a page and its offset are read from the index alone, and
 * a per-status count kept by triggers, so the list's total needs no scan of closed years.
 *
 * "Sort by due" needs a plain column: SQLite never reads an index on a VIRTUAL generated column
 * (due_sort of 0001) as covering, so every skipped row of an offset cost a table lookup.
 * inbox_due is kept by triggers: the due instant of a consultation still being worked on, else MAX,
 * so "sort by due" shows what is due first and closed consultations (which keep their old due
 * instant for the record) after everything open.
 */
const INBOX_DUE = (row: string) =>
  `CASE WHEN ${row}.sla_due_at IS NOT NULL AND ${row}.status IN ('new', 'awaiting_requirements', 'in_progress', 'waiting_requester') THEN ${row}.sla_due_at ELSE 9007199254740991 END`;

export const m0005: Migration = {
  version: 5,
  name: 'inbox-speed',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN inbox_due INTEGER NOT NULL DEFAULT 9007199254740991;
      UPDATE conversations SET inbox_due = ${INBOX_DUE('conversations')} WHERE sla_due_at IS NOT NULL;
      CREATE TRIGGER conversations_inbox_due_insert AFTER INSERT ON conversations WHEN new.sla_due_at IS NOT NULL BEGIN
        UPDATE conversations SET inbox_due = ${INBOX_DUE('new')} WHERE id = new.id;
      END;
      CREATE TRIGGER conversations_inbox_due_update AFTER UPDATE OF sla_due_at, status ON conversations
        WHEN old.sla_due_at IS NOT new.sla_due_at OR old.status IS NOT new.status BEGIN
        UPDATE conversations SET inbox_due = ${INBOX_DUE('new')} WHERE id = new.id;
      END;

      DROP INDEX conversations_status_due;
      DROP INDEX conversations_due;
      DROP INDEX conversations_activity;
      DROP INDEX conversations_status_activity;
      CREATE INDEX inbox_status_due ON conversations(status, inbox_due, id) WHERE automated = 0;
      CREATE INDEX inbox_due ON conversations(inbox_due, id) WHERE automated = 0;
      CREATE INDEX inbox_status_activity ON conversations(status, last_message_at DESC, id DESC) WHERE automated = 0;
      CREATE INDEX inbox_activity ON conversations(last_message_at DESC, id DESC) WHERE automated = 0;

      CREATE TABLE inbox_counts (
        status TEXT PRIMARY KEY,
        n      INTEGER NOT NULL CHECK (n >= 0)
      ) STRICT;
      INSERT INTO inbox_counts (status, n)
        SELECT status, count(*) FROM conversations WHERE automated = 0 GROUP BY status;

      CREATE TRIGGER inbox_counts_insert AFTER INSERT ON conversations WHEN new.automated = 0 BEGIN
        INSERT INTO inbox_counts (status, n) VALUES (new.status, 1) ON CONFLICT(status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER inbox_counts_delete AFTER DELETE ON conversations WHEN old.automated = 0 BEGIN
        UPDATE inbox_counts SET n = n - 1 WHERE status = old.status;
      END;
      CREATE TRIGGER inbox_counts_update AFTER UPDATE OF status, automated ON conversations
        WHEN old.status IS NOT new.status OR old.automated IS NOT new.automated BEGIN
        UPDATE inbox_counts SET n = n - 1 WHERE status = old.status AND old.automated = 0;
        INSERT INTO inbox_counts (status, n) SELECT new.status, 1 WHERE new.automated = 0
          ON CONFLICT(status) DO UPDATE SET n = n + 1;
      END;
    `);
  },
};
