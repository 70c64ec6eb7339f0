import type { Migration } from '../migrate';

/**
 * The word index (messages_fts) takes new messages after they are stored instead of inside the
 * transaction that stores them: indexing was a fifth of a first mail sync's store time, and a
 * search can wait a moment where the inbox cannot. search_index_state.indexed_upto is the message
 * id up to which the index holds every message; above it, rows wait for the indexer
 * (store/search-index.ts), which a search runs first, so a search never misses a stored message.
 * The triggers touch the index only for rows it already holds: an external-content FTS5 table must
 * never be told to delete a row it was not given.
 */
export const m0016: Migration = {
  version: 16,
  name: 'search-index-later',
  up(db) {
    db.exec(`
      CREATE TABLE search_index_state (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_upto INTEGER NOT NULL
      ) STRICT;
      INSERT INTO search_index_state (id, indexed_upto) SELECT 1, coalesce(max(id), 0) FROM messages;

      DROP TRIGGER messages_fts_insert;
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
        WHEN new.id <= (SELECT indexed_upto FROM search_index_state) BEGIN
        INSERT INTO messages_fts(rowid, body_text) VALUES (new.id, new.body_text);
      END;

      DROP TRIGGER messages_fts_delete;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
        WHEN old.id <= (SELECT indexed_upto FROM search_index_state) BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
      END;

      DROP TRIGGER messages_fts_update;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF body_text ON messages
        WHEN old.id <= (SELECT indexed_upto FROM search_index_state) BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
        INSERT INTO messages_fts(rowid, body_text) VALUES (new.id, new.body_text);
      END;
    `);
  },
};
