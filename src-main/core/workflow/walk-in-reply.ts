import type { Db } from '../store/db';

export type WalkInReplyChannel = 'email' | 'telegram';

/** An address the mail server can deliver to (the sender refuses the rest the same way). */
const deliverable = (email: string | null): email is string => !!email && /^[^\s@<>]+@[^\s@<>]+$/.test(email) && !email.endsWith('.invalid');

/**
 * How an answer can reach a walk-in or phone requester afterwards: by email when their address is
 * known, by Telegram when they have written to the bot (a linked chat). Empty for other consultations.
 */
export function walkInReplyChannels(db: Db, conversationId: number): { channels: WalkInReplyChannel[]; email: string | null } {
  const row = db
    .prepare(
      `SELECT c.channel, r.email,
              EXISTS (SELECT 1 FROM channel_identities ci WHERE ci.requester_id = r.id AND ci.channel = 'telegram') AS telegram
         FROM conversations c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?`,
    )
    .get(conversationId) as { channel: string; email: string | null; telegram: number } | undefined;
  if (!row || row.channel !== 'manual') return { channels: [], email: null };
  const email = deliverable(row.email) ? row.email : null;
  return { channels: [...(email ? (['email'] as const) : []), ...(row.telegram ? (['telegram'] as const) : [])], email };
}
