import type { Migration } from '../migrate';
import { indexSimilarAnswer } from '../similar-answers';

/**
 * Similar past consultations: the office's final answers, searchable by what was asked.
 *
 * similar_answers holds per closed consultation the reply as any requester could receive it and
 * the Indonesian-stemmed terms of need, summary, topic and reply (see similar-terms.ts); FTS5 has
 * no Indonesian tokenizer, so the stemming is done before the text reaches it. similar_fts is an
 * external-content index over those terms, kept in step by triggers, ranked by bm25 with the
 * need weighted highest (the topic and the reply are shared by many consultations).
 *
 * similar_uses counts how the suggestions are used: shown, taken as a draft, then sent as taken
 * or edited. The draft itself is not kept (it names the requester), only its hash.
 *
 * Consultations closed before this version are indexed here, from their state as it is now.
 */
export const m0012: Migration = {
  version: 12,
  name: 'similar-answers',
  up(db) {
    db.exec(`
      CREATE TABLE similar_answers (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id),
        message_id      INTEGER NOT NULL REFERENCES messages(id),
        answer          TEXT NOT NULL,
        need_terms      TEXT NOT NULL,
        summary_terms   TEXT NOT NULL,
        topic_terms     TEXT NOT NULL,
        answer_terms    TEXT NOT NULL,
        indexed_at      INTEGER NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE similar_fts USING fts5(
        need_terms, summary_terms, topic_terms, answer_terms,
        content = 'similar_answers',
        content_rowid = 'conversation_id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO similar_fts(similar_fts, rank) VALUES ('rank', 'bm25(1.0, 0.7, 0.5, 0.3)');
      CREATE TRIGGER similar_fts_insert AFTER INSERT ON similar_answers BEGIN
        INSERT INTO similar_fts(rowid, need_terms, summary_terms, topic_terms, answer_terms)
        VALUES (new.conversation_id, new.need_terms, new.summary_terms, new.topic_terms, new.answer_terms);
      END;
      CREATE TRIGGER similar_fts_delete AFTER DELETE ON similar_answers BEGIN
        INSERT INTO similar_fts(similar_fts, rowid, need_terms, summary_terms, topic_terms, answer_terms)
        VALUES ('delete', old.conversation_id, old.need_terms, old.summary_terms, old.topic_terms, old.answer_terms);
      END;
      CREATE TRIGGER similar_fts_update AFTER UPDATE ON similar_answers BEGIN
        INSERT INTO similar_fts(similar_fts, rowid, need_terms, summary_terms, topic_terms, answer_terms)
        VALUES ('delete', old.conversation_id, old.need_terms, old.summary_terms, old.topic_terms, old.answer_terms);
        INSERT INTO similar_fts(rowid, need_terms, summary_terms, topic_terms, answer_terms)
        VALUES (new.conversation_id, new.need_terms, new.summary_terms, new.topic_terms, new.answer_terms);
      END;

      CREATE TABLE similar_uses (
        id                     INTEGER PRIMARY KEY,
        conversation_id        INTEGER NOT NULL REFERENCES conversations(id),
        source_conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        officer_id             INTEGER REFERENCES officers(id),
        shown_at               INTEGER NOT NULL,
        used_at                INTEGER,
        draft_sha256           TEXT CHECK (draft_sha256 IS NULL OR length(draft_sha256) = 64),
        sent_message_id        INTEGER REFERENCES messages(id),
        edited                 INTEGER CHECK (edited IN (0, 1)),
        UNIQUE (conversation_id, source_conversation_id)
      ) STRICT;
      CREATE INDEX similar_uses_sent ON similar_uses(sent_message_id) WHERE sent_message_id IS NOT NULL;
    `);
    const now = Date.now();
    const closed = db.prepare("SELECT id FROM conversations WHERE status IN ('resolved', 'rated') ORDER BY id").pluck().all() as number[];
    for (const id of closed) indexSimilarAnswer(db, id, now);
  },
};
