import { notFound } from '../errors';
import type { CoreServices } from '../services';
import { witaText } from '../calendar/wita-text';

/**
 * Everything the console holds about one requester (UU PDP Pasal 7: the right to access), as one
 * JSON document: identity, channel addresses, every consultation with its messages (private notes
 * too: they are about the requester), attachment names and hashes, ratings and complaints. Records
 * merged into this requester are included. System activity lines are left out.
 */
export function exportRequester(core: CoreServices, requesterId: number): { fileName: string; json: string } {
  const db = core.db;
  const requester = db.prepare('SELECT * FROM requesters WHERE id = ?').get(requesterId) as Record<string, unknown> | undefined;
  if (!requester) throw notFound({ code: 'requesters.not_found' });
  const ids = [requesterId, ...(db.prepare('SELECT id FROM requesters WHERE merged_into = ?').pluck().all(requesterId) as number[])];
  const marks = ids.map(() => '?').join(', ');
  const conversations = db
    .prepare(
      `SELECT id, ticket, channel, status, subject, need, topic, summary, created_at AS createdAt, resolved_at AS resolvedAt
         FROM conversations WHERE requester_id IN (${marks}) ORDER BY created_at`,
    )
    .all(...ids) as ({ id: number } & Record<string, unknown>)[];
  const messages = db.prepare(
    `SELECT id, direction, channel, body_text AS text, created_at AS createdAt, delivery FROM messages
      WHERE conversation_id = ? AND direction <> 'activity' ORDER BY id`,
  );
  const attachments = db.prepare('SELECT file_name AS fileName, mime_type AS mimeType, size, sha256 FROM attachments WHERE message_id = ? ORDER BY id');
  const ratings = db.prepare(
    'SELECT closure, score, feedback, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, created_at AS createdAt FROM ratings WHERE conversation_id = ? ORDER BY closure',
  );
  const at = core.now();
  const document = {
    format: 'pst-console-requester-export',
    exportedAt: new Date(at).toISOString(),
    exportedAtWita: witaText(at),
    office: 'PST BPS Kabupaten Buleleng',
    requester,
    mergedRecords: db.prepare(`SELECT * FROM requesters WHERE merged_into = ?`).all(requesterId),
    channelIdentities: db
      .prepare(
        `SELECT channel, source_id AS address, display_name AS displayName, created_at AS createdAt FROM channel_identities WHERE requester_id IN (${marks})`,
      )
      .all(...ids),
    conversations: conversations.map((c) => ({
      ...c,
      messages: (messages.all(c.id) as { id: number }[]).map((m) => ({ ...m, attachments: attachments.all(m.id) })),
      ratings: ratings.all(c.id),
    })),
    complaints: db
      .prepare(
        `SELECT source, text, contact_name AS contactName, contact, status, response, received_at AS receivedAt, resolved_at AS resolvedAt
           FROM complaints WHERE requester_id IN (${marks}) ORDER BY received_at`,
      )
      .all(...ids),
  };
  const day = witaText(at).slice(0, 10).replaceAll('-', '');
  return { fileName: `data-pengguna-layanan-${requesterId}-${day}.json`, json: JSON.stringify(document, null, 2) };
}
