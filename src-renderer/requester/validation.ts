import type { RequesterFieldsInput } from '../../src-preload/contract';

/** The occupation categories the Telegram intake offers; the core stores the text. */
export const OCCUPATIONS = ['Pelajar/Mahasiswa', 'Peneliti/Dosen', 'ASN/TNI/Polri', 'Pegawai BUMN/BUMD', 'Pegawai Swasta', 'Wiraswasta', 'Lainnya'] as const;

/** 08…, 628…, +62… with spaces, dots, dashes or brackets → +628…; null if it is no Indonesian mobile number. Same rule as the core. */
function normalizeWhatsapp(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  const national = /^\+?62(8\d{7,12})$/.exec(compact)?.[1] ?? /^0(8\d{7,12})$/.exec(compact)?.[1];
  return national ? `+62${national}` : null;
}

/** The click-to-chat link for a stored +62… number. */
export const whatsappLink = (e164: string): string => `https://wa.me/${e164.replace(/\D/g, '')}`;

// Close to the WHATWG rule the core's zod check follows; the core still decides.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface RequesterForm {
  name: string;
  institution: string;
  occupation: string;
  email: string;
  whatsapp: string;
  need: string;
}

export type FormErrors = Partial<Record<keyof RequesterForm, 'email' | 'whatsapp'>>;

/** Checks the fields that have a format; empty fields are allowed (they stay "missing"). */
export function validateRequester(form: RequesterForm): FormErrors {
  const errors: FormErrors = {};
  if (form.email.trim() && !EMAIL.test(form.email.trim())) errors.email = 'email';
  if (form.whatsapp.trim() && !normalizeWhatsapp(form.whatsapp)) errors.whatsapp = 'whatsapp';
  return errors;
}

/** The changed fields only, as conversations.updateRequirements takes them (empty = clear). */
export function changedFields(before: RequesterForm, after: RequesterForm): { requester?: RequesterFieldsInput; need?: string | null } {
  const requester: RequesterFieldsInput = {};
  for (const key of ['name', 'institution', 'occupation', 'email', 'whatsapp'] as const) {
    const value = after[key].trim();
    if (value !== before[key].trim()) requester[key] = key === 'whatsapp' && value ? normalizeWhatsapp(value) : value || null;
  }
  const out: { requester?: RequesterFieldsInput; need?: string | null } = {};
  if (Object.keys(requester).length > 0) out.requester = requester;
  if (after.need.trim() !== before.need.trim()) out.need = after.need.trim() || null;
  return out;
}
