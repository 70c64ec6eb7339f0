import type { Channel, ComplaintSource, ComplaintStatus, ConversationStatus, ReportPeriod } from '../../../src-preload/contract';
import type { PausedSpan, ServiceCalendar } from '../calendar';
import { INSTITUTION_SQL } from '../workflow/requirements';
import type { Db } from '../store/db';
import { institutionLabel } from '../../../src-common/vocabulary';

/**
 * Reads what a report needs in a few set-based queries and derives, per consultation, the
 * working-time facts of the definitions in model.ts. All working time goes through the
 * ServiceCalendar; pause spans come from sla_pauses (closed spans) and sla_paused_since (the
 * span still open: waiting for the requester, or since the closure).
 *
 * Every function here takes the period as the report sees it: `to` is already the earlier of the
 * period's end and the moment of the export (model.ts), so nothing is counted as of a future instant.
 * Rows are read with .raw().iterate(): arrays, one at a time, are several times cheaper than an
 * array of objects when a year holds tens of thousands of consultations.
 */

export interface ConsultationRow {
  id: number;
  ticket: string;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  need: string | null;
  topic: string | null;
  summary: string | null;
  requesterKey: number;
  requesterName: string | null;
  /** As read: "-" and empty are "Perorangan" (src-common/vocabulary.ts). */
  institution: string;
  occupation: string | null;
  email: string | null;
  whatsapp: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: number;
  requirementsCompleteAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  reopenedCount: number;
  targetDays: number;
  // ---- derived (see model.ts for the definitions)
  isNew: boolean;
  isResolved: boolean;
  openAtEnd: boolean;
  overdueAtEnd: boolean;
  /** Due instant as of the end of the period (or of the resolution), null without a clock. */
  dueAt: number | null;
  firstResponseMs: number | null;
  requirementsMs: number | null;
  /** Clock time used: open time from the clock's start to the resolution, minus paused open time. */
  resolutionMs: number | null;
  pausedMs: number | null;
  withinTarget: boolean | null;
  /** Closures up to the end: 1 for a consultation closed once, more when it was reopened and closed again. */
  closures: number;
  /** Score and feedback of the latest closure rated. */
  score: number | null;
  feedback: string | null;
  /** Every closure's score in order ("3; 5"), when more than one closure was rated. */
  allScores: string | null;
}

/** The columns of CONSULTATIONS_SQL, in order (read with .raw(): arrays are several times cheaper than objects). */
type RawRow = [
  id: number,
  ticket: string,
  channel: Channel,
  status: ConversationStatus,
  subject: string | null,
  need: string | null,
  topic: string | null,
  summary: string | null,
  requesterKey: number,
  requesterName: string | null,
  institution: string | null,
  occupation: string | null,
  email: string | null,
  whatsapp: string | null,
  assigneeId: number | null,
  assigneeName: string | null,
  createdAt: number,
  requirementsCompleteAt: number | null,
  firstResponseAt: number | null,
  resolvedAt: number | null,
  reopenedCount: number,
  targetDays: number | null,
  pausedSince: number | null,
];

// Consultations the report is about: created in the period, resolved in it, or still open at its
// end. Automated mail (auto-replies, newsletters) is not a consultation.
export const CONSULTATIONS_SQL = `
  SELECT c.id, c.ticket, c.channel, c.status, c.subject, c.need, c.topic, c.summary,
         coalesce(r.merged_into, r.id) AS requesterKey, r.name AS requesterName, ${INSTITUTION_SQL} AS institution, r.occupation, r.email, r.whatsapp,
         c.assignee_id AS assigneeId, o.display_name AS assigneeName, c.created_at AS createdAt,
         c.requirements_complete_at AS requirementsCompleteAt, c.first_response_at AS firstResponseAt, c.resolved_at AS resolvedAt,
         c.reopened_count AS reopenedCount, c.sla_target_days AS targetDays, c.sla_paused_since AS pausedSince
    FROM conversations c
    JOIN requesters r ON r.id = c.requester_id
    LEFT JOIN officers o ON o.id = c.assignee_id
   WHERE c.automated = 0 AND c.created_at < @to
     AND (c.created_at >= @from OR c.resolved_at IS NULL OR c.resolved_at >= @from)
   ORDER BY c.created_at, c.id`;

function pausesByConversation(db: Db, to: number): Map<number, PausedSpan[]> {
  const rows = db.prepare('SELECT conversation_id AS id, from_at AS "from", to_at AS "to" FROM sla_pauses WHERE from_at < ?').raw().all(to) as [
    number,
    number,
    number,
  ][];
  const map = new Map<number, PausedSpan[]>();
  for (const [id, from, until] of rows) {
    const list = map.get(id);
    if (list) list.push({ from, to: until });
    else map.set(id, [{ from, to: until }]);
  }
  return map;
}

interface RatingSummary {
  score: number | null;
  feedback: string | null;
  scores: (number | null)[];
}

/** Each conversation's ratings up to `to`, closure by closure (one pass: cheaper than a correlated join). */
function ratingsByConversation(db: Db, to: number): Map<number, RatingSummary> {
  const map = new Map<number, RatingSummary>();
  const rows = db.prepare('SELECT conversation_id, score, feedback FROM ratings WHERE created_at < ? ORDER BY conversation_id, closure').raw().iterate(to);
  for (const [id, score, feedback] of rows as IterableIterator<[number, number | null, string | null]>) {
    const found = map.get(id);
    if (found) {
      found.scores.push(score);
      found.score = score;
      found.feedback = feedback;
    } else map.set(id, { score, feedback, scores: [score] });
  }
  return map;
}

/**
 * Closures of reopened consultations, for figures as of a past instant: a reopen clears resolved_at,
 * but each closure left its rating request (created at the closing instant) and the pause that
 * closure started (sla_pauses, from the closing instant to the reopen). The conversation's closures
 * before `to`, in order, each with the instant it was reopened (null: still closed).
 */
function closuresOfReopened(db: Db, conversationId: number, to: number): { at: number; reopenedAt: number | null }[] {
  const rows = db
    .prepare(
      `SELECT q.created_at, (SELECT min(p.to_at) FROM sla_pauses p WHERE p.conversation_id = q.conversation_id AND p.from_at = q.created_at)
         FROM rating_requests q WHERE q.conversation_id = ? AND q.created_at < ? ORDER BY q.closure`,
    )
    .raw()
    .all(conversationId, to) as [number, number | null][];
  return rows.map(([at, reopenedAt]) => ({ at, reopenedAt }));
}

/** The spans before `limit`, clipped to it, sorted, overlaps merged; the open span counts up to `limit`. */
function spansUntil(stored: readonly PausedSpan[] | undefined, pausedSince: number | null, limit: number): PausedSpan[] {
  const spans: PausedSpan[] = [];
  for (const s of stored ?? []) if (s.from < limit && s.to > s.from) spans.push({ from: s.from, to: Math.min(s.to, limit) });
  if (pausedSince !== null && pausedSince < limit) spans.push({ from: pausedSince, to: limit });
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.from - b.from);
  const merged: PausedSpan[] = [spans[0]!];
  for (const s of spans.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/** Whether the clock stood still at instant `at` (waiting for the requester, or a closure not yet reopened). */
function pausedAt(stored: readonly PausedSpan[] | undefined, pausedSince: number | null, at: number): boolean {
  if (pausedSince !== null && pausedSince < at) return true;
  return (stored ?? []).some((s) => s.from < at && s.to >= at);
}

/**
 * The status as the report's instant saw it: a closure, a reopening or a rating after the period's
 * end has not happened yet, so today's status is not the period's. Derived from the same as-of
 * facts as every figure. Before its requirements were complete a consultation is "Menunggu
 * persyaratan" unless it is still "Baru" today (whether it was taken up by then is not recorded).
 */
function statusAt(current: ConversationStatus, at: { openAtEnd: boolean; start: number | null; rated: boolean; paused: boolean }): ConversationStatus {
  if (!at.openAtEnd) return at.rated ? 'rated' : 'resolved';
  if (at.start === null) return current === 'new' ? 'new' : 'awaiting_requirements';
  return at.paused ? 'waiting_requester' : 'in_progress';
}

const pausedWorkingMs = (calendar: ServiceCalendar, spans: readonly PausedSpan[], from: number) =>
  spans.reduce((sum, s) => sum + calendar.workingTimeBetween(Math.max(s.from, from), s.to), 0);

export function collectConsultations(
  db: Db,
  calendar: ServiceCalendar,
  period: ReportPeriod,
  defaultTargetDays: number,
  reportTargetDays: number,
): ConsultationRow[] {
  const { from, to } = period;
  const pauses = pausesByConversation(db, to);
  const ratings = ratingsByConversation(db, to);
  const targetMs = calendar.workingDaysTarget(reportTargetDays);
  const rows: ConsultationRow[] = [];
  for (const raw of db.prepare(CONSULTATIONS_SQL).raw().iterate({ from, to }) as IterableIterator<RawRow>) {
    const [id, ticket, channel, status, subject, need, topic, summary, requesterKey, requesterName, institution, occupation, email, whatsapp] = raw;
    const [
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      ,
      assigneeId,
      assigneeName,
      createdAt,
      startAt,
      firstResponseStored,
      resolvedStored,
      reopenedCount,
      targetDays,
      pausedSince,
    ] = raw;
    // What happened after the end has not happened yet, as the report sees it.
    const start = startAt !== null && startAt < to ? startAt : null;
    const firstResponseAt = firstResponseStored !== null && firstResponseStored < to ? firstResponseStored : null;
    let resolvedAt = resolvedStored !== null && resolvedStored < to ? resolvedStored : null;
    let closures = reopenedCount + (resolvedAt === null ? 0 : 1);
    // Few consultations are ever reopened: their history is read one by one, only for them.
    const history = reopenedCount > 0 && resolvedAt === null ? closuresOfReopened(db, id, to) : undefined;
    if (history) {
      // Closed at `to` when its latest closure before `to` was not reopened before `to`.
      const latest = history[history.length - 1];
      closures = history.length;
      resolvedAt = latest && (latest.reopenedAt === null || latest.reopenedAt >= to) ? latest.at : null;
    }
    const rating = ratings.get(id);
    const isNew = createdAt >= from;
    const isResolved = resolvedAt !== null && resolvedAt >= from && resolvedAt < to;
    const openAtEnd = resolvedAt === null || resolvedAt >= to;
    const target = targetDays ?? defaultTargetDays;
    // The clock as of the period's end while open then, else as of the resolution.
    const limit = resolvedAt === null || openAtEnd ? to : resolvedAt;
    let dueAt: number | null = null;
    let resolutionMs: number | null = null;
    let pausedMs: number | null = null;
    let withinTarget: boolean | null = null;
    if (start !== null && start < limit) {
      const spans = spansUntil(pauses.get(id), pausedSince, limit);
      dueAt = calendar.dueAt(start, target, spans);
      pausedMs = pausedWorkingMs(calendar, spans, start);
      if (!openAtEnd) {
        resolutionMs = calendar.workingTimeBetween(start, limit) - pausedMs;
        withinTarget = resolutionMs <= targetMs;
      }
    } else if (start !== null && !openAtEnd) {
      resolutionMs = 0; // complete and closed at the same instant
      pausedMs = 0;
      withinTarget = true;
    }
    rows.push({
      id,
      ticket,
      channel,
      status: statusAt(status, {
        openAtEnd,
        start,
        rated: rating !== undefined && rating.scores.length >= closures,
        paused: pausedAt(pauses.get(id), pausedSince, to),
      }),
      subject,
      need,
      topic,
      summary,
      requesterKey,
      requesterName,
      institution: institutionLabel(institution),
      occupation,
      email,
      whatsapp,
      assigneeId,
      assigneeName,
      createdAt,
      requirementsCompleteAt: start,
      firstResponseAt,
      resolvedAt,
      reopenedCount,
      targetDays: target,
      isNew,
      isResolved,
      openAtEnd,
      overdueAtEnd: openAtEnd && dueAt !== null && dueAt < to,
      dueAt,
      firstResponseMs: firstResponseAt === null ? null : calendar.workingTimeBetween(createdAt, firstResponseAt),
      requirementsMs: start === null ? null : calendar.workingTimeBetween(createdAt, start),
      resolutionMs,
      pausedMs,
      withinTarget,
      closures,
      score: rating?.score ?? null,
      feedback: rating?.feedback ?? null,
      allScores: rating && rating.scores.length > 1 ? rating.scores.map((x) => (x === null ? '–' : String(x))).join('; ') : null,
    });
  }
  return rows;
}

export interface RatingRow {
  ticket: string;
  channel: Channel;
  closure: number;
  score: number | null;
  feedback: string | null;
  skm: (number | null)[];
  source: Channel;
  createdAt: number;
  requesterName: string | null;
  assigneeName: string | null;
}

/**
 * Ratings received in the period (ratings.created_at in [from, to)). The ticket, channel and names
 * come from the consultation rows already read; a rating of a consultation outside them (closed
 * before the period, rated in it) is looked up by id. Cheaper than joining three tables for every
 * rating of a year.
 */
export function collectRatings(db: Db, period: ReportPeriod, consultations: readonly ConsultationRow[]): RatingRow[] {
  const byId = new Map<number, ConsultationRow>();
  for (const c of consultations) byId.set(c.id, c);
  const lookup = db.prepare(
    `SELECT c.ticket, c.channel, r.name, o.display_name FROM conversations c JOIN requesters r ON r.id = c.requester_id
       LEFT JOIN officers o ON o.id = c.assignee_id WHERE c.id = ? AND c.automated = 0`,
  );
  const others = new Map<number, [string, Channel, string | null, string | null] | null>();
  const rows = db
    .prepare(
      `SELECT conversation_id, closure, score, feedback, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, created_at
         FROM ratings WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id`,
    )
    .raw()
    .iterate(period.from, period.to) as IterableIterator<unknown[]>;
  const out: RatingRow[] = [];
  for (const r of rows) {
    const id = r[0] as number;
    const known = byId.get(id);
    let about: [string, Channel, string | null, string | null] | null;
    if (known) about = [known.ticket, known.channel, known.requesterName, known.assigneeName];
    else {
      if (!others.has(id)) others.set(id, (lookup.raw().get(id) as [string, Channel, string | null, string | null] | undefined) ?? null);
      about = others.get(id)!;
    }
    if (about === null) continue; // automated mail is never a consultation
    out.push({
      ticket: about[0],
      channel: about[1],
      closure: r[1] as number,
      score: r[2] as number | null,
      feedback: r[3] as string | null,
      skm: r.slice(4, 13) as (number | null)[],
      source: r[13] as Channel,
      createdAt: r[14] as number,
      requesterName: about[2],
      assigneeName: about[3],
    });
  }
  return out;
}

export interface ComplaintRow {
  id: number;
  source: ComplaintSource;
  status: ComplaintStatus;
  text: string;
  contactName: string | null;
  contact: string | null;
  response: string | null;
  officerName: string | null;
  receivedAt: number;
  resolvedAt: number | null;
}

/** Complaints received in the period, resolved in it, or still open at its end. */
export function collectComplaints(db: Db, period: ReportPeriod): ComplaintRow[] {
  return db
    .prepare(
      `SELECT k.id, k.source, k.status, k.text, k.contact_name AS contactName, k.contact, k.response, o.display_name AS officerName,
              k.received_at AS receivedAt, k.resolved_at AS resolvedAt
         FROM complaints k LEFT JOIN officers o ON o.id = k.officer_id
        WHERE k.received_at < @to AND (k.received_at >= @from OR k.resolved_at IS NULL OR k.resolved_at >= @from)
        ORDER BY k.received_at, k.id`,
    )
    .all({ from: period.from, to: period.to }) as ComplaintRow[];
}

/**
 * Rating requests (one per closure) made in the period, and how many of them got a score by its
 * end. CROSS JOIN keeps SQLite reading the requests first: reading every conversation through an
 * index to reach its requests cost several times more.
 */
export function ratingRequestCounts(db: Db, period: ReportPeriod): { requested: number; answered: number } {
  return db
    .prepare(
      `SELECT count(*) AS requested, count(g.score) AS answered
         FROM rating_requests q CROSS JOIN conversations c ON c.id = q.conversation_id
         LEFT JOIN ratings g ON g.rating_request_id = q.id AND g.created_at < @to
        WHERE q.created_at >= @from AND q.created_at < @to AND c.automated = 0`,
    )
    .get({ from: period.from, to: period.to }) as { requested: number; answered: number };
}

/** Outgoing replies written by each officer in the period. */
export function repliesByOfficer(db: Db, period: ReportPeriod): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT author_officer_id, count(*) FROM messages
        WHERE direction = 'outgoing' AND author_officer_id IS NOT NULL AND created_at >= ? AND created_at < ? GROUP BY author_officer_id`,
    )
    .raw()
    .all(period.from, period.to) as [number, number][];
  return new Map(rows);
}

export const listOfficers = (db: Db): { id: number; name: string; disabled: number }[] =>
  db.prepare("SELECT id, display_name AS name, disabled FROM officers WHERE role IN ('officer', 'supervisor', 'admin') ORDER BY display_name").all() as {
    id: number;
    name: string;
    disabled: number;
  }[];
