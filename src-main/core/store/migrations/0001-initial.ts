import type { Migration } from '../migrate';

/**
 * The first schema: one STRICT table per entity of DESIGN §2. Times are INTEGER milliseconds
 * since the epoch (UTC); days of the calendar are TEXT 'YYYY-MM-DD' in WITA.
 */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE officers (
        id            INTEGER PRIMARY KEY,
        username      TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        signature     TEXT NOT NULL DEFAULT '',
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until  INTEGER,
        created_at    INTEGER NOT NULL,
        last_login_at INTEGER
      ) STRICT;

      CREATE TABLE sessions (
        token_hash   TEXT PRIMARY KEY,
        officer_id   INTEGER NOT NULL REFERENCES officers(id) ON DELETE CASCADE,
        created_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_officer ON sessions(officer_id);

      CREATE TABLE requesters (
        id                INTEGER PRIMARY KEY,
        name              TEXT,
        institution       TEXT,
        occupation        TEXT,
        email             TEXT,
        whatsapp          TEXT,
        telegram_user_id  TEXT,
        telegram_username TEXT,
        unreachable       INTEGER NOT NULL DEFAULT 0 CHECK (unreachable IN (0, 1)),
        merged_into       INTEGER REFERENCES requesters(id),
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX requesters_email ON requesters(email);

      CREATE TABLE channel_identities (
        id           INTEGER PRIMARY KEY,
        requester_id INTEGER NOT NULL REFERENCES requesters(id),
        channel      TEXT NOT NULL CHECK (channel IN ('telegram', 'email', 'manual')),
        source_id    TEXT NOT NULL,
        display_name TEXT,
        created_at   INTEGER NOT NULL,
        UNIQUE (channel, source_id)
      ) STRICT;
      CREATE INDEX channel_identities_requester ON channel_identities(requester_id);

      CREATE TABLE conversations (
        id                       INTEGER PRIMARY KEY,
        ticket                   TEXT NOT NULL UNIQUE,
        requester_id             INTEGER NOT NULL REFERENCES requesters(id),
        channel_identity_id      INTEGER REFERENCES channel_identities(id),
        channel                  TEXT NOT NULL CHECK (channel IN ('telegram', 'email', 'manual')),
        status                   TEXT NOT NULL DEFAULT 'new' CHECK (status IN
                                   ('new', 'awaiting_requirements', 'in_progress', 'waiting_requester', 'resolved', 'rated')),
        subject                  TEXT,
        need                     TEXT,
        topic                    TEXT,
        summary                  TEXT,
        assignee_id              INTEGER REFERENCES officers(id),
        automated                INTEGER NOT NULL DEFAULT 0 CHECK (automated IN (0, 1)),
        unread_count             INTEGER NOT NULL DEFAULT 0,
        last_message_preview     TEXT NOT NULL DEFAULT '',
        last_message_at          INTEGER NOT NULL,
        last_incoming_at         INTEGER,
        first_response_at        INTEGER,
        requirements_complete_at INTEGER,
        sla_paused_since         INTEGER,
        sla_paused_ms            INTEGER NOT NULL DEFAULT 0,
        sla_due_at               INTEGER,
        ack_sent_at              INTEGER,
        resolved_at              INTEGER,
        reopened_count           INTEGER NOT NULL DEFAULT 0,
        created_at               INTEGER NOT NULL,
        updated_at               INTEGER NOT NULL,
        -- "Sort by due" puts conversations without a due instant last; an indexed column keeps
        -- that order readable straight from the index instead of sorting the table.
        due_sort                 INTEGER GENERATED ALWAYS AS (coalesce(sla_due_at, 9007199254740991)) VIRTUAL
      ) STRICT;
      CREATE INDEX conversations_status_due ON conversations(status, due_sort, id);
      CREATE INDEX conversations_due ON conversations(due_sort, id);
      CREATE INDEX conversations_activity ON conversations(last_message_at DESC, id DESC);
      CREATE INDEX conversations_status_activity ON conversations(status, last_message_at DESC, id DESC);
      CREATE INDEX conversations_requester ON conversations(requester_id, channel, created_at);
      CREATE INDEX conversations_assignee ON conversations(assignee_id, status);
      CREATE INDEX conversations_created ON conversations(created_at);

      CREATE TABLE ticket_counters (
        day  TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE messages (
        id                 INTEGER PRIMARY KEY,
        conversation_id    INTEGER NOT NULL REFERENCES conversations(id),
        direction          TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'note', 'activity')),
        channel            TEXT NOT NULL CHECK (channel IN ('telegram', 'email', 'manual')),
        external_id        TEXT,
        body_text          TEXT NOT NULL DEFAULT '',
        body_html          TEXT,
        author_officer_id  INTEGER REFERENCES officers(id),
        delivery           TEXT CHECK (delivery IN ('pending', 'sent', 'failed')),
        failure_reason     TEXT,
        sent_at            INTEGER,
        meta               TEXT,
        created_at         INTEGER NOT NULL,
        edited_at          INTEGER,
        UNIQUE (channel, external_id)
      ) STRICT;
      CREATE INDEX messages_conversation ON messages(conversation_id, id);

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        body_text,
        content = 'messages',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, body_text) VALUES (new.id, new.body_text);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF body_text ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
        INSERT INTO messages_fts(rowid, body_text) VALUES (new.id, new.body_text);
      END;

      CREATE TABLE attachments (
        id         INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages(id),
        sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
        file_name  TEXT NOT NULL,
        mime_type  TEXT NOT NULL,
        size       INTEGER NOT NULL,
        content_id TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX attachments_message ON attachments(message_id);
      CREATE INDEX attachments_sha256 ON attachments(sha256);

      CREATE TABLE ratings (
        id              INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL UNIQUE REFERENCES conversations(id),
        score           INTEGER CHECK (score BETWEEN 1 AND 5),
        feedback        TEXT,
        u1 INTEGER CHECK (u1 BETWEEN 1 AND 4), u2 INTEGER CHECK (u2 BETWEEN 1 AND 4),
        u3 INTEGER CHECK (u3 BETWEEN 1 AND 4), u4 INTEGER CHECK (u4 BETWEEN 1 AND 4),
        u5 INTEGER CHECK (u5 BETWEEN 1 AND 4), u6 INTEGER CHECK (u6 BETWEEN 1 AND 4),
        u7 INTEGER CHECK (u7 BETWEEN 1 AND 4), u8 INTEGER CHECK (u8 BETWEEN 1 AND 4),
        u9 INTEGER CHECK (u9 BETWEEN 1 AND 4),
        source          TEXT NOT NULL CHECK (source IN ('telegram', 'email', 'manual')),
        entered_by      INTEGER REFERENCES officers(id),
        created_at      INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE complaints (
        id              INTEGER PRIMARY KEY,
        source          TEXT NOT NULL CHECK (source IN ('kotak_saran', 'formulir_online', 'telepon', 'telegram', 'email', 'langsung')),
        text            TEXT NOT NULL,
        contact_name    TEXT,
        contact         TEXT,
        requester_id    INTEGER REFERENCES requesters(id),
        message_id      INTEGER REFERENCES messages(id),
        status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved')),
        response        TEXT,
        officer_id      INTEGER REFERENCES officers(id),
        received_at     INTEGER NOT NULL,
        resolved_at     INTEGER,
        created_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX complaints_received ON complaints(received_at);

      CREATE TABLE templates (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        shortcut   TEXT UNIQUE,
        body       TEXT NOT NULL,
        language   TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Encrypted by the host (Electron safeStorage, or the browser host's key file).
      CREATE TABLE secrets (
        key        TEXT PRIMARY KEY,
        ciphertext BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- One row per channel account and stream (IMAP mailbox, Telegram bot): written only in the
      -- same transaction as the messages it covers.
      CREATE TABLE channel_cursors (
        channel    TEXT NOT NULL,
        account    TEXT NOT NULL,
        stream     TEXT NOT NULL DEFAULT '',
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (channel, account, stream)
      ) STRICT;

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        message_id      INTEGER NOT NULL UNIQUE REFERENCES messages(id),
        channel         TEXT NOT NULL CHECK (channel IN ('telegram', 'email', 'manual')),
        state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        payload         TEXT NOT NULL CHECK (json_valid(payload)),
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          INTEGER NOT NULL,
        officer_id  INTEGER REFERENCES officers(id),
        action      TEXT NOT NULL,
        entity_type TEXT,
        entity_id   TEXT,
        detail      TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);

      CREATE TABLE non_working_days (
        date   TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        kind   TEXT NOT NULL CHECK (kind IN ('national', 'cuti_bersama', 'local')),
        name   TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'manual'
      ) STRICT;
    `);
  },
};
