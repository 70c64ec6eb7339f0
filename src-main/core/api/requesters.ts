import { z } from 'zod';
import type { ConversationSummary, RequesterView } from '../../../src-preload/contract';
import { conflict, notFound } from '../errors';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import { withWorkflow, WORKFLOW_COLUMNS, type WorkflowRawColumns } from '../workflow/view';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { id } from './schemas';

interface RequesterRow {
  id: number;
  name: string | null;
  institution: string | null;
  occupation: string | null;
  email: string | null;
  whatsapp: string | null;
  telegram_user_id: string | null;
  telegram_username: string | null;
  unreachable: number;
  merged_into: number | null;
}

const FIELDS = ['name', 'institution', 'occupation', 'email', 'whatsapp', 'telegram_user_id', 'telegram_username'] as const;

function load(db: Db, requesterId: number): RequesterRow {
  const row = db.prepare('SELECT * FROM requesters WHERE id = ?').get(requesterId) as RequesterRow | undefined;
  if (!row) throw notFound('Pengguna layanan');
  return row;
}

const toView = (r: RequesterRow): RequesterView => ({
  id: r.id,
  name: r.name,
  institution: r.institution,
  occupation: r.occupation,
  email: r.email,
  whatsapp: r.whatsapp,
  telegramUsername: r.telegram_username,
  unreachable: r.unreachable === 1,
});

function conversationsOf(core: CoreServices, requesterId: number): ConversationSummary[] {
  const rows = core.db
    .prepare(
      `SELECT c.id, c.ticket, c.channel, c.status, c.subject, c.requester_id AS requesterId, r.name AS requesterName, r.institution,
              c.last_message_preview AS lastMessagePreview, c.last_message_at AS lastMessageAt, c.unread_count AS unreadCount,
              c.assignee_id AS assigneeId, o.display_name AS assigneeName, c.sla_due_at AS slaDueAt, c.created_at AS createdAt, ${WORKFLOW_COLUMNS}
         FROM conversations c JOIN requesters r ON r.id = c.requester_id LEFT JOIN officers o ON o.id = c.assignee_id
        WHERE c.requester_id = ? AND c.automated = 0 ORDER BY c.created_at DESC LIMIT 200`,
    )
    .all(requesterId) as WorkflowRawColumns[];
  return withWorkflow(core.db, rows, core.now()) as unknown as ConversationSummary[];
}

export const requesterHandlers = {
  'requesters.get': query<'requesters.get'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core }) => toView(load(core.db, input.id)),
  }),

  /** Every consultation of one person, on every channel, newest first. */
  'requesters.conversations': query<'requesters.conversations'>({
    access: 'officer',
    input: z.strictObject({ requesterId: id }),
    run: (input, { core }) => {
      load(core.db, input.requesterId);
      return conversationsOf(core, input.requesterId);
    },
  }),

  /**
   * One person who wrote on two channels (or from two addresses) becomes one requester: the other's
   * channel identities, consultations and complaints move over, empty fields are filled from it,
   * and it stays behind only as a pointer (merged_into) for the record.
   */
  'requesters.merge': mutation<'requesters.merge'>({
    access: 'officer',
    input: z.strictObject({ keepId: id, mergeId: id }),
    run: (input, { core }) => {
      if (input.keepId === input.mergeId) throw conflict('Tidak dapat menggabungkan pengguna layanan dengan dirinya sendiri');
      const keep = load(core.db, input.keepId);
      const merge = load(core.db, input.mergeId);
      if (keep.merged_into !== null || merge.merged_into !== null) throw conflict('Pengguna layanan ini sudah digabungkan sebelumnya');
      const db = core.db;
      const fills = FIELDS.filter((f) => keep[f] === null && merge[f] !== null);
      if (fills.length > 0) {
        db.prepare(`UPDATE requesters SET ${fills.map((f) => `${f} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...fills.map((f) => merge[f]), core.now(), keep.id);
      }
      db.prepare('UPDATE channel_identities SET requester_id = ? WHERE requester_id = ?').run(keep.id, merge.id);
      const moved = db.prepare('UPDATE conversations SET requester_id = ?, updated_at = ? WHERE requester_id = ?').run(keep.id, core.now(), merge.id).changes;
      db.prepare('UPDATE complaints SET requester_id = ? WHERE requester_id = ?').run(keep.id, merge.id);
      db.prepare('UPDATE requesters SET merged_into = ?, updated_at = ? WHERE id = ?').run(keep.id, core.now(), merge.id);
      const ids = (db.prepare('SELECT id FROM conversations WHERE requester_id = ?').all(keep.id) as { id: number }[]).map((r) => r.id);
      core.events.emit('inbox.changed', { conversationIds: ids });
      return { requester: toView(load(db, keep.id)), movedConversations: moved };
    },
    audit: (input, out) => ({ entityType: 'requester', entityId: input.keepId, detail: { merged: input.mergeId, movedConversations: out.movedConversations } }),
  }),

  /** The bytes of one attachment, for preview and saving (at most 20 MB by the channels' limits). */
  'attachments.get': query<'attachments.get'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core }) => {
      const row = core.db.prepare('SELECT file_name AS fileName, mime_type AS mimeType, size, sha256 FROM attachments WHERE id = ?').get(input.id) as
        | { fileName: string; mimeType: string; size: number; sha256: string }
        | undefined;
      if (!row) throw notFound('Lampiran');
      return { id: input.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, contentBase64: core.attachments.read(row.sha256).toString('base64') };
    },
  }),
} satisfies HandlerMap;
