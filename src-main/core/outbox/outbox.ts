import type { Channel } from '../../../src-preload/contract';
import { previewOf } from '../domain/preview';
import type { CoreServices } from '../services';
import type { OutgoingPayload } from '../domain/connector';

export interface EnqueueRequest {
  conversationId: number;
  channel: Channel;
  payload: OutgoingPayload;
  /** The officer who wrote it; null for automatic messages (acknowledgement, auto-reply). */
  officerId: number | null;
  /** Send no earlier than this (default now). */
  notBefore?: number;
}

/** What the timeline needs to say who spoke: the payload's kind, and whether it was an out-of-hours notice. */
function metaOf(payload: EnqueueRequest['payload']): string {
  const outOfHours = payload.outOfHours === true;
  return JSON.stringify({ kind: payload.kind, ...(outOfHours ? { outOfHours: true } : {}) });
}

/**
 * Puts an outgoing message on the durable outbox: the message row (`pending`) and its outbox row
 * are written in ONE transaction (a savepoint when the caller already holds one), so a message the
 * officer sees is always going to be sent, and nothing is sent that is not recorded.
 */
export function enqueueOutgoing(core: CoreServices, request: EnqueueRequest): number {
  const db = core.db;
  const now = core.now();
  return db.transaction(() => {
    const messageId = Number(
      db
        .prepare(
          `INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, delivery, meta, created_at)
           VALUES (?, 'outgoing', ?, ?, ?, 'pending', ?, ?)`,
        )
        .run(request.conversationId, request.channel, request.payload.text, request.officerId, metaOf(request.payload), now).lastInsertRowid,
    );
    const attach = db.prepare('INSERT INTO attachments (message_id, sha256, file_name, mime_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const a of request.payload.attachments ?? []) {
      attach.run(messageId, a.sha256, a.fileName, a.mimeType, core.attachments.read(a.sha256).length, now);
    }
    db.prepare(
      `INSERT INTO outbox (message_id, channel, state, attempts, next_attempt_at, payload, created_at, updated_at)
       VALUES (?, ?, 'pending', 0, ?, ?, ?, ?)`,
    ).run(messageId, request.channel, request.notBefore ?? now, JSON.stringify(request.payload), now, now);
    db.prepare(
      `UPDATE conversations SET last_message_at = max(last_message_at, ?), last_message_preview = ?, updated_at = ?,
              first_response_at = CASE WHEN ? IS NOT NULL AND first_response_at IS NULL THEN ? ELSE first_response_at END
        WHERE id = ?`,
    ).run(now, previewOf(request.payload.text), now, request.officerId, now, request.conversationId);
    return messageId;
  })();
}
