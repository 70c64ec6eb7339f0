import { z } from 'zod';
import type { RequirementName } from '../../../../src-preload/contract';
import { describeServiceHours } from '../../calendar';
import { serviceCalendar } from '../../calendar/cache';
import { SYSTEM_ACTOR } from '../../workflow/conversation';
import { OCCUPATIONS } from '../../../../src-common/occupations';
import { normalizeWhatsapp } from '../../../../src-common/whatsapp';
import { missingFor, requirementFacts, writeRequesterFields } from '../../workflow/requirements';
import { readWorkflowSettings } from '../../workflow/settings';
import { updateRequirements } from '../../workflow/transitions';
import { botSay, type Button, type Turn } from './bot-say';
import { readChat, writeChat, type ChatState } from './store';
import { FIELD_LABELS, INTAKE_DONE, INTAKE_INTRO, INTAKE_STEPS, INVALID, QUESTIONS, SUMMARY_TITLE, welcome } from './texts';

/**
 * The intake dialogue: the requirements of the service standard asked one at a time,
 * validated, saved as they come (officers see them at once), state in telegram_chats so it
 * survives restarts. When the last one is answered the workflow's requirements check runs
 * (updateRequirements → in_progress, SLA clock starts).
 */

const emailSchema = z.email();

export const occupationKeyboard = (): Button[][] =>
  OCCUPATIONS.map((label, i) => [{ text: label, data: `i:o:${i}` }]).reduce<Button[][]>((rows, [b], i) => {
    if (i % 2 === 0) rows.push([b!]);
    else rows[rows.length - 1]!.push(b!);
    return rows;
  }, []);

export function welcomeText(turn: Turn): string {
  const calendar = serviceCalendar(turn.core.db);
  return welcome(describeServiceHours(calendar.hours), readWorkflowSettings(turn.core.db).slaWorkingDays);
}

const nextStep = (turn: Turn, conversationId: number): RequirementName | null => {
  const missing = new Set(missingFor(turn.core.db, conversationId));
  return INTAKE_STEPS.find((s) => missing.has(s)) ?? null;
};

function ask(turn: Turn, conversationId: number, step: RequirementName, prefix?: string): void {
  const text = prefix ? `${prefix}\n\n${QUESTIONS[step]}` : QUESTIONS[step];
  botSay(turn, conversationId, text, { purpose: `intake:${step}`, ...(step === 'occupation' ? { keyboard: occupationKeyboard() } : {}) });
}

function baseState(turn: Turn, requesterId: number, conversationId: number): ChatState {
  return { chatId: turn.chatId, requesterId, conversationId, mode: 'idle', step: null, correcting: false, ratingRequestId: null, updatedAt: turn.at };
}

/**
 * Starts (or resumes) the dialogue on a conversation: asks the first missing requirement, or, with
 * nothing missing, just runs the requirements check. `withWelcome` puts the service facts first
 * (when the workflow's acknowledgement, which carries them, was not sent).
 */
export function startIntake(turn: Turn, requesterId: number, conversationId: number, options: { withWelcome: boolean }): void {
  const step = nextStep(turn, conversationId);
  const state = baseState(turn, requesterId, conversationId);
  if (!step) {
    writeChat(turn.core.db, state);
    if (options.withWelcome) botSay(turn, conversationId, welcomeText(turn), { purpose: 'welcome' });
    return;
  }
  writeChat(turn.core.db, { ...state, mode: 'intake', step });
  const intro = options.withWelcome ? `${welcomeText(turn)}\n\n${INTAKE_INTRO}` : INTAKE_INTRO;
  ask(turn, conversationId, step, intro);
}

/** Repeats the question being asked (after /start, or a photo sent instead of an answer). */
export function repeatQuestion(turn: Turn, state: ChatState): void {
  if (state.mode === 'intake' && state.step && state.conversationId !== null) ask(turn, state.conversationId, state.step);
}

type Validated = { ok: true; value: string } | { ok: false };

export function validateAnswer(step: RequirementName, raw: string): Validated {
  const text = raw.trim();
  if (!text) return { ok: false };
  switch (step) {
    case 'email':
      return emailSchema.safeParse(text).success ? { ok: true, value: text.toLowerCase() } : { ok: false };
    case 'whatsapp': {
      const normalized = normalizeWhatsapp(text);
      return normalized ? { ok: true, value: normalized } : { ok: false };
    }
    case 'occupation': {
      const byNumber = /^\d$/.test(text) ? OCCUPATIONS[Number(text) - 1] : undefined;
      const byName = OCCUPATIONS.find((o) => o.toLowerCase() === text.toLowerCase());
      const value = byNumber ?? byName;
      return value ? { ok: true, value } : { ok: false };
    }
    case 'need':
      return { ok: true, value: text.slice(0, 4000) };
    default:
      return text.length <= 200 ? { ok: true, value: text } : { ok: false };
  }
}

/** The requester's answer to the current question (a text, a shared contact, or a button). */
export function answerStep(turn: Turn, state: ChatState, raw: string): void {
  const { step, conversationId } = state;
  if (state.mode !== 'intake' || !step || conversationId === null) return;
  const checked = validateAnswer(step, raw);
  if (!checked.ok) {
    ask(turn, conversationId, step, INVALID[step]);
    return;
  }
  const db = turn.core.db;
  const completeBefore = nextStep(turn, conversationId) === null || isRequirementsComplete(turn, conversationId);
  if (state.correcting && completeBefore) {
    // A correction after the intake: through the workflow, which logs it for the officer.
    updateRequirements(turn.core, conversationId, step === 'need' ? { need: checked.value } : { requester: { [step]: checked.value } }, SYSTEM_ACTOR);
    writeChat(db, { ...state, mode: 'idle', step: null, correcting: false, updatedAt: turn.at });
    sendSummary(turn, conversationId, `${FIELD_LABELS[step]} sudah diubah.`);
    return;
  }
  if (step === 'need') db.prepare('UPDATE conversations SET need = ?, updated_at = ? WHERE id = ?').run(checked.value, turn.core.now(), conversationId);
  else writeRequesterFields(db, state.requesterId, { [step]: checked.value }, turn.core.now());
  const next = nextStep(turn, conversationId);
  if (next) {
    writeChat(db, { ...state, step: next, correcting: false, updatedAt: turn.at });
    ask(turn, conversationId, next);
    return;
  }
  completeIntake(turn, state, conversationId);
}

const isRequirementsComplete = (turn: Turn, conversationId: number): boolean =>
  (turn.core.db.prepare('SELECT requirements_complete_at AS at FROM conversations WHERE id = ?').get(conversationId) as { at: number | null }).at !== null;

function completeIntake(turn: Turn, state: ChatState, conversationId: number): void {
  const f = requirementFacts(turn.core.db, conversationId);
  // One call with every answer: the officer's timeline gets one line, and the workflow starts the SLA.
  updateRequirements(
    turn.core,
    conversationId,
    { requester: { name: f.name, institution: f.institution, email: f.email, whatsapp: f.whatsapp, occupation: f.occupation }, need: f.need },
    SYSTEM_ACTOR,
  );
  writeChat(turn.core.db, { ...state, mode: 'idle', step: null, correcting: false, updatedAt: turn.at });
  sendSummary(turn, conversationId, INTAKE_DONE);
}

export function summaryText(turn: Turn, conversationId: number): string {
  const f = requirementFacts(turn.core.db, conversationId) as unknown as Record<RequirementName, string | null>;
  return [SUMMARY_TITLE, ...INTAKE_STEPS.map((s) => `• ${FIELD_LABELS[s]}: ${f[s] ?? '-'}`)].join('\n');
}

export const summaryKeyboard = (): Button[][] => [
  [{ text: 'Ubah nama', data: 'i:e:name' }, { text: 'Ubah instansi', data: 'i:e:institution' }],
  [{ text: 'Ubah email', data: 'i:e:email' }, { text: 'Ubah WhatsApp', data: 'i:e:whatsapp' }],
  [{ text: 'Ubah pekerjaan', data: 'i:e:occupation' }, { text: 'Ubah keperluan', data: 'i:e:need' }],
];

export function sendSummary(turn: Turn, conversationId: number, heading?: string): void {
  const body = summaryText(turn, conversationId);
  botSay(turn, conversationId, heading ? `${heading}\n\n${body}` : body, { purpose: 'summary', keyboard: summaryKeyboard() });
}

/** "Ubah ..." pressed: ask that one question again; the answer goes back to the summary. */
export function beginCorrection(turn: Turn, requesterId: number, conversationId: number, step: RequirementName): void {
  const current = readChat(turn.core.db, turn.chatId);
  const state = current && current.conversationId === conversationId ? current : baseState(turn, requesterId, conversationId);
  writeChat(turn.core.db, { ...state, mode: 'intake', step, correcting: true, updatedAt: turn.at });
  ask(turn, conversationId, step);
}

export const isRequirementName = (s: string): s is RequirementName => (INTAKE_STEPS as readonly string[]).includes(s);
