import type Database from 'better-sqlite3';
import { indexText } from './similar-terms';

/**
 * The similar-answers index: one row per closed consultation that the office answered, holding
 * what the office wrote (the final reply, with the requester put back as placeholders) and the
 * search terms of the need, the resolution summary, the topic and that reply. The FTS5 table
 * similar_fts follows this table through its triggers (migration 0012).
 *
 * Only the office's words are kept for display: a suggestion shows the reply, never the need or
 * anything the requester wrote, and the reply is stored already stripped of the requester's
 * name, ticket and contacts, so it can outlive the requester's anonymisation.
 */

interface Source {
  need: string | null;
  subject: string | null;
  summary: string | null;
  topic: string | null;
  ticket: string;
  name: string | null;
  institution: string | null;
  email: string | null;
  whatsapp: string | null;
  telegramUsername: string | null;
  /** The name the channel gives (a Telegram profile name), which replies often use before the form is filled. */
  displayName: string | null;
}

// Refilled for the next requester when taken as a draft (a blank to fill where that one has none).
const PERSONAL_BLANK = '{kontak}';
const INSTITUTION_BLANK = '{instansi}';

// Placeholders are the same in every answer: they would only make all answers alike.
const PLACEHOLDER = /\{[^{}]*\}/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function replaceAll(text: string, value: string | null, by: string, wordOnly = false): string {
  const v = value?.trim();
  if (!v || v.length < 3) return text;
  const pattern = wordOnly ? `(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])` : escapeRegExp(v);
  return text.replace(new RegExp(pattern, 'giu'), by);
}

/** WhatsApp numbers are written +62…, 62… or 08…, in groups or not: every form goes. */
function replaceWhatsapp(text: string, whatsapp: string | null, by: string): string {
  const digits = whatsapp?.replace(/\D/g, '') ?? '';
  if (digits.length < 8) return text;
  const national = digits.startsWith('62') ? digits.slice(2) : digits.replace(/^0/, '');
  const grouped = national.split('').join('[\\s.-]?');
  return text.replace(new RegExp(`(?<!\\d)(?:\\+?62|0)?[\\s.-]?${grouped}(?!\\d)`, 'g'), by);
}

/**
 * The reply as any requester could receive it: the officer's email signature cut off, this
 * requester's ticket, name (whole, then each part of it), institution and contacts replaced.
 */
export function generaliseAnswer(body: string, who: Omit<Source, 'need' | 'subject' | 'summary' | 'topic'>): string {
  let text = body.split('\n-- \n')[0]!.trim();
  text = replaceAll(text, who.ticket, '{tiket}');
  text = replaceAll(text, who.email, PERSONAL_BLANK);
  text = replaceWhatsapp(text, who.whatsapp, PERSONAL_BLANK);
  if (who.telegramUsername) text = replaceAll(text, `@${who.telegramUsername.replace(/^@/, '')}`, PERSONAL_BLANK);
  text = replaceAll(text, who.institution, INSTITUTION_BLANK, true);
  const names = [who.name, who.displayName].filter((n): n is string => !!n?.trim());
  for (const name of names) text = replaceAll(text, name, '{nama}', true);
  // "Bu Sukaningsih", "Mas Agus": the parts of a name are the name too.
  for (const part of names.flatMap((n) => n.split(/\s+/))) text = replaceAll(text, part, '{nama}', true);
  // "{nama} {nama}" after the parts went one by one reads as one name.
  return text.replace(/\{nama\}(?:\s+\{nama\})+/g, '{nama}');
}

/**
 * (Re)indexes one consultation from its current state: called when it is closed, and by the
 * migration for those closed before. A consultation without an officer's reply is left out.
 */
export function indexSimilarAnswer(db: Database.Database, conversationId: number, now: number): boolean {
  db.prepare('DELETE FROM similar_answers WHERE conversation_id = ?').run(conversationId);
  const source = db
    .prepare(
      `SELECT c.need, c.subject, c.summary, c.topic, c.ticket, r.name, r.institution, r.email, r.whatsapp, r.telegram_username AS telegramUsername,
              ci.display_name AS displayName
         FROM conversations c JOIN requesters r ON r.id = c.requester_id LEFT JOIN channel_identities ci ON ci.id = c.channel_identity_id
        WHERE c.id = ?`,
    )
    .get(conversationId) as Source | undefined;
  if (!source) return false;
  // The last thing an officer told the requester: the console's own messages have no author.
  const reply = db
    .prepare(
      `SELECT id, body_text AS body FROM messages
        WHERE conversation_id = ? AND direction = 'outgoing' AND author_officer_id IS NOT NULL AND body_text != ''
        ORDER BY id DESC LIMIT 1`,
    )
    .get(conversationId) as { id: number; body: string } | undefined;
  if (!reply) return false;
  const answer = generaliseAnswer(reply.body, source);
  db.prepare(
    `INSERT INTO similar_answers (conversation_id, message_id, answer, need_terms, summary_terms, topic_terms, answer_terms, indexed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    conversationId,
    reply.id,
    answer,
    indexText(source.need ?? source.subject),
    indexText(source.summary),
    indexText(source.topic),
    indexText(answer.replace(PLACEHOLDER, ' ')),
    now,
  );
  return true;
}

/**
 * After an anonymisation: what the requester asked, and the summary that may quote it, leave the
 * index; the office's generalised reply and the topic stay, so the consultation still serves.
 */
export function forgetSimilarNeeds(db: Database.Database, conversationIdsSql: string): void {
  db.exec(`UPDATE similar_answers SET need_terms = '', summary_terms = '' WHERE conversation_id IN (${conversationIdsSql})`);
  db.exec("INSERT INTO similar_fts(similar_fts) VALUES ('optimize')");
}
