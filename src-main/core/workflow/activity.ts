import type { Db } from '../store/db';

/** A system line in the timeline (direction 'activity'), in Indonesian, with a machine-readable event. */
export function writeActivity(db: Db, conversationId: number, text: string, meta: Record<string, unknown>, at: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, meta, created_at)
         SELECT id, 'activity', channel, ?, ?, ?, ? FROM conversations WHERE id = ?`,
      )
      .run(text, typeof meta.officerId === 'number' ? meta.officerId : null, JSON.stringify(meta), at, conversationId).lastInsertRowid,
  );
}
