import type { AttachmentView, MessageView, SearchHit } from '../../../../src-preload/contract';
import type { Db } from '../db';

interface MessageRow extends Omit<MessageView, 'attachments' | 'hasHtml'> {
  hasHtml: number;
}

const MESSAGE_COLUMNS = `id, conversation_id AS conversationId, direction, channel, body_text AS text, body_html IS NOT NULL AS hasHtml,
  delivery, failure_reason AS failureReason, author_officer_id AS authorOfficerId, created_at AS createdAt, edited_at AS editedAt`;

function withAttachments(db: Db, rows: MessageRow[]): MessageView[] {
  const files = new Map<number, AttachmentView[]>();
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id);
    const all = db
      .prepare(
        `SELECT id, message_id AS messageId, file_name AS fileName, mime_type AS mimeType, size, sha256
           FROM attachments WHERE message_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
      )
      .all(...ids) as (AttachmentView & { messageId: number })[];
    for (const { messageId, ...a } of all) files.set(messageId, [...(files.get(messageId) ?? []), a]);
  }
  return rows.map((r) => ({ ...r, hasHtml: r.hasHtml === 1, attachments: files.get(r.id) ?? [] }));
}

export const messageQueries = (db: Db) => ({
  /** Newest first, `limit` at a time, older pages by `beforeId`. */
  list(conversationId: number, beforeId: number | undefined, limit: number): MessageView[] {
    const rows = db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?`)
      .all(conversationId, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as MessageRow[];
    return withAttachments(db, rows);
  },

  byId(id: number): MessageView | null {
    const row = db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`).get(id) as MessageRow | undefined;
    return row ? (withAttachments(db, [row])[0] ?? null) : null;
  },

  insertNote(conversationId: number, text: string, officerId: number, now: number): number {
    return Number(
      db
        .prepare("INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, created_at) SELECT id, 'note', channel, ?, ?, ? FROM conversations WHERE id = ?")
        .run(text, officerId, now, conversationId).lastInsertRowid,
    );
  },
  /** Newest hits first; FTS5 walks its index by rowid, so common words stay fast. */
  search(ftsQuery: string, limit: number): SearchHit[] {
    return db
      .prepare(
        `SELECT m.id AS messageId, m.conversation_id AS conversationId, c.ticket, r.name AS requesterName, m.created_at AS createdAt,
                snippet(messages_fts, 0, char(2), char(3), '…', 16) AS snippet
           FROM messages_fts
           JOIN messages m ON m.id = messages_fts.rowid
           JOIN conversations c ON c.id = m.conversation_id
           JOIN requesters r ON r.id = c.requester_id
          WHERE messages_fts MATCH ?
          ORDER BY messages_fts.rowid DESC LIMIT ?`,
      )
      .all(ftsQuery, limit) as SearchHit[];
  },
});

/**
 * Turns what an officer types into a safe FTS5 query: each word becomes a quoted prefix term,
 * all of them required. FTS syntax typed by the user is treated as text, never as operators.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 12).map((w) => `"${w}"*`).join(' ');
}
