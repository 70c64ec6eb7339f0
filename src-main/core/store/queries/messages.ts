import type { AttachmentView, CoreMessage, MessageView, PendingFileView, SearchHit } from '../../../../src-preload/contract';
import type { Db } from '../db';

interface MessageRow extends Omit<MessageView, 'attachments' | 'hasHtml' | 'sentOutsideConsole' | 'otherSender'> {
  hasHtml: number;
  sentOutsideConsole: number | null;
  otherSender: string | null;
}

// Who speaks, from what the writer of the row recorded in meta.kind (outbox payload kinds) and
// meta.answeredVia (answers given at the desk, by phone or sent from WhatsApp), the office
// phone's own lines in an imported WhatsApp chat, and the office's mail sent from webmail or
// another client (a person wrote it: never "automatic"). The automatic kinds come first: the
// console's own messages must never read as an officer's.
const ORIGIN = `CASE
    WHEN m.direction = 'incoming' THEN 'requester'
    WHEN m.direction = 'note' THEN 'note'
    WHEN json_extract(m.meta, '$.kind') = 'ack' THEN 'ack'
    WHEN json_extract(m.meta, '$.kind') IN ('rating_request', 'survey') THEN 'rating'
    WHEN json_extract(m.meta, '$.kind') = 'auto_reply' AND m.channel = 'telegram' AND json_extract(m.meta, '$.outOfHours') IS NULL THEN 'bot'
    WHEN json_extract(m.meta, '$.kind') = 'auto_reply' THEN 'out_of_hours'
    WHEN json_extract(m.meta, '$.answeredVia') = 'telepon' THEN 'answered_by_phone'
    WHEN json_extract(m.meta, '$.answeredVia') = 'langsung' THEN 'answered_in_person'
    WHEN json_extract(m.meta, '$.answeredVia') = 'whatsapp' THEN 'answered_by_whatsapp'
    WHEN m.channel = 'whatsapp' AND m.direction = 'outgoing' AND json_extract(m.meta, '$.sentOutsideConsole') THEN 'office_whatsapp'
    WHEN m.channel = 'email' AND m.direction = 'outgoing' AND m.author_officer_id IS NULL AND json_extract(m.meta, '$.sentOutsideConsole') THEN 'office_email'
    WHEN m.direction = 'outgoing' AND m.author_officer_id IS NOT NULL THEN 'officer'
    ELSE 'system' END`;

const MESSAGE_COLUMNS = `m.id, m.conversation_id AS conversationId, m.direction, m.channel, m.body_text AS text, m.body_html IS NOT NULL AS hasHtml,
  m.delivery, m.failure_reason AS failureReason, m.author_officer_id AS authorOfficerId,
  CASE WHEN m.direction IN ('outgoing', 'note') THEN o.display_name END AS authorName, ${ORIGIN} AS origin,
  (SELECT k.id FROM complaints k WHERE k.message_id = m.id LIMIT 1) AS complaintId,
  m.created_at AS createdAt, m.edited_at AS editedAt,
  CASE WHEN m.meta IS NOT NULL AND json_valid(m.meta) THEN json_extract(m.meta, '$.sentOutsideConsole') END AS sentOutsideConsole,
  CASE WHEN m.meta IS NOT NULL AND json_valid(m.meta) THEN json_extract(m.meta, '$.otherSender') END AS otherSender`;
const MESSAGE_FROM = 'messages m LEFT JOIN officers o ON o.id = m.author_officer_id';

function withAttachments(db: Db, rows: MessageRow[]): MessageView[] {
  const files = new Map<number, AttachmentView[]>();
  const pending = new Map<number, PendingFileView[]>();
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id);
    const all = db
      .prepare(
        `SELECT id, message_id AS messageId, file_name AS fileName, mime_type AS mimeType, size, sha256, inline, damaged
           FROM attachments WHERE message_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
      )
      .all(...ids) as (Omit<AttachmentView, 'inline' | 'damaged'> & { messageId: number; inline: number; damaged: number })[];
    for (const { messageId, inline, damaged, ...a } of all)
      files.set(messageId, [...(files.get(messageId) ?? []), { ...a, inline: inline === 1, damaged: damaged === 1 }]);
    const waiting = db
      .prepare(
        `SELECT id, message_id AS messageId, file_name AS fileName, state, attempts, next_try_at AS nextTryAt, last_error AS error
           FROM attachment_downloads WHERE state <> 'done' AND message_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
      )
      .all(...ids) as (Omit<PendingFileView, 'error'> & { messageId: number; error: string | null })[];
    for (const { messageId, error, ...p } of waiting)
      pending.set(messageId, [...(pending.get(messageId) ?? []), { ...p, error: error ? ({ code: error } as CoreMessage) : null }]);
  }
  return rows.map((r) => ({
    ...r,
    hasHtml: r.hasHtml === 1,
    sentOutsideConsole: r.sentOutsideConsole === 1,
    otherSender: typeof r.otherSender === 'string' ? r.otherSender : null,
    attachments: files.get(r.id) ?? [],
    ...(pending.has(r.id) ? { pendingFiles: pending.get(r.id)! } : {}),
  }));
}

/** FTS5 walks its index by rowid (ORDER BY rowid DESC), so the newest hits come without a sort. */
function searchOne(db: Db, ftsQuery: string, limit: number): SearchHit[] {
  return db
    .prepare(
      `SELECT m.id AS messageId, m.conversation_id AS conversationId, c.ticket,
              coalesce(r.name, (SELECT ci.display_name FROM channel_identities ci WHERE ci.id = c.channel_identity_id)) AS requesterName, m.created_at AS createdAt,
              snippet(messages_fts, 0, char(2), char(3), '…', 16) AS snippet
         FROM messages_fts
         JOIN messages m ON m.id = messages_fts.rowid
         JOIN conversations c ON c.id = m.conversation_id
         JOIN requesters r ON r.id = c.requester_id
        WHERE messages_fts MATCH ?
        ORDER BY messages_fts.rowid DESC LIMIT ?`,
    )
    .all(ftsQuery, limit) as SearchHit[];
}

export const messageQueries = (db: Db) => ({
  /** Newest first, `limit` at a time, older pages by `beforeId`. */
  list(conversationId: number, beforeId: number | undefined, limit: number): MessageView[] {
    const rows = db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.conversation_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?`)
      .all(conversationId, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as MessageRow[];
    return withAttachments(db, rows);
  },

  byId(id: number): MessageView | null {
    const row = db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.id = ?`).get(id) as MessageRow | undefined;
    return row ? (withAttachments(db, [row])[0] ?? null) : null;
  },

  insertNote(conversationId: number, text: string, officerId: number, now: number): number {
    return Number(
      db
        .prepare(
          "INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, created_at) SELECT id, 'note', channel, ?, ?, ? FROM conversations WHERE id = ?",
        )
        .run(text, officerId, now, conversationId).lastInsertRowid,
    );
  },

  /** Whole-word hits first; when they are fewer than `limit`, prefix hits fill up. Newest first. */
  search(queries: { exact: string; prefix: string | null }, limit: number): SearchHit[] {
    const hits = searchOne(db, queries.exact, limit);
    if (hits.length >= limit || !queries.prefix) return hits;
    const seen = new Set(hits.map((h) => h.messageId));
    const more = searchOne(db, queries.prefix, limit).filter((h) => !seen.has(h.messageId));
    return [...hits, ...more].sort((a, b) => b.messageId - a.messageId).slice(0, limit);
  },
});

/**
 * Turns what an officer types into safe FTS5 queries: each word a quoted term, all required, so FTS
 * syntax typed by the user is text, never operators. `exact` matches whole words (fast even for
 * common ones); `prefix` also lets the LAST word be the start of a word, as while typing "penduduk
 * sukas…". Prefix terms on common words are slow, so only a last word of 3+ characters gets one.
 */
export function toFtsQueries(input: string): { exact: string; prefix: string | null } | null {
  const words = (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (words.length === 0) return null;
  const quoted = words.map((w) => `"${w}"`);
  const exact = quoted.join(' ');
  const last = words[words.length - 1]!;
  const prefix = last.length >= 3 ? [...quoted.slice(0, -1), `"${last}"*`].join(' ') : null;
  return { exact, prefix };
}
