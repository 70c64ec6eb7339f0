import { z } from 'zod';
import type { ComplaintSource, ComplaintView } from '../../../src-preload/contract';
import { conflict, invalidInput, notFound } from '../errors';
import type { Db } from '../store/db';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { id, limit, text } from './schemas';

const source = z.enum(['kotak_saran', 'formulir_online', 'telepon', 'telegram', 'email', 'langsung']);
const status = z.enum(['open', 'in_progress', 'resolved']);

const COLUMNS = `k.id, k.source, k.text, k.contact_name AS contactName, k.contact, k.requester_id AS requesterId, k.message_id AS messageId,
  k.status, k.response, k.officer_id AS officerId, o.display_name AS officerName, k.received_at AS receivedAt,
  k.resolved_at AS resolvedAt, k.created_at AS createdAt`;
const FROM = 'FROM complaints k LEFT JOIN officers o ON o.id = k.officer_id';

const complaintById = (db: Db, complaintId: number): ComplaintView => {
  const row = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE k.id = ?`).get(complaintId) as ComplaintView | undefined;
  if (!row) throw notFound({ code: 'complaints.not_found' });
  return row;
};

interface PromotedMessage {
  text: string;
  channel: 'telegram' | 'email' | 'manual';
  direction: string;
  requesterId: number;
  name: string | null;
  email: string | null;
  whatsapp: string | null;
  telegramUsername: string | null;
  createdAt: number;
}

/** Pengaduan (DESIGN §1): logged by officers from the suggestion box, the online form, the phone, or a channel message. */
export const complaintHandlers = {
  'complaints.list': query<'complaints.list'>({
    access: 'officer',
    input: z.strictObject({
      status: status.optional(),
      source: source.optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: limit(500, 50).optional(),
    }),
    run: (input, { core }) => {
      const conditions: [string, string | number | undefined][] = [
        ['k.status = ?', input.status],
        ['k.source = ?', input.source],
        ['k.received_at >= ?', input.from],
        ['k.received_at < ?', input.to],
      ];
      const used = conditions.filter(([, value]) => value !== undefined);
      const where = ['1 = 1', ...used.map(([sql]) => sql)].join(' AND ');
      const params = used.map(([, value]) => value!);
      const items = core.db
        .prepare(`SELECT ${COLUMNS} ${FROM} WHERE ${where} ORDER BY k.received_at DESC, k.id DESC LIMIT ? OFFSET ?`)
        .all(...params, input.limit ?? 50, input.offset ?? 0) as ComplaintView[];
      const total = (core.db.prepare(`SELECT count(*) AS n FROM complaints k WHERE ${where}`).get(...params) as { n: number }).n;
      return { items, total };
    },
  }),

  'complaints.create': mutation<'complaints.create'>({
    access: 'officer',
    input: z.strictObject({
      source: source.optional(),
      text: text(10_000).optional(),
      contactName: text(200).optional(),
      contact: text(200).optional(),
      receivedAt: z.number().int().positive().optional(),
      messageId: id.optional(),
    }),
    run: (input, { core, officer }) => {
      const now = core.now();
      let values: { source: ComplaintSource; text: string; contactName: string | null; contact: string | null; requesterId: number | null; receivedAt: number };
      if (input.messageId !== undefined) {
        const m = core.db
          .prepare(
            `SELECT m.body_text AS text, m.channel, m.direction, c.requester_id AS requesterId, r.name, r.email, r.whatsapp,
                    r.telegram_username AS telegramUsername, m.created_at AS createdAt
               FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN requesters r ON r.id = c.requester_id WHERE m.id = ?`,
          )
          .get(input.messageId) as PromotedMessage | undefined;
        if (!m) throw notFound({ code: 'messages.not_found' });
        if (m.direction !== 'incoming') throw conflict({ code: 'complaints.only_incoming' });
        if (core.db.prepare('SELECT 1 FROM complaints WHERE message_id = ?').get(input.messageId)) throw conflict({ code: 'complaints.already_recorded' });
        const channelSource: ComplaintSource = m.channel === 'telegram' ? 'telegram' : m.channel === 'email' ? 'email' : 'langsung';
        values = {
          source: input.source ?? channelSource,
          text: input.text ?? m.text,
          contactName: input.contactName ?? m.name,
          contact: input.contact ?? m.email ?? m.whatsapp ?? (m.telegramUsername ? `@${m.telegramUsername}` : null),
          requesterId: m.requesterId,
          receivedAt: input.receivedAt ?? m.createdAt,
        };
      } else {
        if (!input.source || !input.text) throw invalidInput({ code: 'complaints.source_text_required' });
        values = {
          source: input.source,
          text: input.text,
          contactName: input.contactName ?? null,
          contact: input.contact ?? null,
          requesterId: null,
          receivedAt: input.receivedAt ?? now,
        };
      }
      if (values.receivedAt > now + 60_000) throw invalidInput({ code: 'complaints.received_in_future' });
      const complaintId = Number(
        core.db
          .prepare(
            `INSERT INTO complaints (source, text, contact_name, contact, requester_id, message_id, status, officer_id, received_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
          )
          .run(values.source, values.text, values.contactName, values.contact, values.requesterId, input.messageId ?? null, officer!.id, values.receivedAt, now)
          .lastInsertRowid,
      );
      if (input.messageId !== undefined) {
        // The message now says it was logged, so nobody logs it twice.
        const conversationId = core.db.prepare('SELECT conversation_id FROM messages WHERE id = ?').pluck().get(input.messageId) as number;
        core.events.emit('message.changed', { conversationId, messageId: input.messageId });
      }
      return complaintById(core.db, complaintId);
    },
    audit: (input, out) => ({ entityType: 'complaint', entityId: out.id, detail: { source: out.source, messageId: input.messageId ?? null } }),
  }),

  'complaints.update': mutation<'complaints.update'>({
    access: 'officer',
    input: z.strictObject({
      id,
      status: status.optional(),
      response: z.string().trim().max(10_000).nullable().optional(),
      officerId: id.nullable().optional(),
    }),
    run: (input, { core }) => {
      const current = complaintById(core.db, input.id);
      if (input.officerId != null && !core.db.prepare('SELECT 1 FROM officers WHERE id = ?').get(input.officerId))
        throw invalidInput({ code: 'officers.not_found' });
      const next = {
        status: input.status ?? current.status,
        response: input.response === undefined ? current.response : input.response || null,
        officerId: input.officerId === undefined ? current.officerId : input.officerId,
      };
      if (next.status === 'resolved' && !next.response) throw invalidInput({ code: 'complaints.response_required' });
      const resolvedAt = next.status === 'resolved' ? (current.resolvedAt ?? core.now()) : null;
      core.db
        .prepare('UPDATE complaints SET status = ?, response = ?, officer_id = ?, resolved_at = ? WHERE id = ?')
        .run(next.status, next.response, next.officerId, resolvedAt, input.id);
      return complaintById(core.db, input.id);
    },
    audit: (input) => ({
      entityType: 'complaint',
      entityId: input.id,
      detail: { status: input.status, officerId: input.officerId, responseChanged: input.response !== undefined },
    }),
  }),
} satisfies HandlerMap;
