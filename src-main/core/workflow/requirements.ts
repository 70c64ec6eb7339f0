import { z } from 'zod';
import { INDIVIDUAL_LABEL, isIndividualAnswer } from '../../../src-common/intake-answers';
import { normalizeWhatsapp } from '../../../src-common/whatsapp';
import type { RequesterFieldsInput, RequirementName } from '../../../src-preload/contract';
import { missingRequirements, type RequirementFacts } from '../domain/requirements';
import { invalidInput } from '../errors';
import type { Db } from '../store/db';

export const REQUIREMENT_LABELS: Record<RequirementName, string> = {
  name: 'Nama lengkap',
  institution: 'Asal instansi/universitas',
  email: 'Alamat email aktif',
  whatsapp: 'Nomor WhatsApp',
  occupation: 'Pekerjaan',
  need: 'Keperluan dan data yang dibutuhkan',
};

const emailSchema = z.email();

/** Validates and normalizes requester fields; empty strings clear a field. */
export function cleanRequesterFields(input: RequesterFieldsInput): RequesterFieldsInput {
  const out: RequesterFieldsInput = {};
  for (const [key, raw] of Object.entries(input) as [keyof RequesterFieldsInput, string | null | undefined][]) {
    if (raw === undefined) continue;
    const value = raw === null ? null : raw.trim() || null;
    if (value !== null && key === 'email') {
      if (!emailSchema.safeParse(value).success) throw invalidInput({ code: 'requesters.email_invalid', params: { value } });
      out.email = value.toLowerCase();
    } else if (value !== null && key === 'whatsapp') {
      const normalized = normalizeWhatsapp(value);
      if (!normalized) throw invalidInput({ code: 'requesters.whatsapp_invalid', params: { value } });
      out.whatsapp = normalized;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * "-", "perorangan" or "pribadi" as the institution means the requester asks for themself: stored as
 * no institution with the individual flag, which satisfies the requirement and reads "Perorangan".
 */
export function writeRequesterFields(db: Db, requesterId: number, fields: RequesterFieldsInput, now: number): void {
  const keys = Object.keys(fields) as (keyof RequesterFieldsInput)[];
  if (keys.length === 0) return;
  const values: Record<string, unknown> = { ...fields, now, id: requesterId };
  const sets = keys.map((k) => `${k} = @${k}`);
  if (fields.institution !== undefined) {
    const individual = fields.institution !== null && isIndividualAnswer(fields.institution);
    if (individual) values.institution = null;
    values.individual = individual ? 1 : 0;
    sets.push('individual = @individual');
  }
  db.prepare(`UPDATE requesters SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run(values);
}

/** The institution as people read it: "Perorangan" for an individual (SQL, for a requesters row `r`). */
export const INSTITUTION_SQL = `CASE WHEN r.individual = 1 THEN '${INDIVIDUAL_LABEL}' ELSE r.institution END`;

export function requirementFacts(db: Db, conversationId: number): RequirementFacts {
  return db
    .prepare(
      `SELECT r.name, ${INSTITUTION_SQL} AS institution, r.email, r.whatsapp, r.occupation, c.need
         FROM conversations c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?`,
    )
    .get(conversationId) as RequirementFacts;
}

export const missingFor = (db: Db, conversationId: number): RequirementName[] => missingRequirements(requirementFacts(db, conversationId));

/** The {kekurangan} text of the acknowledgement. */
export function describeMissing(missing: readonly RequirementName[]): string {
  if (missing.length === 0) return 'Persyaratan Anda sudah lengkap; permintaan segera kami proses.';
  return ['Agar permintaan dapat kami proses, mohon lengkapi:', ...missing.map((m) => `- ${REQUIREMENT_LABELS[m]}`)].join('\n');
}
