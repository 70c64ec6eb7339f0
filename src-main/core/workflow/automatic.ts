import type { Channel } from '../../../src-preload/contract';
import { describeServiceHours } from '../calendar';
import type { OutgoingPayload } from '../domain/connector';
import { enqueueOutgoing } from '../outbox/outbox';
import type { CoreServices } from '../services';
import { serviceCalendar } from '../calendar/cache';
import { describeMissing, missingFor } from './requirements';
import { readWorkflowSettings } from './settings';
import { formatWita, renderTemplate, systemTemplateBody, type Placeholders } from './templates';

/**
 * A message that has waited more than one working day of service time (7.5 h open) gets no
 * automatic answer: by then officers were in and the message is theirs to answer, and a first sync
 * of an old mailbox must not send acknowledgements for mail the office already handled. Counted in
 * service time, so mail that arrived at the start of a long holiday is still acknowledged.
 */
export const autoAnswerMaxAge = (core: CoreServices): number => serviceCalendar(core.db).standardDayMs;

/**
 * Enqueues a message the console writes by itself. The inbox keeps showing the requester's last
 * message as preview and order: an acknowledgement must not make a fresh request look answered.
 */
export function enqueueAutomatic(core: CoreServices, conversationId: number, channel: Channel, payload: OutgoingPayload): number {
  const before = core.db.prepare('SELECT last_message_preview AS preview, last_message_at AS at FROM conversations WHERE id = ?').get(conversationId) as {
    preview: string;
    at: number;
  };
  const messageId = enqueueOutgoing(core, { conversationId, channel, officerId: null, payload });
  core.db.prepare('UPDATE conversations SET last_message_preview = ?, last_message_at = ? WHERE id = ?').run(before.preview, before.at, conversationId);
  // No push event here: ingest emits after its commit; the outbox worker emits when it is sent.
  core.kickOutbox();
  return messageId;
}

interface ConversationFacts {
  id: number;
  ticket: string;
  channel: Channel;
  name: string | null;
  summary: string | null;
  topic: string | null;
  due: number | null;
}

function factsOf(core: CoreServices, conversationId: number): ConversationFacts {
  return core.db
    .prepare(
      `SELECT c.id, c.ticket, c.channel, r.name, c.summary, c.topic, c.sla_due_at AS due
         FROM conversations c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?`,
    )
    .get(conversationId) as ConversationFacts;
}

/** The placeholder values of one conversation, as of now. */
export function placeholdersFor(core: CoreServices, conversationId: number, officerName?: string): Placeholders {
  const calendar = serviceCalendar(core.db);
  const facts = factsOf(core, conversationId);
  const days = readWorkflowSettings(core.db).slaWorkingDays;
  return {
    nama: facts.name?.trim() || 'Bapak/Ibu',
    tiket: facts.ticket,
    jam_layanan: describeServiceHours(calendar.hours),
    kekurangan: describeMissing(missingFor(core.db, conversationId)),
    hari_kerja: String(days),
    batas_waktu: facts.due !== null ? formatWita(facts.due) : `${days} hari kerja sejak persyaratan lengkap`,
    buka_kembali: formatWita(calendar.nextOpening(core.now())),
    ringkasan: facts.summary ?? '-',
    topik: facts.topic ?? '-',
    kantor: 'PST BPS Kabupaten Buleleng',
    ...(officerName ? { petugas: officerName } : {}),
  };
}

export interface InboundFacts {
  conversationId: number;
  channel: Channel;
  messageId: number;
  externalId: string;
  receivedAt: number;
  automated: boolean;
}

const tooOld = (core: CoreServices, m: InboundFacts) => serviceCalendar(core.db).workingTimeBetween(m.receivedAt, core.now()) > autoAnswerMaxAge(core);

/**
 * The acknowledgement of a new conversation: ticket, hours, free of charge, the N-working-day
 * promise and the missing requirements. Out of hours, the out-of-hours paragraph comes first in
 * the SAME message, and the closed period counts as answered (no second auto-reply in it).
 * Never for automated mail or a record-only channel (walk-in, WhatsApp), never twice (ack_sent_at).
 */
export function sendAcknowledgement(core: CoreServices, m: InboundFacts): number | null {
  if (m.automated || RECORD_ONLY.has(m.channel) || tooOld(core, m)) return null;
  const claimed = core.db.prepare('UPDATE conversations SET ack_sent_at = ? WHERE id = ? AND ack_sent_at IS NULL').run(core.now(), m.conversationId).changes;
  if (claimed === 0) return null;
  // A chat channel's intake dialogue asks each missing requirement right after: listing them here too doubles the first contact.
  const values = { ...placeholdersFor(core, m.conversationId), ...(ASKS_REQUIREMENTS_NEXT.has(m.channel) ? { kekurangan: '' } : {}) };
  // The ticket is always acknowledged; "we are closed" only when no officer is answering this requester right now.
  const closed = closedPeriod(core, m.receivedAt);
  const period = closed !== null && !officerAnswering(core, m.conversationId, closed) ? closed : null;
  const parts = [
    period ? renderTemplate(systemTemplateBody(core.db, 'out_of_hours'), values) : null,
    renderTemplate(systemTemplateBody(core.db, 'ack'), values),
  ].filter((p): p is string => p !== null);
  if (period) core.db.prepare('UPDATE conversations SET auto_reply_period = ? WHERE id = ?').run(period, m.conversationId);
  return enqueueAutomatic(core, m.conversationId, m.channel, {
    kind: 'ack',
    text: parts.join('\n\n'),
    ticket: values.tiket,
    outOfHours: period !== null,
    inReplyTo: m.externalId,
  });
}

/** Channels the console keeps on record but never sends on: an officer answers in person, by phone or from the WhatsApp phone. */
const RECORD_ONLY: ReadonlySet<Channel> = new Set(['manual', 'whatsapp']);

/** Channels with an intake dialogue (workflow/intake) that asks the requirements one at a time. */
const ASKS_REQUIREMENTS_NEXT: ReadonlySet<Channel> = new Set(['telegram']);

/** The closed period of a message, if it arrived while closed and the office is still closed now. */
function closedPeriod(core: CoreServices, receivedAt: number): string | null {
  const calendar = serviceCalendar(core.db);
  const key = calendar.closedPeriodKey(receivedAt);
  return key !== null && !calendar.isOpen(core.now()) ? key : null;
}

/** After an officer's reply, this long the requester is in a conversation with a person: no notice says nobody is there. */
export const OFFICER_REPLY_QUIET_MS = 60 * 60_000;

/**
 * An officer is answering this requester out of hours: a reply of theirs (on any of the requester's
 * consultations) in this same closed period, or within the quiet time before now. An out-of-hours
 * notice then would contradict the person the requester is talking to.
 */
function officerAnswering(core: CoreServices, conversationId: number, period: string): boolean {
  const last = core.db
    .prepare(
      `SELECT max(m.created_at) AS at FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE c.requester_id = (SELECT requester_id FROM conversations WHERE id = ?)
          AND m.direction = 'outgoing' AND m.author_officer_id IS NOT NULL`,
    )
    .get(conversationId) as { at: number | null };
  if (last.at === null) return false;
  return core.now() - last.at <= OFFICER_REPLY_QUIET_MS || serviceCalendar(core.db).closedPeriodKey(last.at) === period;
}

/** The out-of-hours reply to a message on an existing conversation: once per closed period, never while an officer is answering. */
export function sendOutOfHoursReply(core: CoreServices, m: InboundFacts): number | null {
  if (m.automated || RECORD_ONLY.has(m.channel) || tooOld(core, m)) return null;
  const period = closedPeriod(core, m.receivedAt);
  if (!period || officerAnswering(core, m.conversationId, period)) return null;
  const claimed = core.db
    .prepare("UPDATE conversations SET auto_reply_period = ? WHERE id = ? AND coalesce(auto_reply_period, '') <> ?")
    .run(period, m.conversationId, period).changes;
  if (claimed === 0) return null;
  const values = placeholdersFor(core, m.conversationId);
  return enqueueAutomatic(core, m.conversationId, m.channel, {
    kind: 'auto_reply',
    outOfHours: true,
    text: renderTemplate(systemTemplateBody(core.db, 'out_of_hours'), values),
    ticket: values.tiket,
    inReplyTo: m.externalId,
  });
}
