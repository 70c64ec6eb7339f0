import type { InboundMessage } from './types';
import { parseRatingReply } from '../domain/rating-reply';
import type { CoreServices } from '../services';
import { writeActivity } from '../workflow/activity';
import { sendAcknowledgement, sendOutOfHoursReply } from '../workflow/automatic';
import { serviceCalendar } from '../calendar/cache';
import { loadConversation } from '../workflow/conversation';
import { ratingRequestOf, recordRating } from '../workflow/ratings';
import { resumeClock } from '../workflow/sla';
import { parseSurveyReply } from '../workflow/survey-reply';

/**
 * The workflow's hooks in ingest() (domain/ingest.ts). Both run inside ingest's transaction, so
 * the cursor, the message and everything derived from it commit together or not at all.
 */

export interface RatingAnswer {
  ratingRequestId: number;
  score: number | null;
  feedback: string | null;
  skm: (1 | 2 | 3 | 4 | null)[] | null;
}

/**
 * Before the reopen decision: is this email an answer to the rating request (or the survey) of a
 * closed conversation? Then it is stored as a rating and does NOT reopen the conversation.
 *  - rating pending: a reply with a score, or any reply to the rating-request mail itself (no
 *    score: feedback only) is the answer; other mail (a new question) reopens as usual;
 *  - survey pending: a reply with "U1: 4" lines or nine numbers 1–4 is the survey;
 *  - already rated: a bare score, or a scored reply to the request mail, is a repeated answer:
 *    kept in the timeline, the first score stays (recordRating logs the ignored one).
 * Telegram answers come as button presses through recordRating(), not as text.
 */
export function ratingAnswerFor(core: CoreServices, conversationId: number, m: InboundMessage): RatingAnswer | null {
  if (m.channel !== 'email' || m.automated) return null;
  const conversation = loadConversation(core.db, conversationId);
  if (conversation.status !== 'resolved' && conversation.status !== 'rated') return null;
  const request = ratingRequestOf(core.db, conversation.id, conversation.reopened_count);
  if (!request) return null;
  const externalOf = (id: number | null) =>
    id === null ? null : ((core.db.prepare('SELECT external_id AS x FROM messages WHERE id = ?').get(id) as { x: string | null } | undefined)?.x ?? null);
  const refs = new Set(m.thread?.replyTo ?? []);
  const requestMail = externalOf(request.message_id);
  const repliesToRequest = requestMail !== null && refs.has(requestMail);

  if (request.survey_message_id !== null && request.survey_answered_at === null) {
    const skm = parseSurveyReply(m.text);
    if (skm) return { ratingRequestId: request.id, score: null, feedback: null, skm };
  }
  const parsed = parseRatingReply(m.text);
  if (request.answered_at === null) {
    if (parsed.score !== null || repliesToRequest) return { ratingRequestId: request.id, score: parsed.score, feedback: parsed.feedback, skm: null };
    return null;
  }
  if (parsed.score !== null && (parsed.feedback === null || repliesToRequest))
    return { ratingRequestId: request.id, score: parsed.score, feedback: parsed.feedback, skm: null };
  return null;
}

export function applyRatingAnswer(core: CoreServices, answer: RatingAnswer): void {
  recordRating(core, {
    ratingRequestId: answer.ratingRequestId,
    score: answer.score,
    feedback: answer.feedback,
    ...(answer.skm ? { skm: answer.skm } : {}),
    source: 'email',
  });
}

export interface InboundOutcome {
  conversationId: number;
  messageId: number;
  newConversation: boolean;
  /** A closed conversation opened again by this message. */
  reopened: boolean;
  /** waiting_requester → in_progress by this message. */
  resumed: boolean;
  ratingAnswer: boolean;
}

/** After the message is stored: SLA accounting, acknowledgement, out-of-hours reply. */
export function afterInbound(core: CoreServices, m: InboundMessage, outcome: InboundOutcome): void {
  const facts = {
    conversationId: outcome.conversationId,
    channel: m.channel,
    messageId: outcome.messageId,
    externalId: m.externalId,
    receivedAt: m.receivedAt,
    automated: m.automated ?? false,
  };
  if (outcome.newConversation) {
    sendAcknowledgement(core, facts);
    return;
  }
  if (outcome.reopened || outcome.resumed) {
    resumeClock(core.db, serviceCalendar(core.db), outcome.conversationId, m.receivedAt);
    if (outcome.resumed) {
      writeActivity(
        core.db,
        outcome.conversationId,
        'Pengguna layanan membalas; status kembali "Diproses" dan jam SLA berjalan kembali',
        { event: 'resumed' },
        m.receivedAt,
      );
    }
  }
  if (!outcome.ratingAnswer) sendOutOfHoursReply(core, facts);
}
