import type { Migration } from '../migrate';

const BEFORE = "IN ('telegram', 'email', 'manual')";
const AFTER = "IN ('telegram', 'email', 'manual', 'whatsapp')";

/**
 * WhatsApp becomes a channel of record: consultations imported from the office phone's chat
 * export or answered by click-to-chat. Every channel column allows 'whatsapp'.
 *
 * Only a CHECK constraint widens, so existing rows stay valid and nothing on disk changes shape;
 * SQLite documents editing the stored schema text for such a change (lang_altertable.html,
 * "making other kinds of table schema changes") instead of copying every message, conversation
 * and outbox row into rebuilt tables with their indexes and triggers. The schema version is
 * bumped so every connection re-reads the schema.
 */
export const m0013: Migration = {
  version: 13,
  name: 'whatsapp',
  up(db) {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND instr(sql, ?) > 0").pluck().all(BEFORE) as string[];
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      const update = db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?");
      for (const table of tables) update.run(BEFORE, AFTER, table);
      db.pragma(`schema_version = ${version + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
    const problems = db.pragma('quick_check', { simple: true });
    if (problems !== 'ok') throw new Error(`schema check after widening the channel columns: ${String(problems)}`);
  },
};
