import type { ConversationStatus } from '../../../src-preload/contract';
import { CONVERSATION_STATUS_ID } from '../../../src-common/vocabulary';
import { conflict } from '../errors';

/**
 * The status machine of DESIGN §2 as one table: from → the statuses a handler may move to.
 * in_progress → awaiting_requirements is the officer unsetting "requirements complete" (with a
 * reason); resolved/rated → in_progress|awaiting_requirements is a reopen.
 */
export const TRANSITIONS: Readonly<Record<ConversationStatus, readonly ConversationStatus[]>> = {
  new: ['awaiting_requirements', 'in_progress', 'resolved'],
  awaiting_requirements: ['in_progress', 'resolved'],
  in_progress: ['waiting_requester', 'resolved', 'awaiting_requirements'],
  waiting_requester: ['in_progress', 'resolved', 'awaiting_requirements'],
  resolved: ['rated', 'in_progress', 'awaiting_requirements'],
  rated: ['in_progress', 'awaiting_requirements'],
};

export const STATUS_LABELS: Readonly<Record<ConversationStatus, string>> = CONVERSATION_STATUS_ID;

export const canTransition = (from: ConversationStatus, to: ConversationStatus): boolean => TRANSITIONS[from].includes(to);

export function assertTransition(from: ConversationStatus, to: ConversationStatus): void {
  if (!canTransition(from, to)) {
    throw conflict({ code: 'workflow.status_change', params: { from, to, fromLabel: STATUS_LABELS[from], toLabel: STATUS_LABELS[to] } });
  }
}
