import type { Migration } from '../migrate';

/**
 * The Telegram channel: the bot's dialogue state per chat (intake questions, waiting
 * for rating feedback), the SKM survey answers collected button by button, and how far a
 * multi-part send got (a long reply split in several messages, files after the text) so a retry
 * never sends a part twice.
 */
export const m0004: Migration = {
  version: 4,
  name: 'telegram',
  up(db) {
    db.exec(`
      -- One row per private chat (chat id = Telegram user id). mode: 'idle' | 'intake' | 'feedback'.
      CREATE TABLE telegram_chats (
        chat_id         TEXT PRIMARY KEY,
        requester_id    INTEGER NOT NULL REFERENCES requesters(id),
        conversation_id INTEGER REFERENCES conversations(id),
        mode            TEXT NOT NULL DEFAULT 'idle' CHECK (mode IN ('idle', 'intake', 'feedback')),
        -- The question being asked: name, institution, email, whatsapp, occupation, need.
        step            TEXT,
        -- Set while the requester corrects one answer (after /ubah): back to the summary after it.
        correcting      INTEGER NOT NULL DEFAULT 0 CHECK (correcting IN (0, 1)),
        rating_request_id INTEGER REFERENCES rating_requests(id),
        updated_at      INTEGER NOT NULL
      ) STRICT;

      -- The SKM survey of one rating request, answered one question at a time.
      CREATE TABLE telegram_surveys (
        rating_request_id INTEGER PRIMARY KEY REFERENCES rating_requests(id),
        chat_id           TEXT NOT NULL,
        answers           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers)),
        completed_at      INTEGER,
        updated_at        INTEGER NOT NULL
      ) STRICT;

      -- Parts of one outbox item already accepted by Telegram (part 0, 1, ... in send order).
      CREATE TABLE telegram_sent_parts (
        outbox_id           INTEGER NOT NULL REFERENCES outbox(id),
        part                INTEGER NOT NULL,
        chat_id             TEXT NOT NULL,
        telegram_message_id INTEGER NOT NULL,
        sent_at             INTEGER NOT NULL,
        PRIMARY KEY (outbox_id, part)
      ) STRICT;
    `);
  },
};
