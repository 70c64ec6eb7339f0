import type { RequirementName } from '../../../../src-preload/contract';
import type { Db } from '../../store/db';
import type { IntakeState } from '../../workflow/intake/dialogue';

/** The bot's dialogue state of one private chat (table telegram_chats, migration 0004). */
export interface ChatState extends IntakeState {
  chatId: string;
}

interface ChatRow {
  chat_id: string;
  requester_id: number;
  conversation_id: number | null;
  mode: ChatState['mode'];
  step: RequirementName | null;
  correcting: number;
  rating_request_id: number | null;
  updated_at: number;
}

export function readChat(db: Db, chatId: string): ChatState | null {
  const row = db.prepare('SELECT * FROM telegram_chats WHERE chat_id = ?').get(chatId) as ChatRow | undefined;
  if (!row) return null;
  return {
    chatId: row.chat_id,
    requesterId: row.requester_id,
    conversationId: row.conversation_id,
    mode: row.mode,
    step: row.step,
    correcting: row.correcting === 1,
    ratingRequestId: row.rating_request_id,
    updatedAt: row.updated_at,
  };
}

export function writeChat(db: Db, state: ChatState): void {
  db.prepare(
    `INSERT INTO telegram_chats (chat_id, requester_id, conversation_id, mode, step, correcting, rating_request_id, updated_at)
     VALUES (@chatId, @requesterId, @conversationId, @mode, @step, @correcting, @ratingRequestId, @updatedAt)
     ON CONFLICT(chat_id) DO UPDATE SET requester_id = excluded.requester_id, conversation_id = excluded.conversation_id, mode = excluded.mode,
       step = excluded.step, correcting = excluded.correcting, rating_request_id = excluded.rating_request_id, updated_at = excluded.updated_at`,
  ).run({ ...state, correcting: state.correcting ? 1 : 0 });
}

/** The requester behind a Telegram user id, if they ever wrote. */
export function requesterOfUser(db: Db, userId: string): number | null {
  const row = db.prepare("SELECT requester_id AS id FROM channel_identities WHERE channel = 'telegram' AND source_id = ?").get(userId) as
    { id: number } | undefined;
  return row?.id ?? null;
}

export interface LatestConversation {
  id: number;
  ticket: string;
  status: string;
  resolved_at: number | null;
  sla_due_at: number | null;
  need: string | null;
}

export function latestConversation(db: Db, requesterId: number): LatestConversation | null {
  return (
    (db
      .prepare(
        `SELECT id, ticket, status, resolved_at, sla_due_at, need FROM conversations
          WHERE requester_id = ? AND channel = 'telegram' AND automated = 0 ORDER BY created_at DESC, id DESC LIMIT 1`,
      )
      .get(requesterId) as LatestConversation | undefined) ?? null
  );
}

/** The Telegram chat of a conversation (private chat id = user id of its identity). */
export function chatOfConversation(db: Db, conversationId: number): { chatId: string; requesterId: number } | null {
  const row = db
    .prepare(
      `SELECT ci.source_id AS chatId, c.requester_id AS requesterId FROM conversations c
         JOIN channel_identities ci ON ci.requester_id = c.requester_id AND ci.channel = 'telegram'
        WHERE c.id = ? ORDER BY ci.id LIMIT 1`,
    )
    .get(conversationId) as { chatId: string; requesterId: number } | undefined;
  return row ?? null;
}

export function sentParts(db: Db, outboxId: number): Map<number, number> {
  const rows = db.prepare('SELECT part, telegram_message_id AS id FROM telegram_sent_parts WHERE outbox_id = ?').all(outboxId) as {
    part: number;
    id: number;
  }[];
  return new Map(rows.map((r) => [r.part, r.id]));
}

export function recordSentPart(db: Db, outboxId: number, part: number, chatId: string, telegramMessageId: number, now: number): void {
  db.prepare('INSERT OR IGNORE INTO telegram_sent_parts (outbox_id, part, chat_id, telegram_message_id, sent_at) VALUES (?, ?, ?, ?, ?)').run(
    outboxId,
    part,
    chatId,
    telegramMessageId,
    now,
  );
}
