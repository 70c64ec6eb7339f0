import { z } from 'zod';
import { INDIVIDUAL_LABEL, isClearNeed, isIndividualAnswer, isPlausibleName } from '../../../../src-common/intake-answers';
import { matchOccupation, OCCUPATIONS, type Occupation } from '../../../../src-common/occupations';
import { normalizeWhatsapp } from '../../../../src-common/whatsapp';
import type { RequirementName } from '../../../../src-preload/contract';
import { describeServiceHours } from '../../calendar';
import { serviceCalendar } from '../../calendar/cache';
import type { CoreServices } from '../../services';
import { SYSTEM_ACTOR } from '../conversation';
import { missingFor, requirementFacts, writeRequesterFields } from '../requirements';
import { readWorkflowSettings } from '../settings';
import { updateRequirements } from '../transitions';
import {
  CORRECTION_LABELS,
  FIELD_LABELS,
  INTAKE_DONE,
  INTAKE_INTRO,
  INTAKE_STEPS,
  INVALID,
  NEED_OFFER,
  NEED_OFFER_ACCEPT,
  OCCUPATION_GUESS,
  QUESTIONS,
  SUMMARY_TITLE,
  welcome,
} from './texts';

/**
 * The intake dialogue, for any chat channel: the requirements of the service standard asked one
 * at a time, validated, saved as they come (officers see them at once), its state kept by the
 * channel so it survives restarts. When the last one is answered the workflow's requirements check
 * runs (updateRequirements → in_progress, SLA clock starts). A channel plugs in through
 * IntakeChannel: it says texts, offers choices in its own way, and stores the dialogue state.
 */

/** Where one requester is in the dialogue (and in a rating's feedback, which shares the chat). */
export interface IntakeState {
  requesterId: number;
  conversationId: number | null;
  mode: 'idle' | 'intake' | 'feedback';
  step: RequirementName | null;
  correcting: boolean;
  ratingRequestId: number | null;
  updatedAt: number;
}

/** An answer a requester can pick instead of typing: buttons on Telegram, a numbered list elsewhere. */
export type IntakeChoice =
  | { label: string; answer: { step: RequirementName; value: string } }
  | { label: string; correct: RequirementName }
  /** Takes the need the requester already wrote in their first message (offeredNeed). */
  | { label: string; acceptOffered: 'need' };

/** What a channel provides for one turn of the dialogue. */
export interface IntakeChannel {
  readonly core: CoreServices;
  /** The instant of the requester's message (or of the press). */
  readonly at: number;
  /** Says a text in the conversation; `choices` are rows of answers offered with it. */
  say(conversationId: number, text: string, purpose: string, choices?: IntakeChoice[][]): void;
  readState(): IntakeState | null;
  writeState(state: IntakeState): void;
}

const emailSchema = z.email();

/** The occupation categories as choices, two per row; a guess from typed text comes first, on its own row. */
export const occupationChoices = (guess?: Occupation): IntakeChoice[][] => {
  const rows = OCCUPATIONS.filter((o) => o !== guess).reduce<IntakeChoice[][]>((rows, value, i) => {
    const choice: IntakeChoice = { label: value, answer: { step: 'occupation', value } };
    if (i % 2 === 0) rows.push([choice]);
    else rows[rows.length - 1]!.push(choice);
    return rows;
  }, []);
  return guess ? [[{ label: `✔ ${guess}`, answer: { step: 'occupation', value: guess } }], ...rows] : rows;
};

/**
 * The need the requester may already have stated: the first message of the conversation, when it
 * is a clear need (not a command, not a greeting). Offered back instead of asked again.
 */
export function offeredNeed(core: CoreServices, conversationId: number): string | null {
  const first = core.db
    .prepare("SELECT body_text AS text FROM messages WHERE conversation_id = ? AND direction = 'incoming' ORDER BY created_at, id LIMIT 1")
    .get(conversationId) as { text: string } | undefined;
  const text = first?.text.trim() ?? '';
  return text && !text.startsWith('/') && isClearNeed(text) ? text.slice(0, 4000) : null;
}

/** "Ubah …" for every field, two per row, under the summary. */
export const correctionChoices = (): IntakeChoice[][] => {
  const steps = INTAKE_STEPS.map((step): IntakeChoice => ({ label: CORRECTION_LABELS[step], correct: step }));
  return [steps.slice(0, 2), steps.slice(2, 4), steps.slice(4, 6)];
};

export function welcomeText(core: CoreServices): string {
  const calendar = serviceCalendar(core.db);
  return welcome(describeServiceHours(calendar.hours), readWorkflowSettings(core.db).slaWorkingDays);
}

const nextStep = (core: CoreServices, conversationId: number): RequirementName | null => {
  const missing = new Set(missingFor(core.db, conversationId));
  return INTAKE_STEPS.find((s) => missing.has(s)) ?? null;
};

function ask(channel: IntakeChannel, conversationId: number, step: RequirementName, prefix?: string, correcting = false): void {
  const offered = step === 'need' && !correcting ? offeredNeed(channel.core, conversationId) : null;
  if (offered) {
    const text = NEED_OFFER(offered);
    channel.say(conversationId, prefix ? `${prefix}\n\n${text}` : text, 'intake:need_offer', [[{ label: NEED_OFFER_ACCEPT, acceptOffered: 'need' }]]);
    return;
  }
  const text = prefix ? `${prefix}\n\n${QUESTIONS[step]}` : QUESTIONS[step];
  channel.say(conversationId, text, `intake:${step}`, step === 'occupation' ? occupationChoices() : undefined);
}

function baseState(channel: IntakeChannel, requesterId: number, conversationId: number): IntakeState {
  return { requesterId, conversationId, mode: 'idle', step: null, correcting: false, ratingRequestId: null, updatedAt: channel.at };
}

/**
 * Starts (or resumes) the dialogue on a conversation: asks the first missing requirement, or, with
 * nothing missing, just runs the requirements check. `withWelcome` puts the service facts first
 * (when the workflow's acknowledgement, which carries them, was not sent).
 */
export function startIntake(channel: IntakeChannel, requesterId: number, conversationId: number, options: { withWelcome: boolean }): void {
  const step = nextStep(channel.core, conversationId);
  const state = baseState(channel, requesterId, conversationId);
  if (!step) {
    channel.writeState(state);
    if (options.withWelcome) channel.say(conversationId, welcomeText(channel.core), 'welcome');
    return;
  }
  channel.writeState({ ...state, mode: 'intake', step });
  const intro = options.withWelcome ? `${welcomeText(channel.core)}\n\n${INTAKE_INTRO}` : INTAKE_INTRO;
  ask(channel, conversationId, step, intro);
}

/** Repeats the question being asked (after /start, or a photo sent instead of an answer). */
export function repeatQuestion(channel: IntakeChannel, state: IntakeState): void {
  if (state.mode === 'intake' && state.step && state.conversationId !== null) ask(channel, state.conversationId, state.step, undefined, state.correcting);
}

/** Accepted (normalized), refused, or, for a typed occupation, a guess the requester confirms with a button. */
type Validated = { ok: true; value: string } | { ok: false; guess?: Occupation };

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
      const match = matchOccupation(text);
      if (!match) return { ok: false };
      return match.sure ? { ok: true, value: match.value } : { ok: false, guess: match.value };
    }
    case 'need':
      return isClearNeed(text) ? { ok: true, value: text.slice(0, 4000) } : { ok: false };
    case 'name':
      return isPlausibleName(text) && text.length <= 200 ? { ok: true, value: text } : { ok: false };
    case 'institution':
      if (isIndividualAnswer(text)) return { ok: true, value: INDIVIDUAL_LABEL };
      return isPlausibleName(text) && text.length <= 200 ? { ok: true, value: text } : { ok: false };
    default:
      return text.length <= 200 ? { ok: true, value: text } : { ok: false };
  }
}

/** The requester's answer to the current question (a text, a shared contact, or a choice). */
export function answerStep(channel: IntakeChannel, state: IntakeState, raw: string): void {
  const { step, conversationId } = state;
  if (state.mode !== 'intake' || !step || conversationId === null) return;
  const core = channel.core;
  const checked = validateAnswer(step, raw);
  if (!checked.ok && checked.guess) {
    channel.say(conversationId, OCCUPATION_GUESS(checked.guess), 'intake:occupation', occupationChoices(checked.guess));
    return;
  }
  if (!checked.ok) {
    ask(channel, conversationId, step, INVALID[step], state.correcting);
    return;
  }
  const completeBefore = nextStep(core, conversationId) === null || isRequirementsComplete(core, conversationId);
  if (state.correcting && completeBefore) {
    // A correction after the intake: through the workflow, which logs it for the officer.
    updateRequirements(core, conversationId, step === 'need' ? { need: checked.value } : { requester: { [step]: checked.value } }, SYSTEM_ACTOR);
    channel.writeState({ ...state, mode: 'idle', step: null, correcting: false, updatedAt: channel.at });
    sendSummary(channel, conversationId, `${FIELD_LABELS[step]} sudah diubah.`);
    return;
  }
  if (step === 'need') core.db.prepare('UPDATE conversations SET need = ?, updated_at = ? WHERE id = ?').run(checked.value, core.now(), conversationId);
  else writeRequesterFields(core.db, state.requesterId, { [step]: checked.value }, core.now());
  const next = nextStep(core, conversationId);
  if (next) {
    channel.writeState({ ...state, step: next, correcting: false, updatedAt: channel.at });
    ask(channel, conversationId, next);
    return;
  }
  completeIntake(channel, state, conversationId);
}

const isRequirementsComplete = (core: CoreServices, conversationId: number): boolean =>
  (core.db.prepare('SELECT requirements_complete_at AS at FROM conversations WHERE id = ?').get(conversationId) as { at: number | null }).at !== null;

function completeIntake(channel: IntakeChannel, state: IntakeState, conversationId: number): void {
  const f = requirementFacts(channel.core.db, conversationId);
  // One call with every answer: the officer's timeline gets one line, and the workflow starts the SLA.
  updateRequirements(
    channel.core,
    conversationId,
    { requester: { name: f.name, institution: f.institution, email: f.email, whatsapp: f.whatsapp, occupation: f.occupation }, need: f.need },
    SYSTEM_ACTOR,
  );
  channel.writeState({ ...state, mode: 'idle', step: null, correcting: false, updatedAt: channel.at });
  sendSummary(channel, conversationId, INTAKE_DONE);
}

export function summaryText(core: CoreServices, conversationId: number): string {
  const f = requirementFacts(core.db, conversationId) as unknown as Record<RequirementName, string | null>;
  return [SUMMARY_TITLE, ...INTAKE_STEPS.map((s) => `• ${FIELD_LABELS[s]}: ${f[s] ?? '-'}`)].join('\n');
}

export function sendSummary(channel: IntakeChannel, conversationId: number, heading?: string): void {
  const body = summaryText(channel.core, conversationId);
  channel.say(conversationId, heading ? `${heading}\n\n${body}` : body, 'summary', correctionChoices());
}

/** "Ubah ..." chosen: ask that one question again; the answer goes back to the summary. */
export function beginCorrection(channel: IntakeChannel, requesterId: number, conversationId: number, step: RequirementName): void {
  const current = channel.readState();
  const state = current && current.conversationId === conversationId ? current : baseState(channel, requesterId, conversationId);
  channel.writeState({ ...state, mode: 'intake', step, correcting: true, updatedAt: channel.at });
  ask(channel, conversationId, step, undefined, true);
}

/** "Ya, benar" under the offered need: the first message becomes the need (returned). Null when nothing is on offer any more. */
export function acceptOfferedNeed(channel: IntakeChannel): string | null {
  const state = channel.readState();
  if (state?.mode !== 'intake' || state.step !== 'need' || state.correcting || state.conversationId === null) return null;
  const offered = offeredNeed(channel.core, state.conversationId);
  if (offered) answerStep(channel, state, offered);
  return offered;
}

export const isRequirementName = (s: string): s is RequirementName => (INTAKE_STEPS as readonly string[]).includes(s);
