import type { Migration } from '../migrate';

/**
 * The service workflow: SLA pause spans, rating requests per closure, one rating per
 * closure (a reopened and re-closed consultation is rated again), system templates.
 */
export const m0002: Migration = {
  version: 2,
  name: 'workflow',
  up(db) {
    db.exec(`
      -- The target in working days fixed when the clock starts: a later change of the setting does
      -- not move the promise already made to a requester.
      ALTER TABLE conversations ADD COLUMN sla_target_days INTEGER;
      -- Open time left (ms, negative when late) frozen while the clock is paused or the
      -- consultation is closed; NULL while the clock runs (then sla_due_at holds the due instant).
      ALTER TABLE conversations ADD COLUMN sla_remaining_ms INTEGER;
      -- closedPeriodKey of the last out-of-hours reply: one per evening/weekend/holiday block.
      ALTER TABLE conversations ADD COLUMN auto_reply_period TEXT;

      -- Spans during which the SLA clock stood still (waiting for the requester, closed): the due
      -- instant is recomputed from them with the calendar (ServiceCalendar.dueAt).
      CREATE TABLE sla_pauses (
        id              INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        from_at         INTEGER NOT NULL,
        to_at           INTEGER NOT NULL CHECK (to_at >= from_at)
      ) STRICT;
      CREATE INDEX sla_pauses_conversation ON sla_pauses(conversation_id);

      -- One rating request per closure (closure = conversations.reopened_count when resolved).
      CREATE TABLE rating_requests (
        id                 INTEGER PRIMARY KEY,
        conversation_id    INTEGER NOT NULL REFERENCES conversations(id),
        closure            INTEGER NOT NULL,
        channel            TEXT NOT NULL CHECK (channel IN ('telegram', 'email', 'manual')),
        message_id         INTEGER REFERENCES messages(id),
        survey_message_id  INTEGER REFERENCES messages(id),
        created_at         INTEGER NOT NULL,
        answered_at        INTEGER,
        survey_answered_at INTEGER,
        UNIQUE (conversation_id, closure)
      ) STRICT;

      CREATE TABLE ratings_v2 (
        id                INTEGER PRIMARY KEY,
        conversation_id   INTEGER NOT NULL REFERENCES conversations(id),
        closure           INTEGER NOT NULL DEFAULT 0,
        rating_request_id INTEGER UNIQUE REFERENCES rating_requests(id),
        score             INTEGER CHECK (score BETWEEN 1 AND 5),
        feedback          TEXT,
        u1 INTEGER CHECK (u1 BETWEEN 1 AND 4), u2 INTEGER CHECK (u2 BETWEEN 1 AND 4),
        u3 INTEGER CHECK (u3 BETWEEN 1 AND 4), u4 INTEGER CHECK (u4 BETWEEN 1 AND 4),
        u5 INTEGER CHECK (u5 BETWEEN 1 AND 4), u6 INTEGER CHECK (u6 BETWEEN 1 AND 4),
        u7 INTEGER CHECK (u7 BETWEEN 1 AND 4), u8 INTEGER CHECK (u8 BETWEEN 1 AND 4),
        u9 INTEGER CHECK (u9 BETWEEN 1 AND 4),
        source            TEXT NOT NULL CHECK (source IN ('telegram', 'email', 'manual')),
        entered_by        INTEGER REFERENCES officers(id),
        created_at        INTEGER NOT NULL,
        UNIQUE (conversation_id, closure)
      ) STRICT;
      INSERT INTO ratings_v2 (id, conversation_id, closure, score, feedback, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, entered_by, created_at)
        SELECT id, conversation_id, 0, score, feedback, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, entered_by, created_at FROM ratings;
      DROP TABLE ratings;
      ALTER TABLE ratings_v2 RENAME TO ratings;
      CREATE INDEX ratings_created ON ratings(created_at);

      -- Templates the console sends by itself (acknowledgement, out-of-hours reply, rating request,
      -- survey): editable, never deleted; officers' quick replies have no system key.
      ALTER TABLE templates ADD COLUMN system_key TEXT;
      CREATE UNIQUE INDEX templates_system_key ON templates(system_key) WHERE system_key IS NOT NULL;

      CREATE INDEX complaints_status ON complaints(status, received_at);
    `);
  },
};
