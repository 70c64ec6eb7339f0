import type { Db } from '../store/db';

/**
 * How many of these consultations reused earlier work of the office: similar earlier answers were
 * shown, one was sent (as taken or edited first). Counted per consultation, not per suggestion.
 */
export function reuseOf(db: Db, conversationIds: readonly number[]): { similarShown: number; answeredWithEarlier: number; answeredWithEarlierEdited: number } {
  const row = db
    .prepare(
      `SELECT count(DISTINCT conversation_id) AS shown,
              count(DISTINCT CASE WHEN sent_message_id IS NOT NULL THEN conversation_id END) AS sent,
              count(DISTINCT CASE WHEN sent_message_id IS NOT NULL AND edited = 1 THEN conversation_id END) AS edited
         FROM similar_uses WHERE conversation_id IN (SELECT value FROM json_each(?))`,
    )
    .get(JSON.stringify(conversationIds)) as { shown: number; sent: number; edited: number };
  return { similarShown: row.shown, answeredWithEarlier: row.sent, answeredWithEarlierEdited: row.edited };
}
