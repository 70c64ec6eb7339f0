import type { ReportModel, ReportPeriod, ReportPeriodInput, ReportTrendPoint } from '../../../src-preload/contract';
import type { ServiceCalendar } from '../calendar';
import { computeIkm, type IkmResponse } from '../domain/ikm';
import type { Db } from '../store/db';
import { readWorkflowSettings } from '../workflow/settings';
import {
  collectComplaints,
  collectConsultations,
  collectRatings,
  listOfficers,
  ratingRequestCounts,
  repliesByOfficer,
  type ComplaintRow,
  type ConsultationRow,
  type RatingRow,
} from './collect';
import {
  CHANNEL_LABELS,
  CHANNELS,
  COMPLAINT_SOURCE_LABELS,
  MONTHS_ID,
  NOT_FILLED,
  OFFICE_NAME,
  REPORT_TITLE,
  UNASSIGNED,
  UNIT_NAME,
  formatInstantLongId,
  shortDayLabel,
} from './labels';
import { readReportIdentity, readReportLogo } from './identity';
import { reuseOf } from './reuse';
import { datesOf, isoWeekOf, resolvePeriod } from './period';
import { Counter, durationStats, share } from './stats';

/*
 * Definitions (the report's note repeats them). Period = [from, to): local midnight (WITA) of its
 * first day to local midnight after its last. "Working time" = open service hours of the
 * ServiceCalendar (hours per weekday, no weekends/holidays/cuti bersama). Automated mail is never
 * a consultation.
 *
 * - Konsultasi dalam periode (rows of the Konsultasi sheet): created in the period, OR resolved in
 *   it, OR still open at its end (created before `to`, not resolved before `to`).
 * - Baru (new): created_at in the period. Per channel and per day by created_at.
 * - Selesai (resolved): resolved_at in the period (a consultation reopened later has no resolved_at
 *   and counts as open).
 * - Masih terbuka (open at end): created before `to` and resolved_at empty or ≥ `to`.
 * - Terlambat (overdue at end): open at end, SLA clock started before `to`, and its due instant
 *   (ServiceCalendar.dueAt from requirements_complete_at, the consultation's own target, pauses up
 *   to `to`) is before `to`. The list shows each one with the working time past due at `to`.
 * - Waktu tanggapan pertama: working time from created_at to first_response_at (first officer
 *   reply), for consultations created in the period that have one; the rest are "belum dibalas".
 * - Waktu pemenuhan persyaratan: working time from created_at to requirements_complete_at, for
 *   consultations whose requirements became complete in the period.
 * - Waktu penyelesaian: working time from requirements_complete_at to resolved_at minus the working
 *   time of pause spans (waiting for the requester), for consultations resolved in the period with a
 *   started clock. "Selesai ≤ N hari kerja": that time ≤ N × a standard day (N = slaWorkingDays).
 * - Penilaian: scores received in the period (ratings.created_at); tingkat respons = rating
 *   requests made in the period (one per closure) that have a score by the time of the report.
 * - IKM: SKM answers received in the period, per PermenPANRB 14/2017 (domain/ikm.ts).
 * - Dijawab dengan tautan data resmi BPS: resolved in the period, with a link to BPS's own site
 *   (bps.go.id) in a reply sent before the period's end.
 * - Pengguna layanan: distinct requesters of consultations created in the period, by occupation
 *   and by institution. Topik: consultations resolved in the period, by the topic set at closure.
 * - Pengaduan: received (received_at in the period), handled (resolved_at in the period), open at end.
 * - Beban kerja petugas: by the current assignee: new assigned, resolved, open and overdue at end,
 *   median waktu penyelesaian; balasan = outgoing messages the officer wrote in the period.
 * - Jawaban memakai jawaban sebelumnya: consultations resolved in the period in which a reply taken
 *   from a similar earlier answer ("Pakai sebagai draf") was sent; of those, edited before sending.
 * - Median = middle value (mean of the two middle values); p90 = nearest rank (ceil(0.9 n)-th value).
 */

export interface ReportOptions {
  /** N of "resolved within N working days"; default the workflow setting (3). */
  slaWorkingDays?: number;
  /** Comments kept in the model (the xlsx has all of them). */
  maxComments?: number;
  now: number;
  /** The name of the officer exporting: the maker's signature when Pengaturan › Laporan names none. */
  maker?: string;
}

/** Everything a report is made from: the model (what the preview shows) and the rows of the xlsx. */
export interface ReportData {
  model: ReportModel;
  consultations: ConsultationRow[];
  ratings: RatingRow[];
  complaints: ComplaintRow[];
}

const isResolved = (p: ReportPeriodInput | ReportPeriod): p is ReportPeriod => 'days' in p;

export function collectReport(db: Db, calendar: ServiceCalendar, periodInput: ReportPeriodInput | ReportPeriod, options: ReportOptions): ReportData {
  const full = isResolved(periodInput) ? periodInput : resolvePeriod(periodInput, calendar.timeZone);
  // Every figure is as of the earlier of the period's end and now: a month still running must not
  // count its remaining days (a deadline on the 9th is not late on the 4th). `period` below is the
  // span seen so far; `full` keeps the calendar of the whole period for the chart and the title.
  const asOf = Math.min(full.to, options.now);
  // Half-open like every period: what happened at the export's own instant has happened.
  const period: ReportPeriod = { ...full, to: asOf < full.to ? asOf + 1 : full.to };
  const settings = readWorkflowSettings(db);
  const n = options.slaWorkingDays ?? settings.slaWorkingDays;
  const rows = collectConsultations(db, calendar, period, settings.slaWorkingDays, n);
  const ratings = collectRatings(db, period, rows);
  const complaints = collectComplaints(db, period);
  const identity = readReportIdentity(db);
  if (!identity.makerName && options.maker) identity.makerName = options.maker;
  const running = asOf < full.to;

  const created = rows.filter((r) => r.isNew);
  const resolved = rows.filter((r) => r.isResolved);
  const open = rows.filter((r) => r.openAtEnd);
  const overdue = open.filter((r) => r.overdueAtEnd);
  const withClock = resolved.filter((r) => r.resolutionMs !== null);
  const requirementsDone = rows.filter(
    (r) => r.requirementsCompleteAt !== null && r.requirementsCompleteAt >= period.from && r.requirementsCompleteAt < period.to,
  );
  const withinTarget = withClock.filter((r) => r.withinTarget).length;

  const model: ReportModel = {
    office: OFFICE_NAME,
    unit: UNIT_NAME,
    title: REPORT_TITLE,
    period: full,
    generatedAt: options.now,
    asOf,
    running,
    periodTitle: running ? `${full.label}, sampai dengan ${formatInstantLongId(asOf)} WITA` : full.label,
    identity,
    logoDataUrl: readReportLogo(db),
    slaWorkingDays: n,
    standardDayMs: calendar.standardDayMs,
    summary: {
      consultations: rows.length,
      newCount: created.length,
      resolvedCount: resolved.length,
      openAtEnd: open.length,
      overdueAtEnd: overdue.length,
      requirementsCompleted: requirementsDone.length,
      resolvedWithClock: withClock.length,
      resolvedWithinTarget: withinTarget,
      withinTargetShare: share(withinTarget, withClock.length),
      awaitingFirstResponse: created.filter((r) => r.firstResponseAt === null).length,
      answeredWithOfficialLink: countWithOfficialLink(db, resolved, period.to),
      ...reuseOf(
        db,
        resolved.map((r) => r.id),
      ),
    },
    byChannel: CHANNELS.map((channel) => ({
      channel,
      label: CHANNEL_LABELS[channel],
      newCount: created.filter((r) => r.channel === channel).length,
      resolvedCount: resolved.filter((r) => r.channel === channel).length,
      openAtEnd: open.filter((r) => r.channel === channel).length,
      // The same working-day figures as the whole office's, per channel (WhatsApp and walk-ins included).
      firstResponseMedianMs: durationStats(created.flatMap((r) => (r.channel === channel && r.firstResponseMs !== null ? [r.firstResponseMs] : []))).medianMs,
      resolutionMedianMs: durationStats(withClock.flatMap((r) => (r.channel === channel ? [r.resolutionMs!] : []))).medianMs,
    })),
    trend: trendOf(calendar, full, created, resolved),
    times: {
      firstResponse: durationStats(created.flatMap((r) => (r.firstResponseMs === null ? [] : [r.firstResponseMs]))),
      requirements: durationStats(requirementsDone.map((r) => r.requirementsMs!)),
      resolution: durationStats(withClock.map((r) => r.resolutionMs!)),
    },
    ratings: ratingsOf(db, period, ratings, options.maxComments ?? 200),
    ikm: ikmOf(ratings),
    requesters: requestersOf(created),
    topics: topicsOf(resolved, settings.topics),
    complaints: complaintsOf(complaints, period),
    officers: officersOf(db, period, rows),
    overdue: overdue
      .map((r) => ({
        conversationId: r.id,
        ticket: r.ticket,
        channel: r.channel,
        status: r.status,
        requesterName: r.requesterName,
        institution: r.institution,
        assigneeName: r.assigneeName,
        dueAt: r.dueAt!,
        workingMsLate: calendar.workingTimeBetween(r.dueAt!, asOf),
      }))
      .sort((a, b) => a.dueAt - b.dueAt || a.ticket.localeCompare(b.ticket)),
  };
  return { model, consultations: rows, ratings, complaints };
}

/** Resolved consultations with an official BPS link sent before the end of the period. */
function countWithOfficialLink(db: Db, resolved: ConsultationRow[], to: number): number {
  if (resolved.length === 0) return 0;
  const linked = new Set(
    (db.prepare('SELECT DISTINCT conversation_id AS id FROM bps_links_sent WHERE sent_at < ?').all(to) as { id: number }[]).map((r) => r.id),
  );
  return resolved.filter((r) => linked.has(r.id)).length;
}

/** The report model (Laporan Pelayanan Konsultasi Statistik Online). */
export function buildReportModel(db: Db, calendar: ServiceCalendar, period: ReportPeriodInput | ReportPeriod, options: ReportOptions): ReportModel {
  return collectReport(db, calendar, period, options).model;
}

/** Days for up to a month, ISO weeks up to half a year, months beyond. */
function trendOf(calendar: ServiceCalendar, period: ReportPeriod, created: ConsultationRow[], resolved: ConsultationRow[]): ReportModel['trend'] {
  const unit = period.days <= 31 ? 'day' : period.days <= 186 ? 'week' : 'month';
  const points = new Map<string, ReportTrendPoint>();
  const keyOf = (date: string) => (unit === 'day' ? date : unit === 'week' ? isoWeekOf(date) : date.slice(0, 7));
  for (const date of datesOf(period)) {
    const key = keyOf(date);
    if (points.has(key)) continue;
    const label =
      // A month's 28–31 days get the day of the month only, which fits under every bar; the weekend
      // and holiday shading tells the weeks apart.
      unit === 'day'
        ? period.days > 14
          ? String(Number(date.slice(8)))
          : shortDayLabel(date)
        : unit === 'week'
          ? `M${key.slice(6)}`
          : `${MONTHS_ID[Number(key.slice(5)) - 1]!.slice(0, 3)} ${key.slice(2, 4)}`;
    points.set(key, { key, label, newCount: 0, resolvedCount: 0, working: unit !== 'day' || calendar.isWorkingDay(date) });
  }
  for (const r of created) points.get(keyOf(calendar.dateOf(r.createdAt)))!.newCount++;
  for (const r of resolved) points.get(keyOf(calendar.dateOf(r.resolvedAt!)))!.resolvedCount++;
  return { unit, points: [...points.values()] };
}

function ratingsOf(db: Db, period: ReportPeriod, ratings: RatingRow[], maxComments: number): ReportModel['ratings'] {
  const scored = ratings.filter((r) => r.score !== null);
  const { requested, answered } = ratingRequestCounts(db, period);
  const comments = ratings.filter((r) => r.feedback && r.feedback.trim() !== '');
  return {
    requested,
    answered,
    responseRate: share(answered, requested),
    count: scored.length,
    meanScore: scored.length ? scored.reduce((s, r) => s + r.score!, 0) / scored.length : null,
    distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: scored.filter((r) => r.score === score).length })),
    comments: comments.slice(0, maxComments).map((r) => ({ ticket: r.ticket, score: r.score, feedback: r.feedback!.trim(), at: r.createdAt })),
    commentsTotal: comments.length,
  };
}

function ikmOf(ratings: RatingRow[]): ReportModel['ikm'] {
  const responses = ratings.filter((r) => r.skm.some((a) => a !== null)).map((r) => r.skm as IkmResponse);
  const result = computeIkm(responses);
  return {
    respondents: result.respondents,
    unsur: result.unsur.map((u) => ({ code: u.code, name: u.name, respondents: u.respondents, nrr: u.nrr })),
    ikm: result.ikm,
    converted: result.convertedRounded,
    grade: result.category?.grade ?? null,
    label: result.category?.label ?? null,
    range: result.category?.range ?? null,
  };
}

function requestersOf(created: ConsultationRow[]): ReportModel['requesters'] {
  // Spellings are tallied first (one map operation a person); the Counter then sees each distinct
  // spelling once, with its count, instead of tens of thousands of single additions.
  const seen = new Set<number>();
  const occupations = new Map<string, number>();
  const institutions = new Map<string, number>();
  for (const r of created) {
    if (seen.has(r.requesterKey)) continue;
    seen.add(r.requesterKey);
    const occupation = r.occupation?.trim() || NOT_FILLED;
    occupations.set(occupation, (occupations.get(occupation) ?? 0) + 1);
    institutions.set(r.institution, (institutions.get(r.institution) ?? 0) + 1);
  }
  const byOccupation = new Counter();
  for (const [occupation, count] of occupations) byOccupation.add(occupation, occupation, count);
  const byInstitution = new Counter();
  // Indonesian has no special case mappings: plain lower-casing is the locale's, and far cheaper.
  for (const [institution, count] of institutions) byInstitution.add(institution.toLowerCase(), institution, count);
  return { distinct: seen.size, byOccupation: byOccupation.sorted(), byInstitution: byInstitution.top(10, (k) => `Lainnya (${k} instansi)`) };
}

function topicsOf(resolved: ConsultationRow[], topics: readonly string[]): ReportModel['topics'] {
  const tally = new Map<string, number>();
  for (const r of resolved) {
    const topic = r.topic?.trim() || NOT_FILLED;
    tally.set(topic, (tally.get(topic) ?? 0) + 1);
  }
  const counter = new Counter();
  for (const [topic, count] of tally) counter.add(topic, topic, count);
  return counter.ordered(topics).filter((c, i) => c.count > 0 || i < topics.length);
}

function complaintsOf(rows: ComplaintRow[], period: ReportPeriod): ReportModel['complaints'] {
  const received = rows.filter((c) => c.receivedAt >= period.from);
  const bySource = new Counter();
  for (const c of received) bySource.add(c.source, COMPLAINT_SOURCE_LABELS[c.source]);
  return {
    received: received.length,
    resolved: rows.filter((c) => c.resolvedAt !== null && c.resolvedAt >= period.from && c.resolvedAt < period.to).length,
    openAtEnd: rows.filter((c) => c.resolvedAt === null || c.resolvedAt >= period.to).length,
    bySource: bySource.ordered(Object.keys(COMPLAINT_SOURCE_LABELS), (k) => COMPLAINT_SOURCE_LABELS[k as keyof typeof COMPLAINT_SOURCE_LABELS]),
  };
}

function officersOf(db: Db, period: ReportPeriod, rows: ConsultationRow[]): ReportModel['officers'] {
  const replies = repliesByOfficer(db, period);
  const byOfficer = new Map<number | null, ConsultationRow[]>();
  for (const r of rows) {
    const list = byOfficer.get(r.assigneeId);
    if (list) list.push(r);
    else byOfficer.set(r.assigneeId, [r]);
  }
  const entries = listOfficers(db).map((o) => ({ officerId: o.id as number | null, name: o.name, disabled: o.disabled === 1 }));
  entries.push({ officerId: null, name: UNASSIGNED, disabled: false });
  return entries
    .map(({ officerId, name }) => {
      const mine = byOfficer.get(officerId) ?? [];
      const resolved = mine.filter((r) => r.isResolved);
      return {
        officerId,
        name,
        newAssigned: mine.filter((r) => r.isNew).length,
        resolved: resolved.length,
        openAtEnd: mine.filter((r) => r.openAtEnd).length,
        overdueAtEnd: mine.filter((r) => r.overdueAtEnd).length,
        repliesSent: officerId === null ? 0 : (replies.get(officerId) ?? 0),
        resolutionMedianMs: durationStats(resolved.flatMap((r) => (r.resolutionMs === null ? [] : [r.resolutionMs]))).medianMs,
      };
    })
    .filter((o) => o.newAssigned + o.resolved + o.openAtEnd + o.repliesSent > 0);
}
