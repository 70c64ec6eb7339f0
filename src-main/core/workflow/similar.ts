import { createHash } from 'node:crypto';
import type { SimilarAnswerView, SimilarFileView } from '../../../src-preload/contract';
import { notFound } from '../errors';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import { matchExpression } from '../store/similar-terms';
import { placeholdersFor } from './automatic';
import { renderTemplate } from './templates';

/** How many earlier answers the console offers at once. */
export const SUGGESTIONS = 3;
// bm25 candidates read before the checks (closed, not this one, not the same reply twice): the
// same standard reply given many times must not crowd out the next-best answers.
const CANDIDATES = 100;
/**
 * The newest answered consultations searched first: about a decade of PST Buleleng's requests.
 * Older answers name older data, and ranking all of a large index costs time for every row that
 * shares a common word; they are searched only when the newest give fewer than 3.
 */
export const RECENT_ANSWERS = 20_000;
/**
 * need, summary, topic, reply (as the index's configured rank, migration 0012). Called as bm25()
 * and sorted outside FTS5: only then does FTS5 take the rowid range and score just those rows;
 * ORDER BY rank scores every match before the range applies.
 */
const BM25_WEIGHTS = '1.0, 0.7, 0.5, 0.3';
// Enough of a first message to say what is wanted, before the identity block and the signature.
const FIRST_MESSAGE_CHARS = 600;

/**
 * What this consultation asks for, in the words the index understands: the need once an officer
 * or the intake has written it, else the subject and the requester's first message (their own
 * words, used only to search, never shown with another consultation).
 */
export function needOf(db: Db, conversationId: number): string | null {
  const row = db.prepare('SELECT need, subject FROM conversations WHERE id = ?').get(conversationId) as
    { need: string | null; subject: string | null } | undefined;
  if (!row) throw notFound({ code: 'conversations.not_found' });
  if (row.need?.trim()) return row.need;
  const first = db
    .prepare("SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'incoming' AND body_text != '' ORDER BY id LIMIT 1")
    .pluck()
    .get(conversationId) as string | undefined;
  const text = [row.subject, first?.slice(0, FIRST_MESSAGE_CHARS)].filter(Boolean).join('\n');
  return text || null;
}

interface Candidate {
  conversationId: number;
  messageId: number;
  answer: string;
  topic: string | null;
  resolvedAt: number;
}

/** The first conversation id of the newest RECENT_ANSWERS in the index (0: the index is smaller). */
export function recentBoundary(db: Db): number {
  return (
    (db
      .prepare('SELECT conversation_id FROM similar_answers ORDER BY conversation_id DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(RECENT_ANSWERS - 1) as number | undefined) ?? 0
  );
}

/** The best earlier answers for a need, by bm25 over the index; the same reply is offered once. */
export function rankSimilar(db: Db, need: string | null, exceptConversationId: number, limit = SUGGESTIONS): Candidate[] {
  const match = matchExpression(need);
  if (match === null) return [];
  const search = db.prepare(
    `SELECT s.conversation_id AS conversationId, s.message_id AS messageId, s.answer, c.topic, c.resolved_at AS resolvedAt
       FROM (SELECT rowid, bm25(similar_fts, ${BM25_WEIGHTS}) AS score FROM similar_fts
              WHERE similar_fts MATCH ? AND rowid >= ? AND rowid < ? ORDER BY score LIMIT ${CANDIDATES}) AS hit
       JOIN similar_answers s ON s.conversation_id = hit.rowid
       JOIN conversations c ON c.id = s.conversation_id
      WHERE c.id != ? AND c.status IN ('resolved', 'rated') AND c.resolved_at IS NOT NULL
      ORDER BY hit.score`,
  );
  const boundary = recentBoundary(db);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const take = (rows: Candidate[]) => {
    for (const row of rows) {
      if (out.length === limit) return;
      if (seen.has(row.answer)) continue;
      seen.add(row.answer);
      out.push(row);
    }
  };
  take(search.all(match, boundary, Number.MAX_SAFE_INTEGER, exceptConversationId) as Candidate[]);
  if (out.length < limit && boundary > 0) take(search.all(match, 0, boundary, exceptConversationId) as Candidate[]);
  return out;
}

function filesOf(db: Db, messageId: number): SimilarFileView[] {
  return db
    .prepare('SELECT id AS attachmentId, file_name AS fileName, mime_type AS mimeType, size FROM attachments WHERE message_id = ? AND inline = 0 ORDER BY id')
    .all(messageId) as SimilarFileView[];
}

/** Suggestions for one consultation, each counted as shown to this officer once. */
export function suggestSimilar(core: CoreServices, conversationId: number, officerId: number): SimilarAnswerView[] {
  const found = rankSimilar(core.db, needOf(core.db, conversationId), conversationId);
  const shown = core.db.prepare(
    'INSERT INTO similar_uses (conversation_id, source_conversation_id, officer_id, shown_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const c of found) shown.run(conversationId, c.conversationId, officerId, core.now());
  return found.map((c) => ({
    conversationId: c.conversationId,
    topic: c.topic,
    resolvedAt: c.resolvedAt,
    answer: c.answer,
    files: filesOf(core.db, c.messageId),
  }));
}

const sha256 = (text: string) => createHash('sha256').update(text.trim()).digest('hex');

/** An earlier answer refilled for this consultation's requester, with its files; counted as used. */
export function similarAsDraft(
  core: CoreServices,
  conversationId: number,
  sourceConversationId: number,
  officer: { id: number; displayName: string },
): { text: string; files: { fileName: string; mimeType: string; contentBase64: string; size: number }[] } {
  const source = core.db
    .prepare(
      `SELECT s.answer, s.message_id AS messageId FROM similar_answers s JOIN conversations c ON c.id = s.conversation_id
        WHERE s.conversation_id = ? AND c.status IN ('resolved', 'rated')`,
    )
    .get(sourceConversationId) as { answer: string; messageId: number } | undefined;
  if (!source) throw notFound({ code: 'similar.not_found' });
  const who = core.db
    .prepare('SELECT r.institution, r.email, r.whatsapp FROM conversations c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?')
    .get(conversationId) as { institution: string | null; email: string | null; whatsapp: string | null } | undefined;
  if (!who) throw notFound({ code: 'conversations.not_found' });
  const text = renderTemplate(source.answer, placeholdersFor(core, conversationId, officer.displayName))
    .replaceAll('{instansi}', who.institution?.trim() || '{isi:instansi}')
    .replaceAll('{kontak}', who.email?.trim() || who.whatsapp?.trim() || '{isi:kontak}');
  // A file whose content is gone (an erased requester's) is left out rather than failing the draft.
  const files = filesOf(core.db, source.messageId).flatMap((f) => {
    const sha = core.db.prepare('SELECT sha256 FROM attachments WHERE id = ?').pluck().get(f.attachmentId) as string;
    if (!core.attachments.has(sha)) return [];
    return [{ fileName: f.fileName, mimeType: f.mimeType, size: f.size, contentBase64: core.attachments.read(sha).toString('base64') }];
  });
  const now = core.now();
  core.db
    .prepare(
      `INSERT INTO similar_uses (conversation_id, source_conversation_id, officer_id, shown_at, used_at, draft_sha256) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id, source_conversation_id) DO UPDATE SET used_at = excluded.used_at, draft_sha256 = excluded.draft_sha256,
         officer_id = excluded.officer_id, sent_message_id = NULL, edited = NULL`,
    )
    .run(conversationId, sourceConversationId, officer.id, now, now, sha256(text));
  return { text, files };
}

/**
 * A reply went out in a consultation: the draft taken from an earlier answer (the latest one, if
 * several were taken) is counted as sent, as taken or edited.
 */
export function noteReplySent(db: Db, conversationId: number, messageId: number, text: string): void {
  const taken = db
    .prepare(
      'SELECT id, draft_sha256 AS hash FROM similar_uses WHERE conversation_id = ? AND used_at IS NOT NULL AND sent_message_id IS NULL ORDER BY used_at DESC, id DESC LIMIT 1',
    )
    .get(conversationId) as { id: number; hash: string } | undefined;
  if (!taken) return;
  db.prepare('UPDATE similar_uses SET sent_message_id = ?, edited = ? WHERE id = ?').run(messageId, taken.hash === sha256(text) ? 0 : 1, taken.id);
}
