import type { ConversationDetail, ConversationStatus, ConversationSummary, InboxFilter, InboxSort } from '../../../src-preload/contract';
import { ratingsOf } from './ratings';
import { serviceCalendar } from '../calendar/cache';
import { WORKFLOW_COLUMNS, withWorkflow, type WorkflowRawColumns } from './view';
import { INSTITUTION_SQL } from './requirements';
import type { Db } from '../store/db';
import { walkInReplyChannels } from './walk-in-reply';

/** Statuses in which a consultation is still being worked on. */
export const OPEN_STATUSES: readonly ConversationStatus[] = ['new', 'awaiting_requirements', 'in_progress', 'waiting_requester'];

const SUMMARY_COLUMNS = `
  c.id, c.ticket, c.channel, c.status, c.subject, c.requester_id AS requesterId,
  -- Until the requester gives a name (the Telegram intake asks), the name their channel shows.
  coalesce(r.name, (SELECT ci.display_name FROM channel_identities ci WHERE ci.id = c.channel_identity_id)) AS requesterName, ${INSTITUTION_SQL} AS institution, c.last_message_preview AS lastMessagePreview,
  c.last_message_at AS lastMessageAt, c.unread_count AS unreadCount, c.assignee_id AS assigneeId,
  o.display_name AS assigneeName, c.sla_due_at AS slaDueAt, c.created_at AS createdAt,
  ${WORKFLOW_COLUMNS}`;

const FROM = `FROM conversations c JOIN requesters r ON r.id = c.requester_id LEFT JOIN officers o ON o.id = c.assignee_id`;

export interface InboxQuery {
  filter: InboxFilter;
  sort: InboxSort;
  offset: number;
  limit: number;
  officerId: number;
  now: number;
}

/** WHERE clause and its parameters for an inbox filter; automated mail never shows in the inbox. */
function where(q: InboxQuery): { sql: string; params: (string | number)[] } {
  const parts = ['c.automated = 0'];
  const params: (string | number)[] = [];
  const statuses = q.filter.status?.length ? q.filter.status : null;
  if (statuses) {
    parts.push(`c.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  if (q.filter.channel) {
    parts.push('c.channel = ?');
    params.push(q.filter.channel);
  }
  if (q.filter.mine) {
    parts.push('c.assignee_id = ?');
    params.push(q.officerId);
  }
  if (q.filter.overdue) {
    parts.push(`c.inbox_due <= ? AND c.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`);
    params.push(q.now, ...OPEN_STATUSES);
  }
  return { sql: parts.join(' AND '), params };
}

const ORDER: Record<InboxSort, string> = {
  due: 'c.inbox_due, c.id',
  activity: 'c.last_message_at DESC, c.id DESC',
};

export const conversationQueries = (db: Db) => {
  /** A filter by status alone is answered from the trigger-kept counts; anything else counts rows. */
  const total = (q: InboxQuery, w: { sql: string; params: (string | number)[] }): number => {
    const onlyStatus = !q.filter.channel && !q.filter.mine && !q.filter.overdue;
    if (onlyStatus) {
      const statuses = q.filter.status?.length ? q.filter.status : null;
      const sql = statuses
        ? `SELECT coalesce(sum(n), 0) AS n FROM inbox_counts WHERE status IN (${statuses.map(() => '?').join(', ')})`
        : 'SELECT coalesce(sum(n), 0) AS n FROM inbox_counts';
      return (db.prepare(sql).get(...(statuses ?? [])) as { n: number }).n;
    }
    return (db.prepare(`SELECT count(*) AS n FROM conversations c WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  };

  return {
    page(q: InboxQuery): { items: ConversationSummary[]; total: number } {
      const w = where(q);
      // The offset is walked in the inbox index alone (ids only); the joins run for the 50 rows shown.
      const rows = db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM (SELECT c.id FROM conversations c WHERE ${w.sql} ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?) page
             JOIN conversations c ON c.id = page.id
             JOIN requesters r ON r.id = c.requester_id LEFT JOIN officers o ON o.id = c.assignee_id
            ORDER BY ${ORDER[q.sort]}`,
        )
        .all(...w.params, q.limit, q.offset) as WorkflowRawColumns[];
      const items = withWorkflow(db, rows, q.now) as unknown as ConversationSummary[];
      return { items, total: total(q, w) };
    },

    unreadConversations(): number {
      return (db.prepare('SELECT count(*) AS n FROM conversations WHERE unread_count > 0 AND automated = 0').get() as { n: number }).n;
    },

    /** `now` places the SLA state (the core's clock). */
    detail(id: number, now: number = Date.now()): ConversationDetail | null {
      const row = db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS}, c.need, c.topic, c.summary, c.requirements_complete_at AS requirementsCompleteAt,
                  c.first_response_at AS firstResponseAt, c.resolved_at AS resolvedAt,
                  c.sla_paused_ms AS slaPausedWorkingMs,
                  r.name AS ownName, r.occupation, r.email, r.whatsapp, r.telegram_username AS telegramUsername, r.unreachable
             ${FROM} WHERE c.id = ?`,
        )
        .get(id) as
        | (WorkflowRawColumns &
            ConversationDetail & {
              ownName: string | null;
              occupation: string | null;
              email: string | null;
              whatsapp: string | null;
              telegramUsername: string | null;
              unreachable: number;
            })
        | undefined;
      if (!row) return null;
      const [derived] = withWorkflow(db, [row], now);
      const { ownName, occupation, email, whatsapp, telegramUsername, unreachable, ...rest } = derived as unknown as typeof row;
      const firstResponseWorkingMs = row.firstResponseAt === null ? null : serviceCalendar(db).workingTimeBetween(row.createdAt, row.firstResponseAt);
      return {
        ...rest,
        slaTargetDays: row.wfTargetDays,
        firstResponseWorkingMs,
        ratings: ratingsOf(db, id),
        walkInReplyChannels: walkInReplyChannels(db, id).channels,
        requester: {
          id: row.requesterId,
          // The field as the requester or an officer gave it: a channel's display name (an agency's
          // account name, say) is only the inbox label, never the person's name by default.
          name: ownName,
          institution: row.institution,
          occupation,
          email,
          whatsapp,
          telegramUsername,
          unreachable: unreachable === 1,
        },
      };
    },

    markRead(id: number): boolean {
      return db.prepare('UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count > 0').run(id).changes > 0;
    },

    exists(id: number): boolean {
      return db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
    },
  };
};
