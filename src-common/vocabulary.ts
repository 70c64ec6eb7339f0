import type { Channel, ComplaintSource, ComplaintStatus, ConversationStatus } from '../src-preload/contract';

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
export const CHANNEL_ID: Readonly<Record<Channel, string>> = { telegram: 'Telegram', email: 'Email', manual: 'Langsung/telepon' };

export const COMPLAINT_SOURCE_ID: Readonly<Record<ComplaintSource, string>> = {
  kotak_saran: 'Kotak saran',
  formulir_online: 'Formulir daring',
  telepon: 'Telepon',
  langsung: 'Langsung',
  telegram: 'Telegram',
  email: 'Email',
};

export const COMPLAINT_STATUS_ID: Readonly<Record<ComplaintStatus, string>> = { open: 'Baru', in_progress: 'Ditangani', resolved: 'Selesai' };

/** A requester who belongs to no institution. */
export const INDIVIDUAL_ID = 'Perorangan';

/**
 * The institution as a person reads it: the intake asks requesters to type "-" when they come on
 * their own, and a walk-in entry leaves it empty for the same reason; both mean "Perorangan".
 */
export function institutionLabel(raw: string | null | undefined): string {
  const text = raw?.trim() ?? '';
  return text === '' || /^[-–—.]+$/.test(text) ? INDIVIDUAL_ID : text;
}
