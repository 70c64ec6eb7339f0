import type { Migration } from '../migrate';

/**
 * The email channel: what a mail is besides its message row. Inbound: the header
 * Message-ID (to tell two different mails that share one from the same mail fetched twice), the
 * IMAP position, the threading headers and the unfolded text. Outbound: our Message-ID, fixed
 * before the first attempt, and how far the SMTP hand-over got, so that a restart after a crash
 * knows whether a mail may have left (never send twice).
 */
export const m0003: Migration = {
  version: 3,
  name: 'email',
  up(db) {
    db.exec(`
      CREATE TABLE email_messages (
        message_id        INTEGER PRIMARY KEY REFERENCES messages(id),
        -- As in the header, with angle brackets; NULL when the mail had none.
        header_message_id TEXT,
        -- sha256 over the headers (trace headers left out) and the body: same mail = same hash.
        content_hash      TEXT,
        mailbox           TEXT,
        uid_validity      TEXT,
        uid               INTEGER,
        internal_date     INTEGER,
        in_reply_to       TEXT,
        -- JSON array of Message-IDs, oldest first.
        refs              TEXT CHECK (refs IS NULL OR json_valid(refs)),
        -- The text before quoted history was folded away; NULL when nothing was folded.
        full_text         TEXT,
        -- Outgoing only: DATA begun (the mail may have left from here on), 250 received, in Sent.
        smtp_started_at   INTEGER,
        smtp_accepted_at  INTEGER,
        smtp_response     TEXT,
        sent_appended_at  INTEGER
      ) STRICT;
      CREATE INDEX email_messages_header ON email_messages(header_message_id);
      CREATE INDEX email_messages_unappended ON email_messages(smtp_accepted_at) WHERE smtp_accepted_at IS NOT NULL AND sent_appended_at IS NULL;
    `);
  },
};
