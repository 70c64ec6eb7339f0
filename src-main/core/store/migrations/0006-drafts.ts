import type { Migration } from '../migrate';

/**
 * Composer drafts in the core, one per officer per conversation, so a draft follows the officer to
 * any PC and survives a restart. Text and composer mode only: attachments (up to 10 × 20 MB) stay
 * in the page until sent, since rewriting them on every debounced save would cost far more than
 * they are worth.
 *
 * Both keys cascade: a draft means nothing without its conversation (and may quote the requester,
 * so erasing a conversation must take its drafts along) or its officer.
 */
export const m0006: Migration = {
  version: 6,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        officer_id      INTEGER NOT NULL REFERENCES officers(id) ON DELETE CASCADE,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        body            TEXT NOT NULL CHECK (length(trim(body, char(32, 9, 10, 13))) > 0 AND length(body) <= 20000),
        mode            TEXT NOT NULL DEFAULT 'reply' CHECK (mode IN ('reply', 'note')),
        updated_at      INTEGER NOT NULL,
        PRIMARY KEY (officer_id, conversation_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX drafts_conversation ON drafts(conversation_id);
    `);
  },
};
