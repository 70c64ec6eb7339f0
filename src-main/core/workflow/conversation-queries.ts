import type {
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  InboxCounts,
  InboxFilter,
  InboxQueue,
  InboxSort,
} from '../../../src-preload/contract';
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

const OPEN_SQL = `c.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** WITA is UTC+8 all year: the end of the office's day without a time-zone lookup per row. */
const WITA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
export const endOfWitaDay = (at: number): number => Math.floor((at + WITA_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - WITA_OFFSET_MS;

/**
 * Each view of the work queue as one predicate over open consultations; `?now` and `?dayEnd` and
 * `?me` are bound by name. The list and the count chips both use these, so they cannot drift.
 * inbox_due is the SLA due while open (far future without a clock), kept by triggers and indexed.
 */
const QUEUE_SQL: Record<InboxQueue, string> = {
  todo: OPEN_SQL,
  new: `c.status = 'new'`,
  unread: `${OPEN_SQL} AND c.unread_count > 0`,
  overdue: `${OPEN_SQL} AND c.inbox_due <= @now`,
  due_today: `${OPEN_SQL} AND c.inbox_due > @now AND c.inbox_due < @dayEnd`,
  waiting: `c.status = 'waiting_requester'`,
  mine: `${OPEN_SQL} AND c.assignee_id = @me`,
  unassigned: `${OPEN_SQL} AND c.assignee_id IS NULL`,
};
const QUEUES = Object.keys(QUEUE_SQL) as InboxQueue[];

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
  if (q.filter.queue) {
    // Positional parameters throughout: the named ones of QUEUE_SQL are bound in order here.
    const named = { now: q.now, dayEnd: endOfWitaDay(q.now), me: q.officerId };
    parts.push(QUEUE_SQL[q.filter.queue].replace(/@(now|dayEnd|me)/g, (_, name: keyof typeof named) => (params.push(named[name]), '?')));
  }
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
  // What nobody has taken up yet comes first, then what is due soonest. Not "unread first": reading
  // would then move the row the officer is on (j/k would skip it), and unread rows stand out anyway.
  // Equally due (new consultations have no due yet): the request that came first, first.
  queue: "c.status = 'new' DESC, c.inbox_due, c.arrived_at, c.id",
  due: 'c.inbox_due, c.arrived_at, c.id',
  activity: 'c.last_message_at DESC, c.id DESC',
};

export const conversationQueries = (db: Db) => {
  /** A filter by status alone is answered from the trigger-kept counts; anything else counts rows. */
  const total = (q: InboxQuery, w: { sql: string; params: (string | number)[] }): number => {
    const onlyStatus = !q.filter.queue && !q.filter.channel && !q.filter.mine && !q.filter.overdue;
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

    /** The chips of the work queue, all from one pass over the open consultations. */
    counts(officerId: number, now: number): InboxCounts {
      const sums = QUEUES.map((queue) => `coalesce(sum(${QUEUE_SQL[queue]}), 0) AS ${queue}`).join(', ');
      return db
        .prepare(`SELECT ${sums} FROM conversations c WHERE c.automated = 0 AND ${OPEN_SQL}`)
        .get({ now, dayEnd: endOfWitaDay(now), me: officerId }) as InboxCounts;
    },

    /** The "Belum dibaca" chip's predicate, for the badge and the window title. */
    unreadConversations(): number {
      return (db.prepare(`SELECT count(*) AS n FROM conversations c WHERE c.automated = 0 AND ${QUEUE_SQL.unread}`).get() as { n: number }).n;
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
