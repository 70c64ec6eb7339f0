import type { Migration } from '../migrate';

/**
 * BPS's public catalogue (WebAPI v1), kept so an officer can still find and link tables when the
 * office network is down: each answer is stored by what was asked (never by the key, which is a
 * secret), with the instant it was fetched. A link to BPS's own data sent in a reply is recorded
 * per consultation so the weekly report can count consultations answered with an official link.
 */
export const m0011: Migration = {
  version: 11,
  name: 'bps-data',
  up(db) {
    db.exec(`
      CREATE TABLE bps_cache (
        request    TEXT PRIMARY KEY CHECK (length(request) BETWEEN 1 AND 600),
        body       TEXT NOT NULL CHECK (json_valid(body)),
        fetched_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE bps_links_sent (
        id              INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        message_id      INTEGER NOT NULL REFERENCES messages(id),
        url             TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
        title           TEXT,
        sent_at         INTEGER NOT NULL,
        UNIQUE (message_id, url)
      ) STRICT;
      CREATE INDEX bps_links_sent_conversation ON bps_links_sent(conversation_id, sent_at);
    `);
  },
};
