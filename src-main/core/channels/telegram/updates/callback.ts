import type { CallbackQuery } from 'grammy/types';
import type { Turn } from '../bot-say';
import { acceptOfferedNeed, answerStep, beginCorrection, isRequirementName } from '../../../workflow/intake/dialogue';
import { telegramIntake } from '../intake';
import { endFeedback, onRatingPress, onSurveyPress } from '../rating';
import { latestConversation, readChat, requesterOfUser } from '../store';
import { OCCUPATIONS } from '../../../../../src-common/occupations';

/** A button press: a rating, a survey answer, skipping feedback, or an intake choice. Every press is answered. */
export function onCallback(base: Omit<Turn, 'chatId' | 'at'>, cq: CallbackQuery): void {
  const chatId = String(cq.message?.chat.id ?? cq.from.id);
  const turn: Turn = { ...base, chatId, at: base.core.now() };
  const after = turn.after;
  const press = { queryId: cq.id, messageId: cq.message?.message_id ?? 0 };
  const parts = (cq.data ?? '').split(':');
  const [kind, a, b, c] = parts;
  const answered = () => after.callbackAnswers.some((x) => x.queryId === cq.id);
  if (kind === 'r') onRatingPress(turn, press, Number(a), Number(b));
  else if (kind === 's') onSurveyPress(turn, press, Number(a), Number(b), Number(c));
  else if (kind === 'f' && a === 'skip') {
    endFeedback(turn);
    after.callbackAnswers.push({ queryId: cq.id, text: 'Baik, terima kasih.' });
    if (press.messageId) after.edits.push({ chatId, messageId: press.messageId, text: 'Terima kasih.' });
  } else if (kind === 'i') onIntakePress(turn, cq, press, a, b);
  if (!answered()) after.callbackAnswers.push({ queryId: cq.id, text: '' });
}

function onIntakePress(
  turn: Turn,
  cq: CallbackQuery,
  press: { queryId: string; messageId: number },
  action: string | undefined,
  arg: string | undefined,
): void {
  const requesterId = requesterOfUser(turn.core.db, String(cq.from.id));
  const latest = requesterId !== null ? latestConversation(turn.core.db, requesterId) : null;
  if (requesterId === null || !latest) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Pilihan ini sudah tidak berlaku.' });
    return;
  }
  if (action === 'o') {
    const state = readChat(turn.core.db, turn.chatId);
    const choice = OCCUPATIONS[Number(arg)];
    if (state?.mode !== 'intake' || state.step !== 'occupation' || !choice) {
      turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Pilihan ini sudah tidak berlaku.' });
      return;
    }
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: `Pekerjaan: ${choice}` });
    turn.after.edits.push({ chatId: turn.chatId, messageId: press.messageId, text: `Pekerjaan: ${choice} ✔` });
    answerStep(telegramIntake(turn), state, choice);
    return;
  }
  if (action === 'a' && arg === 'need') {
    const need = acceptOfferedNeed(telegramIntake(turn));
    if (need === null) {
      turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Pilihan ini sudah tidak berlaku.' });
      return;
    }
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Keperluan tersimpan.' });
    turn.after.edits.push({ chatId: turn.chatId, messageId: press.messageId, text: `Keperluan: ${need.length > 600 ? `${need.slice(0, 600)}…` : need} ✔` });
    return;
  }
  if (action === 'e' && arg && isRequirementName(arg)) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Silakan tulis data yang baru.' });
    beginCorrection(telegramIntake(turn), requesterId, latest.id, arg);
  }
}
