import type { RequesterFieldsInput } from '../../src-preload/contract';
import { normalizeWhatsapp } from '../../src-common/whatsapp';

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
