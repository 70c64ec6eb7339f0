import type { Channel, ComplaintSource, ComplaintStatus, ConversationStatus } from '../src-preload/contract';
import { INDIVIDUAL_LABEL, isIndividualAnswer } from './intake-answers';

/**
 * The Indonesian words for statuses, channels and complaint sources: one table read by the
 * console (its Indonesian translation), the core's messages and the report files, so a complaint
 * that is "Baru" on screen is "Baru" in the xlsx too.
 */

export const CONVERSATION_STATUS_ID: Readonly<Record<ConversationStatus, string>> = {
  new: 'Baru',
  awaiting_requirements: 'Menunggu persyaratan',
  in_progress: 'Diproses',
  waiting_requester: 'Menunggu pengguna',
  resolved: 'Selesai',
  rated: 'Dinilai',
};

/** `manual` is a walk-in visit or a telephone call entered by an officer. */
export const CHANNEL_ID: Readonly<Record<Channel, string>> = { telegram: 'Telegram', email: 'Email', whatsapp: 'WhatsApp', manual: 'Langsung/telepon' };

export const COMPLAINT_SOURCE_ID: Readonly<Record<ComplaintSource, string>> = {
  kotak_saran: 'Kotak saran',
  formulir_online: 'Formulir daring',
  telepon: 'Telepon',
  langsung: 'Langsung',
  telegram: 'Telegram',
  email: 'Email',
};

export const COMPLAINT_STATUS_ID: Readonly<Record<ComplaintStatus, string>> = { open: 'Baru', in_progress: 'Ditangani', resolved: 'Selesai' };

/**
 * The institution as a person reads it, for rows stored before the individual flag or typed by
 * hand: an answer that means "on my own" ("-", "perorangan", …, see intake-answers.ts) and an empty
 * one (a walk-in entry leaves it empty for the same reason) both read "Perorangan".
 */
export function institutionLabel(raw: string | null | undefined): string {
  const text = raw?.trim() ?? '';
  return text === '' || isIndividualAnswer(text) ? INDIVIDUAL_LABEL : text;
}
