import type { Channel, RatingView } from '../../../src-preload/contract';
import { IKM_UNSUR, IKM_UNSUR_COUNT } from '../domain/ikm';
import { AppError, invalidInput, notFound } from '../errors';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import { writeActivity } from './activity';
import { enqueueAutomatic, placeholdersFor } from './automatic';
import { changeStatus, loadConversation, type WorkflowRow } from './conversation';
import { readWorkflowSettings } from './settings';
import { renderTemplate, systemTemplateBody } from './templates';

/**
 * Ratings: one rating request per closure (closure = reopened_count when resolved), one rating
 * per closure. The Telegram connector records star presses and survey answers through
 * recordRating(); email replies arrive through ingest (see inbound.ts); officers use ratings.record.
 *
 * Payloads put on the outbox (what a connector renders):
 *   { kind: 'rating_request', text, ratingRequestId, ticket, scale: { min: 1, max: 5 } }
 *     Telegram: the text with an inline keyboard of 1–5 stars; a press calls
 *     recordRating(core, { ratingRequestId, score, source: 'telegram' }).
 *     Email: a plain message asking for a reply with 1–5 and a comment.
 *   { kind: 'survey', text, ratingRequestId, ticket, questions: [{ code: 'U1', name, options: [{ value: 1..4, label }] } × 9] }
 *     Telegram: the 9 questions one by one (buttons 1–4), then
 *     recordRating(core, { ratingRequestId, skm: [u1..u9], source: 'telegram' }).
 *     Email: the questions are listed in the text; the reply is read by parseSurveyReply.
 */

export interface RatingRequestRow {
  id: number;
  conversation_id: number;
  closure: number;
  channel: Channel;
  message_id: number | null;
  survey_message_id: number | null;
  answered_at: number | null;
  survey_answered_at: number | null;
}

const REQUEST_COLUMNS = 'id, conversation_id, closure, channel, message_id, survey_message_id, answered_at, survey_answered_at';

export const ratingRequestById = (db: Db, id: number) =>
  db.prepare(`SELECT ${REQUEST_COLUMNS} FROM rating_requests WHERE id = ?`).get(id) as RatingRequestRow | undefined;
export const ratingRequestOf = (db: Db, conversationId: number, closure: number) =>
  db.prepare(`SELECT ${REQUEST_COLUMNS} FROM rating_requests WHERE conversation_id = ? AND closure = ?`).get(conversationId, closure) as
    RatingRequestRow | undefined;

/** After a closure: the rating request on the conversation's channel, once per closure. */
export function requestRating(core: CoreServices, row: WorkflowRow): number | null {
  const inserted = core.db
    .prepare('INSERT OR IGNORE INTO rating_requests (conversation_id, closure, channel, created_at) VALUES (?, ?, ?, ?)')
    .run(row.id, row.reopened_count, row.channel, core.now());
  if (inserted.changes === 0) return null;
  const requestId = Number(inserted.lastInsertRowid);
  // Walk-in and WhatsApp ratings are asked by the officer and entered by hand.
  if (row.channel === 'manual' || row.channel === 'whatsapp' || row.automated === 1) return requestId;
  const values = placeholdersFor(core, row.id);
  const key = row.channel === 'telegram' ? 'rating_request_telegram' : 'rating_request_email';
  const messageId = enqueueAutomatic(core, row.id, row.channel, {
    kind: 'rating_request',
    text: renderTemplate(systemTemplateBody(core.db, key), values),
    ratingRequestId: requestId,
    ticket: values.tiket,
    scale: { min: 1, max: 5 },
  });
  core.db.prepare('UPDATE rating_requests SET message_id = ? WHERE id = ?').run(messageId, requestId);
  return requestId;
}

/** The survey after the star rating (when enabled), once per rating request. */
function requestSurvey(core: CoreServices, request: RatingRequestRow): void {
  if (request.channel === 'manual' || request.channel === 'whatsapp' || request.survey_message_id !== null || !readWorkflowSettings(core.db).surveyEnabled)
    return;
  const values = placeholdersFor(core, request.conversation_id);
  const asked = readWorkflowSettings(core.db).surveyQuestions;
  const questions = IKM_UNSUR.map((u, i) => ({
    code: u.code,
    name: u.name,
    question: asked[i] ?? u.name,
    options: u.labels.map((label, v) => ({ value: v + 1, label })),
  }));
  const list = questions.map((q) => `${q.code} ${q.name}: ${q.question} ${q.options.map((o) => `${o.value} = ${o.label}`).join(', ')}`).join('\n');
  const key = request.channel === 'telegram' ? 'survey_telegram' : 'survey_email';
  const messageId = enqueueAutomatic(core, request.conversation_id, request.channel, {
    kind: 'survey',
    text: renderTemplate(systemTemplateBody(core.db, key), { ...values, daftar_unsur: list }),
    ratingRequestId: request.id,
    ticket: values.tiket,
    questions,
  });
  core.db.prepare('UPDATE rating_requests SET survey_message_id = ? WHERE id = ?').run(messageId, request.id);
  request.survey_message_id = messageId;
}

export interface RecordRatingInput {
  ratingRequestId?: number;
  /** Without ratingRequestId: the conversation's current closure. */
  conversationId?: number;
  score?: number | null;
  feedback?: string | null;
  /** SKM answers U1…U9, 1–4 or null (blank). */
  skm?: readonly (number | null)[];
  source: Channel;
  enteredBy?: number | null;
}

/**
 * 'recorded': a new rating. 'updated': something missing was filled in (a score after a
 * feedback-only reply, a first comment, the survey). 'already_rated': nothing new — the first
 * score and the first survey win; a late different score is ignored (logged in the timeline).
 * 'no_request': nothing to rate (no closure asked for a rating).
 */
export type RecordRatingOutcome = 'recorded' | 'updated' | 'already_rated' | 'no_request';

interface RatingRow {
  id: number;
  score: number | null;
  feedback: string | null;
  u1: number | null;
}

function validate(input: RecordRatingInput): void {
  if (input.score != null && !(Number.isInteger(input.score) && input.score >= 1 && input.score <= 5)) throw invalidInput({ code: 'ratings.score_range' });
  if (input.skm) {
    if (input.skm.length !== IKM_UNSUR_COUNT) throw invalidInput({ code: 'ratings.skm_count', params: { count: IKM_UNSUR_COUNT } });
    if (input.skm.some((a) => a !== null && !(Number.isInteger(a) && a >= 1 && a <= 4))) throw invalidInput({ code: 'ratings.skm_range' });
  }
}

/**
 * Stores a rating answer (from any channel) for one closure, in one transaction. Late and repeated
 * answers are handled gracefully (see RecordRatingOutcome); a closed conversation whose current
 * closure is rated becomes `rated`. A first score triggers the SKM survey when it is enabled.
 */
export function recordRating(core: CoreServices, input: RecordRatingInput): { outcome: RecordRatingOutcome; rating: RatingView | null } {
  validate(input);
  return core.db.transaction(() => {
    const request = findRequest(core, input);
    if (!request) return { outcome: 'no_request' as const, rating: null };
    const conversation = loadConversation(core.db, request.conversation_id);
    const now = core.now();
    const feedback = input.feedback?.trim() || null;
    const skm = input.skm && input.skm.some((a) => a !== null) ? input.skm : null;
    const existing = core.db.prepare('SELECT id, score, feedback, u1 FROM ratings WHERE rating_request_id = ?').get(request.id) as RatingRow | undefined;
    let outcome: RecordRatingOutcome;
    let ratingId: number;
    if (!existing) {
      ratingId = Number(
        core.db
          .prepare(
            `INSERT INTO ratings (conversation_id, closure, rating_request_id, score, feedback, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, entered_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            request.conversation_id,
            request.closure,
            request.id,
            input.score ?? null,
            feedback,
            ...skmColumns(skm),
            input.source,
            input.enteredBy ?? null,
            now,
          ).lastInsertRowid,
      );
      outcome = 'recorded';
    } else {
      ratingId = existing.id;
      const fillScore = existing.score === null && input.score != null;
      const addFeedback = feedback !== null && !(existing.feedback ?? '').includes(feedback);
      const fillSkm = skm !== null && existing.u1 === null && !hasSkm(core.db, existing.id);
      if (fillScore) core.db.prepare('UPDATE ratings SET score = ? WHERE id = ?').run(input.score, existing.id);
      if (addFeedback)
        core.db.prepare('UPDATE ratings SET feedback = ? WHERE id = ?').run(existing.feedback ? `${existing.feedback}\n${feedback}` : feedback, existing.id);
      if (fillSkm)
        core.db
          .prepare('UPDATE ratings SET u1 = ?, u2 = ?, u3 = ?, u4 = ?, u5 = ?, u6 = ?, u7 = ?, u8 = ?, u9 = ? WHERE id = ?')
          .run(...skmColumns(skm), existing.id);
      outcome = fillScore || addFeedback || fillSkm ? 'updated' : 'already_rated';
      if (input.score != null && !fillScore && input.score !== existing.score) {
        writeActivity(
          core.db,
          conversation.id,
          `Penilaian susulan ${input.score} diabaikan; nilai pertama (${existing.score}) tetap berlaku`,
          { event: 'rating_ignored', score: input.score },
          now,
        );
      }
    }
    if (outcome === 'already_rated') return { outcome, rating: ratingById(core.db, ratingId) };

    if (request.answered_at === null && (input.score != null || feedback !== null))
      core.db.prepare('UPDATE rating_requests SET answered_at = ? WHERE id = ?').run(now, request.id);
    if (skm) core.db.prepare('UPDATE rating_requests SET survey_answered_at = coalesce(survey_answered_at, ?) WHERE id = ?').run(now, request.id);
    writeActivity(
      core.db,
      conversation.id,
      describeRating(input, feedback, skm),
      { event: 'rating', source: input.source, score: input.score ?? null, officerId: input.enteredBy ?? null },
      now,
    );
    // Only the current closure moves the status; an answer for an older closure is just stored.
    if (conversation.status === 'resolved' && request.closure === conversation.reopened_count) {
      changeStatus(core, conversation, 'rated', { officerId: input.enteredBy ?? null, name: null });
    }
    if (input.score != null && !skm && outcome === 'recorded') requestSurvey(core, request);
    core.events.emit('inbox.changed', { conversationIds: [conversation.id] });
    return { outcome, rating: ratingById(core.db, ratingId) };
  })();
}

function findRequest(core: CoreServices, input: RecordRatingInput): RatingRequestRow | undefined {
  if (input.ratingRequestId !== undefined) return ratingRequestById(core.db, input.ratingRequestId);
  if (input.conversationId === undefined) throw new AppError('invalid_input', { code: 'ratings.target_missing' });
  const conversation = loadConversation(core.db, input.conversationId);
  return ratingRequestOf(core.db, conversation.id, conversation.reopened_count);
}

const hasSkm = (db: Db, ratingId: number) =>
  (db.prepare('SELECT coalesce(u1, u2, u3, u4, u5, u6, u7, u8, u9) IS NOT NULL AS has FROM ratings WHERE id = ?').get(ratingId) as { has: number }).has === 1;

const skmColumns = (skm: readonly (number | null)[] | null): (number | null)[] => Array.from({ length: IKM_UNSUR_COUNT }, (_, i) => skm?.[i] ?? null);

function describeRating(input: RecordRatingInput, feedback: string | null, skm: readonly (number | null)[] | null): string {
  const via =
    input.source === 'manual'
      ? ' (dicatat petugas)'
      : input.source === 'whatsapp'
        ? ' (melalui WhatsApp, dicatat petugas)'
        : ` (melalui ${input.source === 'email' ? 'email' : 'Telegram'})`;
  const parts = [
    input.score != null ? `nilai ${input.score}/5 ${'★'.repeat(input.score)}` : null,
    feedback ? `saran: "${feedback.slice(0, 200)}"` : null,
    skm ? 'jawaban Survei Kepuasan Masyarakat' : null,
  ].filter(Boolean);
  return `Penilaian diterima${via}: ${parts.join('; ')}`;
}

interface RatingDbRow {
  id: number;
  conversation_id: number;
  closure: number;
  score: number | null;
  feedback: string | null;
  source: Channel;
  entered_by: number | null;
  created_at: number;
  u1: number | null;
  u2: number | null;
  u3: number | null;
  u4: number | null;
  u5: number | null;
  u6: number | null;
  u7: number | null;
  u8: number | null;
  u9: number | null;
}

function toRatingView(r: RatingDbRow): RatingView {
  const skm = [r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9];
  return {
    id: r.id,
    conversationId: r.conversation_id,
    closure: r.closure,
    score: r.score,
    feedback: r.feedback,
    skm: skm.some((a) => a !== null) ? skm : null,
    source: r.source,
    enteredBy: r.entered_by,
    createdAt: r.created_at,
  };
}

export function ratingById(db: Db, id: number): RatingView {
  const row = db.prepare('SELECT * FROM ratings WHERE id = ?').get(id) as RatingDbRow | undefined;
  if (!row) throw notFound({ code: 'ratings.not_found' });
  return toRatingView(row);
}

export const ratingsOf = (db: Db, conversationId: number): RatingView[] =>
  (db.prepare('SELECT * FROM ratings WHERE conversation_id = ? ORDER BY closure').all(conversationId) as RatingDbRow[]).map(toRatingView);

/** SKM answers of ratings created in [from, to), for the IKM. */
export function surveyAnswersBetween(db: Db, from: number, to: number): (1 | 2 | 3 | 4 | null)[][] {
  const rows = db
    .prepare(
      'SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM ratings WHERE created_at >= ? AND created_at < ? AND coalesce(u1, u2, u3, u4, u5, u6, u7, u8, u9) IS NOT NULL',
    )
    .raw()
    .all(from, to) as (1 | 2 | 3 | 4 | null)[][];
  return rows;
}
