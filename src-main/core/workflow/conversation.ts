import type { Channel, ConversationStatus } from '../../../src-preload/contract';
import { notFound } from '../errors';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import { writeActivity } from './activity';
import { assertTransition, STATUS_LABELS } from './status';

export interface WorkflowRow {
  id: number;
  ticket: string;
  channel: Channel;
  status: ConversationStatus;
  requester_id: number;
  assignee_id: number | null;
  automated: number;
  reopened_count: number;
  resolved_at: number | null;
  requirements_complete_at: number | null;
}

export function loadConversation(db: Db, id: number): WorkflowRow {
  const row = db
    .prepare(
      `SELECT id, ticket, channel, status, requester_id, assignee_id, automated, reopened_count, resolved_at, requirements_complete_at
         FROM conversations WHERE id = ?`,
    )
    .get(id) as WorkflowRow | undefined;
  if (!row) throw notFound({ code: 'conversations.not_found' });
  return row;
}

/** Who did it, for timeline lines: an officer, or the console itself (null). */
export interface Actor {
  officerId: number | null;
  name: string | null;
}
export const SYSTEM_ACTOR: Actor = { officerId: null, name: null };

/**
 * The only place a status changes (besides ingest's reopen/resume of DESIGN §2): checks the
 * transition table, writes the status and a timeline line, and tells the inbox.
 */
export function changeStatus(core: CoreServices, row: WorkflowRow, to: ConversationStatus, actor: Actor, note?: string): void {
  assertTransition(row.status, to);
  const now = core.now();
  core.db.prepare('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?').run(to, now, row.id);
  const who = actor.name ? ` oleh ${actor.name}` : '';
  writeActivity(
    core.db,
    row.id,
    `Status diubah dari "${STATUS_LABELS[row.status]}" menjadi "${STATUS_LABELS[to]}"${who}${note ? `: ${note}` : ''}`,
    {
      event: 'status',
      from: row.status,
      to,
      officerId: actor.officerId,
    },
    now,
  );
  row.status = to;
  core.events.emit('inbox.changed', { conversationIds: [row.id] });
}
