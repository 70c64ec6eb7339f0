import { IKM_UNSUR, IKM_UNSUR_COUNT, SKM_QUESTIONS } from '../../domain/ikm';
import { readWorkflowSettings } from '../../workflow/settings';
import { AppError } from '../../errors';
import { ratingRequestById, recordRating } from '../../workflow/ratings';
import { botSay, type Button, type Turn } from './bot-say';
import { readChat, writeChat } from './store';
import { FEEDBACK_PROMPT, FEEDBACK_THANKS, stars } from './texts';

/**
 * Native rating buttons. The workflow puts a `rating_request` and, when the SKM is
 * enabled, a `survey` on the outbox (payload shapes in workflow/ratings.ts); the connector renders
 * them as inline keyboards and reports presses through recordRating(). Callback data:
 *   r:<ratingRequestId>:<score>          star rating 1–5
 *   s:<ratingRequestId>:<question>:<v>   SKM question 0–8, answer 1–4 (one message, edited in place)
 *   f:skip                               no feedback text
 * All well under Telegram's 64 bytes.
 */

export const ratingKeyboard = (ratingRequestId: number): Button[][] => [[1, 2, 3, 4, 5].map((n) => ({ text: `${n}⭐`, data: `r:${ratingRequestId}:${n}` }))];

/** The text and buttons of SKM question `index` (0-based): the question as the requester reads it, the unsur as its label. */
export function surveyQuestion(ratingRequestId: number, index: number, questions: readonly string[] = SKM_QUESTIONS): { text: string; keyboard: Button[][] } {
  const unsur = IKM_UNSUR[index]!;
  const question = questions[index] ?? SKM_QUESTIONS[index]!;
  return {
    text: `Pertanyaan ${index + 1} dari ${IKM_UNSUR_COUNT} (${unsur.name})\n${question}`,
    keyboard: unsur.labels.map((label, i) => [{ text: `${i + 1}. ${label}`, data: `s:${ratingRequestId}:${index}:${i + 1}` }]),
  };
}

const FEEDBACK_WINDOW_MS = 24 * 3_600_000;

function askFeedback(turn: Turn, conversationId: number, requesterId: number, ratingRequestId: number): void {
  const state = readChat(turn.core.db, turn.chatId);
  writeChat(turn.core.db, {
    chatId: turn.chatId,
    requesterId,
    conversationId: state?.conversationId ?? conversationId,
    mode: 'feedback',
    step: null,
    correcting: false,
    ratingRequestId,
    updatedAt: turn.at,
  });
  botSay(turn, conversationId, FEEDBACK_PROMPT, { purpose: 'feedback', keyboard: [[{ text: 'Lewati', data: 'f:skip' }]] });
}

interface Press {
  queryId: string;
  messageId: number;
}

export function onRatingPress(turn: Turn, press: Press, ratingRequestId: number, score: number): void {
  const request = ratingRequestById(turn.core.db, ratingRequestId);
  if (!request) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Penilaian ini sudah tidak berlaku.' });
    return;
  }
  let outcome: ReturnType<typeof recordRating>['outcome'];
  try {
    outcome = recordRating(turn.core, { ratingRequestId, score, source: 'telegram' }).outcome;
  } catch (error) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: error instanceof AppError ? error.message : 'Penilaian tidak dapat disimpan.' });
    return;
  }
  if (outcome === 'already_rated') {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Penilaian Anda sudah kami terima sebelumnya. Terima kasih!' });
    return;
  }
  turn.after.callbackAnswers.push({ queryId: press.queryId, text: `Terima kasih! Nilai ${score} tersimpan.` });
  turn.after.edits.push({ chatId: turn.chatId, messageId: press.messageId, text: `Penilaian Anda: ${stars(score)} (${score}/5). Terima kasih!` });
  const after = ratingRequestById(turn.core.db, ratingRequestId);
  // With the SKM enabled the survey comes first; the feedback prompt follows its last answer.
  if (after?.survey_message_id === null) askFeedback(turn, request.conversation_id, requesterOf(turn, request.conversation_id), ratingRequestId);
}

const requesterOf = (turn: Turn, conversationId: number): number =>
  (turn.core.db.prepare('SELECT requester_id AS id FROM conversations WHERE id = ?').get(conversationId) as { id: number }).id;

interface SurveyRow {
  answers: string;
  completed_at: number | null;
}

export function onSurveyPress(turn: Turn, press: Press, ratingRequestId: number, question: number, value: number): void {
  const db = turn.core.db;
  const request = ratingRequestById(db, ratingRequestId);
  if (!request || question < 0 || question >= IKM_UNSUR_COUNT || value < 1 || value > 4) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Survei ini sudah tidak berlaku.' });
    return;
  }
  db.prepare('INSERT OR IGNORE INTO telegram_surveys (rating_request_id, chat_id, updated_at) VALUES (?, ?, ?)').run(ratingRequestId, turn.chatId, turn.at);
  const row = db.prepare('SELECT answers, completed_at FROM telegram_surveys WHERE rating_request_id = ?').get(ratingRequestId) as SurveyRow;
  const answers = JSON.parse(row.answers) as number[];
  if (row.completed_at !== null || request.survey_answered_at !== null) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Survei sudah Anda isi. Terima kasih!' });
    return;
  }
  if (question !== answers.length) {
    // A repeated or late press (or an edit that never arrived): show the question that is due.
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Pertanyaan itu sudah dijawab.' });
    const due = surveyQuestion(ratingRequestId, answers.length, readWorkflowSettings(db).surveyQuestions);
    turn.after.edits.push({ chatId: turn.chatId, messageId: press.messageId, text: due.text, keyboard: due.keyboard });
    return;
  }
  answers.push(value);
  const done = answers.length === IKM_UNSUR_COUNT;
  db.prepare('UPDATE telegram_surveys SET answers = ?, completed_at = ?, updated_at = ? WHERE rating_request_id = ?').run(
    JSON.stringify(answers),
    done ? turn.at : null,
    turn.at,
    ratingRequestId,
  );
  turn.after.callbackAnswers.push({ queryId: press.queryId, text: `Jawaban ${question + 1} tersimpan.` });
  if (!done) {
    const next = surveyQuestion(ratingRequestId, answers.length, readWorkflowSettings(db).surveyQuestions);
    turn.after.edits.push({ chatId: turn.chatId, messageId: press.messageId, text: next.text, keyboard: next.keyboard });
    return;
  }
  recordRating(turn.core, { ratingRequestId, skm: answers, source: 'telegram' });
  turn.after.edits.push({ chatId: turn.chatId, messageId: press.messageId, text: 'Survei Kepuasan Masyarakat selesai. Terima kasih atas jawaban Anda!' });
  askFeedback(turn, request.conversation_id, requesterOf(turn, request.conversation_id), ratingRequestId);
}

/** Is this text the feedback the bot asked for? (Within a day of the prompt.) */
export function feedbackPending(turn: Turn): { ratingRequestId: number; conversationId: number } | null {
  const state = readChat(turn.core.db, turn.chatId);
  if (state?.mode !== 'feedback' || state.ratingRequestId === null || turn.at - state.updatedAt > FEEDBACK_WINDOW_MS) return null;
  const request = ratingRequestById(turn.core.db, state.ratingRequestId);
  return request ? { ratingRequestId: request.id, conversationId: request.conversation_id } : null;
}

export function recordFeedback(turn: Turn, pending: { ratingRequestId: number; conversationId: number }, text: string): void {
  recordRating(turn.core, { ratingRequestId: pending.ratingRequestId, feedback: text, source: 'telegram' });
  endFeedback(turn);
  botSay(turn, pending.conversationId, FEEDBACK_THANKS, { purpose: 'feedback_thanks' });
}

export function endFeedback(turn: Turn): void {
  const state = readChat(turn.core.db, turn.chatId);
  if (state?.mode === 'feedback') writeChat(turn.core.db, { ...state, mode: 'idle', ratingRequestId: null, updatedAt: turn.at });
}
