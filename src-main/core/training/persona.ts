import type { Db } from '../store/db';
import { INSTITUTIONS, type Rng } from '../seed';
import type { IdentityFields } from './texts';

/** A simulated requester as the console knows them, with the blanks filled in plausibly. */
export interface Persona extends IdentityFields {
  conversationId: number;
  channel: 'telegram' | 'email';
  /** Telegram user id or email address: where their messages come from. */
  sourceId: string;
  ticket: string;
  subject: string | null;
}

interface Row {
  channel: string;
  ticket: string;
  subject: string | null;
  need: string | null;
  name: string | null;
  institution: string | null;
  occupation: string | null;
  email: string | null;
  whatsapp: string | null;
  source_id: string;
  display_name: string | null;
  first_text: string | null;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/\s+/)
    .slice(-2)
    .join('.') || 'pengguna';

/** Null when the conversation is not one a simulated person can answer (manual, gone). */
export function personaOf(db: Db, conversationId: number, rng: Rng, known?: Partial<IdentityFields>): Persona | null {
  const row = db
    .prepare(
      `SELECT c.channel, c.ticket, c.subject, c.need, r.name, r.institution, r.occupation, r.email, r.whatsapp, ci.source_id, ci.display_name,
              (SELECT body_text FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'incoming' ORDER BY m.id LIMIT 1) AS first_text
         FROM conversations c JOIN requesters r ON r.id = c.requester_id JOIN channel_identities ci ON ci.id = c.channel_identity_id
        WHERE c.id = ?`,
    )
    .get(conversationId) as Row | undefined;
  if (!row || (row.channel !== 'telegram' && row.channel !== 'email')) return null;
  const name = known?.name ?? row.name ?? row.display_name ?? 'Pengguna Layanan';
  const institution = known?.institution ?? row.institution ?? 'Perorangan';
  const occupation = known?.occupation ?? row.occupation ?? INSTITUTIONS.find((i) => i.name === institution)?.occupation ?? 'Lainnya';
  const email = known?.email ?? row.email ?? (row.channel === 'email' ? row.source_id : `${slug(name)}${rng.int(1, 99)}@gmail.com`);
  const whatsapp = known?.whatsapp ?? row.whatsapp ?? `08${rng.pick(['12', '13', '19', '77', '78', '57'])}${String(rng.int(10_000_000, 99_999_999))}`;
  const need =
    known?.need ??
    row.need ??
    (row.subject ? `${row.subject.replace(/^(re|fwd?):\s*/i, '')}` : (row.first_text ?? 'data statistik yang saya tanyakan').slice(0, 160));
  return {
    conversationId,
    channel: row.channel,
    sourceId: row.source_id,
    ticket: row.ticket,
    subject: row.subject,
    name,
    institution,
    occupation,
    email,
    whatsapp,
    need,
  };
}
