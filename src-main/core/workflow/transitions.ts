import type { RequesterFieldsInput } from '../../../src-preload/contract';
import { conflict, invalidInput } from '../errors';
import type { CoreServices } from '../services';
import { writeActivity } from './activity';
import { serviceCalendar } from '../calendar/cache';
import { changeStatus, loadConversation, type Actor, type WorkflowRow } from './conversation';
import { requestRating } from './ratings';
import { cleanRequesterFields, missingFor, REQUIREMENT_LABELS, writeRequesterFields } from './requirements';
import { readWorkflowSettings } from './settings';
import { indexSimilarAnswer } from '../store/similar-answers';
import { clearClock, closeClock, pauseClock, resumeClock, startClock } from './sla';
import { formatWita } from './templates';

/**
 * The workflow operations behind the handlers (and the Telegram intake). Each runs inside the
 * caller's transaction and leaves a timeline line; the dispatcher writes the audit row.
 */

const OPEN = ['new', 'awaiting_requirements', 'in_progress', 'waiting_requester'] as const;
const isOpen = (row: WorkflowRow) => (OPEN as readonly string[]).includes(row.status);

/** Starts the SLA clock now and moves the conversation to in_progress. */
function completeRequirements(core: CoreServices, row: WorkflowRow, actor: Actor, note: string, at: number): void {
  const calendar = serviceCalendar(core.db);
  const days = readWorkflowSettings(core.db).slaWorkingDays;
  startClock(core.db, calendar, row.id, at, days);
  const due = calendar.dueAt(at, days);
  changeStatus(core, row, 'in_progress', actor, `${note}; batas waktu penyelesaian ${formatWita(due)}`);
}

/**
 * The requirements check: a new or awaiting conversation with everything filled in starts its SLA
 * clock; one still missing something waits in awaiting_requirements. `completedAt` is when they
 * became complete if that was earlier than now (an imported chat's last message).
 */
export function checkRequirements(core: CoreServices, row: WorkflowRow, actor: Actor, completedAt?: number): void {
  if (row.status !== 'new' && row.status !== 'awaiting_requirements') return;
  const missing = missingFor(core.db, row.id);
  if (missing.length === 0) completeRequirements(core, row, actor, 'persyaratan lengkap', Math.min(completedAt ?? core.now(), core.now()));
  else if (row.status === 'new')
    changeStatus(core, row, 'awaiting_requirements', actor, `belum lengkap: ${missing.map((m) => REQUIREMENT_LABELS[m]).join(', ')}`);
}

/** A colleague's consultation is taken only when the officer confirmed it (`takeOver`); the timeline names whose it was. */
export function claim(core: CoreServices, conversationId: number, actor: Actor & { officerId: number }, takeOver = false): void {
  const row = loadConversation(core.db, conversationId);
  const colleague = row.assignee_id !== null && row.assignee_id !== actor.officerId ? row.assignee_id : null;
  if (colleague !== null && !takeOver) throw conflict({ code: 'conversations.taken' });
  if (colleague !== null) {
    const from = core.db.prepare('SELECT display_name AS name FROM officers WHERE id = ?').get(colleague) as { name: string };
    writeActivity(core.db, row.id, `Diambil alih dari ${from.name}`, { event: 'taken_over', fromOfficerId: colleague, officerId: actor.officerId }, core.now());
  }
  assign(core, row, actor.officerId, actor);
  checkRequirements(core, row, actor);
}

export function assign(core: CoreServices, row: WorkflowRow, officerId: number | null, actor: Actor): void {
  if (row.assignee_id === officerId) return;
  const officer =
    officerId === null
      ? null
      : (core.db.prepare('SELECT display_name AS name, disabled FROM officers WHERE id = ?').get(officerId) as { name: string; disabled: number } | undefined);
  if (officerId !== null && (!officer || officer.disabled)) throw invalidInput({ code: 'officers.not_found_or_disabled' });
  core.db.prepare('UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE id = ?').run(officerId, core.now(), row.id);
  const text = officer ? `Ditangani oleh ${officer.name}` : 'Penugasan petugas dilepas';
  writeActivity(
    core.db,
    row.id,
    actor.name && officer && actor.officerId !== officerId ? `${text} (ditugaskan oleh ${actor.name})` : text,
    { event: 'assigned', assigneeId: officerId, officerId: actor.officerId },
    core.now(),
  );
  row.assignee_id = officerId;
  core.events.emit('inbox.changed', { conversationIds: [row.id] });
}

/**
 * Whoever answers or closes a consultation nobody had taken becomes its officer, so the record
 * (and the officers' workload in the reports) names who served the requester.
 */
export function takeIfUnassigned(core: CoreServices, row: WorkflowRow, actor: Actor): void {
  if (row.assignee_id === null && actor.officerId) assign(core, row, actor.officerId, actor);
}

/**
 * An officer's reply takes the consultation up: nobody's becomes theirs, and a new one leaves
 * "Baru" for its requirements state. Reading it does neither: only acting does.
 */
export function takeUpByReply(core: CoreServices, conversationId: number, actor: Actor): void {
  const row = loadConversation(core.db, conversationId);
  if (row.automated !== 0) return;
  takeIfUnassigned(core, row, actor);
  checkRequirements(core, row, actor);
}

/** Fills requester fields and/or the need, then runs the requirements check. */
export function updateRequirements(
  core: CoreServices,
  conversationId: number,
  input: { requester?: RequesterFieldsInput; need?: string | null },
  actor: Actor,
): void {
  const row = loadConversation(core.db, conversationId);
  const fields = cleanRequesterFields(input.requester ?? {});
  writeRequesterFields(core.db, row.requester_id, fields, core.now());
  const changed = Object.keys(fields).map((k) => REQUIREMENT_LABELS[k as keyof typeof REQUIREMENT_LABELS]);
  if (input.need !== undefined) {
    core.db.prepare('UPDATE conversations SET need = ?, updated_at = ? WHERE id = ?').run(input.need?.trim() || null, core.now(), row.id);
    changed.push(REQUIREMENT_LABELS.need);
  }
  if (changed.length > 0)
    writeActivity(
      core.db,
      row.id,
      `Data persyaratan diperbarui: ${changed.join(', ')}`,
      { event: 'requirements_updated', fields: changed, officerId: actor.officerId },
      core.now(),
    );
  checkRequirements(core, row, actor);
  core.events.emit('inbox.changed', { conversationIds: [row.id] });
}

/** The officer's judgement: requirements complete (clock starts now) or not (clock removed). */
export function setRequirementsComplete(core: CoreServices, conversationId: number, complete: boolean, reason: string, actor: Actor): void {
  const row = loadConversation(core.db, conversationId);
  if (complete) {
    if (row.status !== 'new' && row.status !== 'awaiting_requirements') throw conflict({ code: 'conversations.requirements_already_complete' });
    completeRequirements(core, row, actor, `persyaratan dinyatakan lengkap (${reason})`, core.now());
  } else {
    if (row.status !== 'in_progress' && row.status !== 'waiting_requester') throw conflict({ code: 'conversations.requirements_not_complete' });
    changeStatus(core, row, 'awaiting_requirements', actor, `persyaratan dinyatakan belum lengkap (${reason}); jam SLA dihentikan`);
    clearClock(core.db, row.id);
  }
}

export function waitForRequester(core: CoreServices, conversationId: number, reason: string | undefined, actor: Actor): void {
  const row = loadConversation(core.db, conversationId);
  changeStatus(core, row, 'waiting_requester', actor, `menunggu jawaban pengguna layanan${reason ? ` (${reason})` : ''}; jam SLA dijeda`);
  pauseClock(core.db, serviceCalendar(core.db), row.id, core.now());
}

export function resume(core: CoreServices, conversationId: number, actor: Actor): void {
  const row = loadConversation(core.db, conversationId);
  if (row.status !== 'waiting_requester') throw conflict({ code: 'conversations.resume_only_waiting' });
  changeStatus(core, row, 'in_progress', actor, 'jam SLA berjalan kembali');
  resumeClock(core.db, serviceCalendar(core.db), row.id, core.now());
}

export function resolve(core: CoreServices, conversationId: number, input: { summary: string; topic: string }, actor: Actor): void {
  const row = loadConversation(core.db, conversationId);
  const topics = readWorkflowSettings(core.db).topics;
  if (!topics.includes(input.topic)) throw invalidInput({ code: 'conversations.unknown_topic', params: { topic: input.topic, topics: topics.join(', ') } });
  if (!isOpen(row)) throw conflict({ code: 'conversations.already_resolved' });
  takeIfUnassigned(core, row, actor);
  changeStatus(core, row, 'resolved', actor, `topik ${input.topic}`);
  const now = core.now();
  core.db
    .prepare('UPDATE conversations SET summary = ?, topic = ?, resolved_at = ?, updated_at = ? WHERE id = ?')
    .run(input.summary, input.topic, now, now, row.id);
  closeClock(core.db, serviceCalendar(core.db), row.id, now);
  // Before the rating request: the answer to offer later is the officer's, not the console's.
  indexSimilarAnswer(core.db, row.id, now);
  requestRating(core, { ...row, resolved_at: now });
}

/** An officer reopens a closed consultation; the SLA clock continues where it stopped. */
export function reopen(core: CoreServices, conversationId: number, reason: string, actor: Actor): void {
  const row = loadConversation(core.db, conversationId);
  if (row.status !== 'resolved' && row.status !== 'rated') throw conflict({ code: 'conversations.reopen_only_resolved' });
  changeStatus(core, row, row.requirements_complete_at !== null ? 'in_progress' : 'awaiting_requirements', actor, `dibuka kembali (${reason})`);
  core.db.prepare('UPDATE conversations SET resolved_at = NULL, reopened_count = reopened_count + 1, updated_at = ? WHERE id = ?').run(core.now(), row.id);
  resumeClock(core.db, serviceCalendar(core.db), row.id, core.now());
}
