import type { CursorUpdate, IngestResult } from '../../inbound/types';
import { ingestUpdates, readCursor as readChannelCursor } from '../../inbound/ingest';
import type { CoreServices } from '../../services';
import type { Db } from '../../store/db';
import type { ParsedInbound } from './parse';

/** The sync position of one mailbox, stored by ingest with the messages it covers. */
export interface MailboxCursor {
  uidValidity: string;
  lastUid: number;
  highestModseq: string | null;
}

export const readCursor = (core: CoreServices, account: string, mailbox: string): MailboxCursor | null =>
  readChannelCursor<MailboxCursor>(core, 'email', account, mailbox);

export const cursorUpdate = (account: string, mailbox: string, value: MailboxCursor): CursorUpdate => ({ channel: 'email', account, stream: mailbox, value });

const statements = (db: Db) => ({
  byExternal: db.prepare(
    `SELECT m.direction, em.content_hash FROM messages m LEFT JOIN email_messages em ON em.message_id = m.id
      WHERE m.channel = 'email' AND m.external_id = ?`,
  ),
  insertEmail: db.prepare(
    `INSERT OR IGNORE INTO email_messages (message_id, header_message_id, content_hash, mailbox, uid_validity, uid, internal_date, in_reply_to, refs, full_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  outgoingByExternal: db.prepare("SELECT id, conversation_id FROM messages WHERE channel = 'email' AND direction = 'outgoing' AND external_id = ?"),
  failMessage: db.prepare("UPDATE messages SET delivery = 'failed', failure_reason = ? WHERE id = ?"),
  failOutbox: db.prepare("UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE message_id = ?"),
});
type Statements = ReturnType<typeof statements>;
const cache = new WeakMap<Db, Statements>();
const stmts = (db: Db): Statements => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
};

/**
 * The external id of a mail: its Message-ID, unless another, different mail already holds that
 * Message-ID (senders do reuse them); then the Message-ID plus the content hash. The same mail
 * fetched again hashes the same and so resolves to the id it was stored under.
 */
function settleExternalIds(s: Statements, mails: readonly ParsedInbound[]): void {
  const inBatch = new Map<string, string>();
  for (const mail of mails) {
    const id = mail.headerMessageId;
    if (!id) continue;
    const holder = inBatch.has(id)
      ? { direction: 'incoming', content_hash: inBatch.get(id) ?? null }
      : (s.byExternal.get(id) as { direction: string; content_hash: string | null } | undefined);
    if (!holder) {
      inBatch.set(id, mail.contentHash);
      continue;
    }
    // A copy of our own sent mail (Bcc to the office, a forwarded copy) is not a new incoming message.
    if (holder.direction === 'outgoing') continue;
    if (holder.content_hash !== mail.contentHash) mail.message.externalId = `${id}#${mail.contentHash.slice(0, 16)}`;
  }
}

export interface StoredBatch {
  results: IngestResult[];
  bounced: { messageId: number; conversationId: number }[];
}

/**
 * Stores fetched mail through ingestUpdates (THE inbound path) and, in the same transaction, the
 * email details and the failures that bounces report; the cursor advances in that transaction
 * too, so a crash anywhere either keeps all of it or none.
 */
export function storeMails(core: CoreServices, mails: readonly ParsedInbound[], cursor: CursorUpdate | undefined): StoredBatch {
  const s = stmts(core.db);
  const bounced: StoredBatch['bounced'] = [];
  const results = ingestUpdates(core, cursor, (batch) => {
    settleExternalIds(s, mails);
    const out = mails.map((m) => batch.message(m.message));
    out.forEach((result, i) => {
      const mail = mails[i];
      if (!mail || result.outcome !== 'inserted') return;
      const p = mail.position;
      s.insertEmail.run(
        result.messageId,
        mail.headerMessageId,
        mail.contentHash,
        p.mailbox,
        p.uidValidity,
        p.uid,
        p.internalDate,
        mail.inReplyTo,
        JSON.stringify(mail.references),
        mail.fullText,
      );
      if (mail.bounce) {
        for (const id of mail.bounce.originalMessageIds) {
          const original = s.outgoingByExternal.get(id) as { id: number; conversation_id: number } | undefined;
          if (!original) continue;
          s.failMessage.run(mail.bounce.reason, original.id);
          s.failOutbox.run(mail.bounce.reason, core.now(), original.id);
          bounced.push({ messageId: original.id, conversationId: original.conversation_id });
        }
      }
    });
    return out;
  });
  for (const b of bounced) core.events.emit('message.changed', { conversationId: b.conversationId, messageId: b.messageId });
  return { results, bounced };
}
