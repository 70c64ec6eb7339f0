import type { AnswerVia, RequesterFieldsInput } from '../../../src-preload/contract';
import { previewOf } from '../domain/preview';
import { nextTicket } from '../domain/ticket';
import { conflict, invalidInput, notFound } from '../errors';
import type { CoreServices } from '../services';
import { loadConversation, type Actor } from './conversation';
import { cleanRequesterFields, writeRequesterFields } from './requirements';
import { assign, checkRequirements, resolve, takeIfUnassigned } from './transitions';

export interface WalkInInput {
  via: AnswerVia;
  /** Someone already known (found with requesters.search), or the fields of a new requester. */
  requesterId?: number;
  requester?: RequesterFieldsInput;
  need: string;
  /** Answered on the spot: what was said or given, and the closing summary and topic. */
  answer?: { text: string; summary: string; topic: string };
}

const SUBJECT: Record<AnswerVia, string> = { langsung: 'Konsultasi langsung', telepon: 'Konsultasi telepon', whatsapp: 'Konsultasi WhatsApp' };

/**
 * A consultation an officer enters for a visitor at the PST desk or a caller on 0362-22145: a
 * conversation on the 'manual' channel with the need as its first message, under the same
 * requirement, status and SLA rules as any other. The officer who enters it handles it.
 */
export function createWalkIn(core: CoreServices, input: WalkInInput, actor: Actor & { officerId: number }): number {
  const db = core.db;
  const now = core.now();
  const fields = cleanRequesterFields(input.requester ?? {});
  let requesterId = input.requesterId;
  // A WhatsApp number is one person's, whichever way they came before: their history stays one.
  if (requesterId === undefined && input.via === 'whatsapp' && fields.whatsapp)
    requesterId = (
      db.prepare('SELECT id FROM requesters WHERE whatsapp = ? AND merged_into IS NULL ORDER BY id LIMIT 1').get(fields.whatsapp) as { id: number } | undefined
    )?.id;
  if (requesterId !== undefined) {
    if (db.prepare('SELECT 1 FROM requesters WHERE id = ? AND merged_into IS NULL').get(requesterId) === undefined)
      throw notFound({ code: 'requesters.not_found' });
  } else {
    requesterId = Number(db.prepare('INSERT INTO requesters (created_at, updated_at) VALUES (?, ?)').run(now, now).lastInsertRowid);
  }
  writeRequesterFields(db, requesterId, fields, now);
  const channel = input.via === 'whatsapp' ? 'whatsapp' : 'manual';
  let identityId: number | null = null;
  if (channel === 'whatsapp') {
    const number = (db.prepare('SELECT whatsapp FROM requesters WHERE id = ?').get(requesterId) as { whatsapp: string | null }).whatsapp;
    if (!number) throw invalidInput({ code: 'whatsapp.number_needed' });
    // The number is this requester's WhatsApp address: a chat export from it later joins them.
    db.prepare('INSERT OR IGNORE INTO channel_identities (requester_id, channel, source_id, created_at) VALUES (?, ?, ?, ?)').run(
      requesterId,
      channel,
      number,
      now,
    );
    identityId =
      (
        db.prepare("SELECT id FROM channel_identities WHERE channel = 'whatsapp' AND source_id = ? AND requester_id = ?").get(number, requesterId) as
          { id: number } | undefined
      )?.id ?? null;
  }

  const ticket = nextTicket(db, now);
  const conversationId = Number(
    db
      .prepare(
        `INSERT INTO conversations (ticket, requester_id, channel_identity_id, channel, status, subject, need, automated, last_message_preview, last_message_at, arrived_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'new', ?, ?, 0, ?, ?, ?, ?, ?)`,
      )
      .run(ticket, requesterId, identityId, channel, SUBJECT[input.via], input.need, previewOf(input.need), now, now, now, now).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO messages (conversation_id, direction, channel, external_id, body_text, meta, created_at)
     VALUES (?, 'incoming', ?, ?, ?, ?, ?)`,
  ).run(conversationId, channel, `${channel}:${ticket}`, input.need, JSON.stringify({ walkIn: input.via, recordedBy: actor.officerId }), now);

  const row = loadConversation(db, conversationId);
  assign(core, row, actor.officerId, actor);
  checkRequirements(core, row, actor);
  if (input.answer) {
    recordAnswer(core, conversationId, input.answer.text, input.via, actor);
    resolve(core, conversationId, { summary: input.answer.summary, topic: input.answer.topic }, actor);
  }
  core.events.emit('inbox.changed', { conversationIds: [conversationId] });
  return conversationId;
}

/**
 * An answer given in person, by phone, or sent from the office's WhatsApp, on the record: an
 * outgoing message that was delivered there and then (the console sends nothing), which counts as
 * the first response like any reply. A WhatsApp answer belongs to a WhatsApp consultation.
 */
export function recordAnswer(core: CoreServices, conversationId: number, text: string, via: AnswerVia, actor: Actor & { officerId: number }): number {
  const db = core.db;
  const now = core.now();
  const row = loadConversation(db, conversationId);
  if (row.status === 'resolved' || row.status === 'rated') throw conflict({ code: 'conversations.already_resolved' });
  if (via === 'whatsapp' && row.channel !== 'whatsapp') throw conflict({ code: 'messages.answer_channel_mismatch' });
  const messageId = Number(
    db
      .prepare(
        `INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, delivery, meta, created_at)
         VALUES (?, 'outgoing', ?, ?, ?, 'sent', ?, ?)`,
      )
      .run(conversationId, row.channel, text, actor.officerId, JSON.stringify({ kind: 'reply', answeredVia: via }), now).lastInsertRowid,
  );
  db.prepare(
    `UPDATE conversations SET last_message_at = max(last_message_at, ?), last_message_preview = ?, updated_at = ?,
            first_response_at = coalesce(first_response_at, ?) WHERE id = ?`,
  ).run(now, previewOf(text), now, now, conversationId);
  takeIfUnassigned(core, row, actor);
  core.events.emit('message.changed', { conversationId, messageId });
  return messageId;
}
