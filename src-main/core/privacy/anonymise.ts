import type { CoreServices } from '../services';
import { forgetSimilarNeeds } from '../store/similar-answers';
import { queueBlobDeletes } from './blobs';

export interface AnonymiseStats {
  requesters: number;
  conversations: number;
  messages: number;
  attachments: number;
  complaints: number;
}

/** Marks a redacted message (its text is empty; the timeline shows it as removed). */
export const REDACTED_META = JSON.stringify({ redacted: true });

/**
 * Removes the personal data of these requesters (and of records merged into them) while keeping
 * the statistical record the reports need: conversations stay with channel, status, topic, times,
 * SLA and officer; ratings keep score and SKM answers; the requester keeps the occupation category.
 * Gone: name, institution, email, WhatsApp, Telegram id and username, channel addresses, every
 * message text (the search index through its triggers, then rebuilt so no term stays in its pages),
 * HTML, mail headers, attachments (rows now, files after the commit), outbox payloads, rating
 * feedback, complaint contacts and texts, and the audit details that quoted any of it.
 *
 * Runs inside the caller's transaction. secure_delete (always on, see openDatabase) zeroes what is
 * deleted; scrubDatabaseFiles() after the commit clears the WAL and the free space left over.
 */
export function anonymiseRequesters(core: CoreServices, requesterIds: readonly number[], options: { optimizeIndex?: boolean } = {}): AnonymiseStats {
  const db = core.db;
  const now = core.now();
  const ids = expandMerged(core, requesterIds);
  const stats: AnonymiseStats = { requesters: ids.length, conversations: 0, messages: 0, attachments: 0, complaints: 0 };
  if (ids.length === 0) return stats;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_requesters (id INTEGER PRIMARY KEY)');
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_conversations (id INTEGER PRIMARY KEY)');
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_messages (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.erase_requesters; DELETE FROM temp.erase_conversations; DELETE FROM temp.erase_messages;');
  const add = db.prepare('INSERT OR IGNORE INTO temp.erase_requesters (id) VALUES (?)');
  for (const id of ids) add.run(id);
  db.exec(`INSERT INTO temp.erase_conversations (id) SELECT id FROM conversations WHERE requester_id IN (SELECT id FROM temp.erase_requesters)`);
  db.exec(`INSERT INTO temp.erase_messages (id) SELECT id FROM messages WHERE conversation_id IN (SELECT id FROM temp.erase_conversations)`);
  stats.conversations = (db.prepare('SELECT count(*) AS n FROM temp.erase_conversations').get() as { n: number }).n;
  stats.messages = (db.prepare('SELECT count(*) AS n FROM temp.erase_messages').get() as { n: number }).n;

  db.prepare(
    `UPDATE requesters SET name = NULL, institution = NULL, email = NULL, whatsapp = NULL, telegram_user_id = NULL,
            telegram_username = NULL, unreachable = 1, updated_at = ? WHERE id IN (SELECT id FROM temp.erase_requesters)`,
  ).run(now);
  db.exec(`UPDATE channel_identities SET source_id = 'dihapus:' || id, display_name = NULL WHERE requester_id IN (SELECT id FROM temp.erase_requesters)`);
  // Telegram chat ids are the requesters' user ids.
  db.exec(
    `UPDATE telegram_surveys SET chat_id = '' WHERE chat_id IN (SELECT chat_id FROM telegram_chats WHERE requester_id IN (SELECT id FROM temp.erase_requesters))`,
  );
  db.exec(`DELETE FROM telegram_chats WHERE requester_id IN (SELECT id FROM temp.erase_requesters)`);
  // Values read from their mail are personal data like the fields they suggest.
  db.exec(`DELETE FROM requester_hints WHERE requester_id IN (SELECT id FROM temp.erase_requesters) OR message_id IN (SELECT id FROM temp.erase_messages)`);

  db.prepare(
    `UPDATE conversations SET subject = NULL, need = NULL, summary = NULL, last_message_preview = '', updated_at = ?
      WHERE id IN (SELECT id FROM temp.erase_conversations)`,
  ).run(now);
  // body_text through the FTS triggers; external ids carry Telegram chat ids and mail addresses.
  db.prepare(
    `UPDATE messages SET body_text = '', body_html = NULL, meta = ?, failure_reason = NULL,
            external_id = CASE WHEN external_id IS NULL THEN NULL ELSE 'dihapus:' || id END
      WHERE id IN (SELECT id FROM temp.erase_messages)`,
  ).run(REDACTED_META);
  db.exec(`UPDATE email_messages SET header_message_id = NULL, in_reply_to = NULL, refs = NULL, full_text = NULL, smtp_response = NULL, mailbox = NULL
            WHERE message_id IN (SELECT id FROM temp.erase_messages)`);
  db.exec(`UPDATE telegram_sent_parts SET chat_id = '' WHERE outbox_id IN (SELECT id FROM outbox WHERE message_id IN (SELECT id FROM temp.erase_messages))`);
  // Nothing may still be sent to someone whose address is gone.
  db.prepare(
    `UPDATE messages SET delivery = 'failed', failure_reason = 'Dibatalkan: data pribadi pengguna layanan dihapus'
      WHERE id IN (SELECT message_id FROM outbox WHERE state IN ('pending', 'sending') AND message_id IN (SELECT id FROM temp.erase_messages))`,
  ).run();
  db.prepare(
    `UPDATE outbox SET payload = '{}', last_error = NULL,
            state = CASE WHEN state IN ('pending', 'sending') THEN 'failed' ELSE state END, updated_at = ?
      WHERE message_id IN (SELECT id FROM temp.erase_messages)`,
  ).run(now);

  // Files still to be fetched go too: fetched later, they would bring the erased content back.
  db.prepare('DELETE FROM attachment_downloads WHERE message_id IN (SELECT id FROM temp.erase_messages)').run();
  const shas = db.prepare('SELECT DISTINCT sha256 FROM attachments WHERE message_id IN (SELECT id FROM temp.erase_messages)').pluck().all() as string[];
  stats.attachments = db.prepare('DELETE FROM attachments WHERE message_id IN (SELECT id FROM temp.erase_messages)').run().changes;
  queueBlobDeletes(core, shas);

  // Composer drafts (migration 0006) may quote the requester.
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'drafts'").get() !== undefined) {
    db.exec('DELETE FROM drafts WHERE conversation_id IN (SELECT id FROM temp.erase_conversations)');
  }
  db.exec(`UPDATE ratings SET feedback = NULL WHERE conversation_id IN (SELECT id FROM temp.erase_conversations)`);
  forgetSimilarNeeds(db, 'SELECT id FROM temp.erase_conversations');
  stats.complaints = db
    .prepare(
      `UPDATE complaints SET contact_name = NULL, contact = NULL, text = '', response = NULL
        WHERE requester_id IN (SELECT id FROM temp.erase_requesters)
           OR message_id IN (SELECT id FROM temp.erase_messages)`,
    )
    .run().changes;
  // The audit trail keeps who did what and when; details may quote names, addresses, texts.
  db.prepare(
    `UPDATE audit_log SET detail = ? WHERE detail IS NOT NULL AND (
       (entity_type = 'requester' AND entity_id IN (SELECT CAST(id AS TEXT) FROM temp.erase_requesters))
       OR (entity_type = 'conversation' AND entity_id IN (SELECT CAST(id AS TEXT) FROM temp.erase_conversations))
       OR (entity_type = 'message' AND entity_id IN (SELECT CAST(id AS TEXT) FROM temp.erase_messages))
       OR (entity_type = 'rating' AND entity_id IN (SELECT CAST(id AS TEXT) FROM ratings WHERE conversation_id IN (SELECT id FROM temp.erase_conversations)))
       OR (entity_type = 'complaint' AND entity_id IN (SELECT CAST(id AS TEXT) FROM complaints
             WHERE requester_id IN (SELECT id FROM temp.erase_requesters) OR message_id IN (SELECT id FROM temp.erase_messages))))`,
  ).run(REDACTED_META);

  // 'delete' entries only hide a term; optimize rewrites the index so the terms are gone from its pages.
  if (options.optimizeIndex ?? true) db.exec("INSERT INTO messages_fts(messages_fts) VALUES ('optimize')");
  return stats;
}

/** The requesters and every record merged into them (merged_into chains). */
function expandMerged(core: CoreServices, requesterIds: readonly number[]): number[] {
  const all = new Set<number>(requesterIds);
  let frontier = [...all];
  const merged = core.db.prepare('SELECT id FROM requesters WHERE merged_into = ?').pluck();
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const m of merged.all(id) as number[]) {
        if (all.has(m)) continue;
        all.add(m);
        next.push(m);
      }
    }
    frontier = next;
  }
  return [...all];
}
