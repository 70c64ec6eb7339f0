import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src-preload/contract';
import { buildReportModel, collectReport } from '../../src-main/core/reports/model';
import { isoWeekOf, lastWeek, resolvePeriod } from '../../src-main/core/reports/period';
import { serviceCalendar } from '../../src-main/core/calendar/cache';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';
import { FIXTURE_NOW, FIXTURE_WEEK, insertReportFixture, wita } from '../helpers/report-fixture';
import { AppError } from '../../src-main/core/errors';
import { wordCoreMessage } from '../../src-common/messages';

const H = 3_600_000;

describe('report period (WITA calendar)', () => {
  it('resolves ISO weeks, months and ranges to WITA midnights', () => {
    const w = resolvePeriod({ kind: 'week', week: '2026-W48' });
    expect([w.firstDate, w.lastDate, w.days]).toEqual(['2026-11-23', '2026-11-29', 7]);
    expect(w.from).toBe(wita('2026-11-23 00:00'));
    expect(w.to).toBe(wita('2026-11-30 00:00'));
    expect(w.label).toBe('Minggu ke-48 2026 (23–29 November 2026)');
    // ISO week 1 of 2026 starts in 2025; 2026 has 53 ISO weeks.
    expect(resolvePeriod({ kind: 'week', week: '2026-W01' }).firstDate).toBe('2025-12-29');
    expect(resolvePeriod({ kind: 'week', week: '2026-W53' }).lastDate).toBe('2027-01-03');
    const m = resolvePeriod({ kind: 'month', month: '2026-02' });
    expect([m.firstDate, m.lastDate, m.days, m.label]).toEqual(['2026-02-01', '2026-02-28', 28, 'Februari 2026']);
    expect(resolvePeriod({ kind: 'range', from: '2026-11-01', to: '2026-11-15' }).days).toBe(15);
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
  });

  it('defaults to the previous ISO week in WITA', () => {
    // Monday 00:30 WITA is still Sunday in UTC: the WITA week decides.
    expect(lastWeek(wita('2026-11-30 00:30'))).toEqual({ kind: 'week', week: '2026-W48' });
    expect(lastWeek(FIXTURE_NOW)).toEqual({ kind: 'week', week: FIXTURE_WEEK });
  });

  it('refuses bad periods with a reason worded in Indonesian and English', () => {
    for (const bad of [
      { kind: 'week', week: '2025-W53' },
      { kind: 'week', week: '2026-48' },
      { kind: 'month', month: '2026-13' },
      { kind: 'range', from: '2026-02-30', to: '2026-03-01' },
      { kind: 'range', from: '2026-03-02', to: '2026-03-01' },
    ] as const) {
      let refused: unknown;
      try {
        resolvePeriod(bad);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(AppError);
      const error = refused as AppError;
      expect(error.kind).toBe('invalid_input');
      expect(error.coreMessage?.code).toMatch(/^report\./);
      // Both languages have their own sentence, with the values in it.
      const [id, en] = [wordCoreMessage('id', error.coreMessage!), wordCoreMessage('en', error.coreMessage!)];
      expect(id).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
      expect(id).not.toBe(en);
    }
  });
});

describe('report model against a hand-computed week (2026-W34, Monday 17 August a holiday)', () => {
  let core: TestCore;
  let model: ReportModel;
  beforeAll(async () => {
    core = await startCoreWithAdmin({ now: () => FIXTURE_NOW });
    const sari = (await core.must('officers.create', { username: 'sari', displayName: 'Ni Made Sari', role: 'officer', password: 'petugas-pst-1' })).id;
    const budi = (await core.must('officers.create', { username: 'budi', displayName: 'Budi Santosa', role: 'officer', password: 'petugas-pst-2' })).id;
    insertReportFixture(core.services.db, { sari, budi });
    model = buildReportModel(core.services.db, serviceCalendar(core.services.db), { kind: 'week', week: FIXTURE_WEEK }, { now: FIXTURE_NOW });
  });
  afterAll(() => core.dispose());

  it('counts new, resolved, open and overdue consultations by their definitions', () => {
    expect(model.summary).toEqual({
      consultations: 8, // C1 C2 C3 C4 C5 C6 C9 C10; automated mail and one closed before the week left out
      newCount: 5,
      resolvedCount: 4,
      openAtEnd: 4, // C9 was closed only on 24 August: open at the week's end
      overdueAtEnd: 2,
      requirementsCompleted: 4,
      resolvedWithClock: 4,
      resolvedWithinTarget: 3,
      withinTargetShare: 0.75,
      awaitingFirstResponse: 1,
      answeredWithOfficialLink: 0,
      // No similar earlier answers were offered in this fixture.
      similarShown: 0,
      answeredWithEarlier: 0,
      answeredWithEarlierEdited: 0,
    });
    expect(model.byChannel).toEqual([
      // Medians in working time, from the figures below: Telegram's new C3 0.5 h, C6 0.25 h, C10 0.5 h
      // and resolved C1 18.5 h, C6 2 h, C10 23.5 h; email's C2 1 h and 19 h.
      { channel: 'telegram', label: 'Telegram', newCount: 3, resolvedCount: 3, openAtEnd: 1, firstResponseMedianMs: 0.5 * H, resolutionMedianMs: 18.5 * H },
      { channel: 'email', label: 'Email', newCount: 1, resolvedCount: 1, openAtEnd: 2, firstResponseMedianMs: 1 * H, resolutionMedianMs: 19 * H },
      // A channel nobody used that week still has its row, at zero.
      { channel: 'whatsapp', label: 'WhatsApp', newCount: 0, resolvedCount: 0, openAtEnd: 0, firstResponseMedianMs: null, resolutionMedianMs: null },
      // The walk-in was not answered yet.
      { channel: 'manual', label: 'Langsung/telepon', newCount: 1, resolvedCount: 0, openAtEnd: 1, firstResponseMedianMs: null, resolutionMedianMs: null },
    ]);
  });

  it('gives consultations per day, with the holiday and the weekend marked closed', () => {
    expect(model.trend.unit).toBe('day');
    expect(model.trend.points.map((p) => [p.key, p.newCount, p.resolvedCount, p.working])).toEqual([
      ['2026-08-17', 0, 0, false],
      ['2026-08-18', 2, 0, true],
      ['2026-08-19', 1, 0, true],
      ['2026-08-20', 1, 2, true],
      ['2026-08-21', 1, 2, true],
      ['2026-08-22', 0, 0, false],
      ['2026-08-23', 0, 0, false],
    ]);
  });

  it('measures times in working time: across the holiday and without the pause', () => {
    // Resolution: C1 Fri 15:00 → Thu 11:00 skipping the Monday holiday = 0.5 + 7.5 + 7.5 + 3 = 18.5 h;
    // C2 26.5 h minus the 7.5 h pause = 19 h; C6 2 h; C10 23.5 h (> 22.5 h = 3 working days).
    expect(model.times.resolution).toEqual({ count: 4, medianMs: 18.75 * H, p90Ms: 23.5 * H, meanMs: ((18.5 + 19 + 2 + 23.5) / 4) * H });
    // First response of the new ones: C2 1 h, C3 0.5 h (after hours → 08:30 next day), C6 0.25 h, C10 0.5 h.
    expect(model.times.firstResponse).toEqual({ count: 4, medianMs: 0.5 * H, p90Ms: 1 * H, meanMs: 0.5625 * H });
    // Requirements: C2 1 h, C3 1 h (16:00 → 09:00 next day), C6 0.25 h, C10 1 h.
    expect(model.times.requirements).toEqual({ count: 4, medianMs: 1 * H, p90Ms: 1 * H, meanMs: 0.8125 * H });
  });

  it("gives each consultation the status it had at the week's end, not today's", () => {
    const { consultations } = collectReport(core.services.db, serviceCalendar(core.services.db), { kind: 'week', week: FIXTURE_WEEK }, { now: FIXTURE_NOW });
    const status = (ticket: string) => consultations.find((c) => c.ticket === ticket)?.status;
    // C9 was closed on Monday 24 August, after the week: at its end it was still being worked on.
    expect(status('KONS-5108-20260803-0002')).toBe('in_progress');
    // C1 closed Thursday 20 August and rated an hour later; C10 closed Friday, its rating request unanswered.
    expect(status('KONS-5108-20260814-0001')).toBe('rated');
    expect(status('KONS-5108-20260818-0003')).toBe('resolved');
    // The walk-in still waits for its requirements, then as now.
    expect(status('KONS-5108-20260821-0001')).toBe('awaiting_requirements');
    expect(model.overdue.map((o) => o.status)).toEqual(['in_progress', 'in_progress']);
  });

  it('lists the overdue consultations with their due instants and lateness at the week end', () => {
    expect(model.overdue.map((o) => [o.ticket, o.dueAt, o.workingMsLate / H, o.assigneeName])).toEqual([
      // Complete Mon 3 Aug 10:00 → due Thu 6 Aug 10:00; late 5.5 + 7.5 + 37.5 + 30 (17 Aug closed) = 80.5 h.
      ['KONS-5108-20260803-0002', wita('2026-08-06 10:00'), 80.5, 'Ni Made Sari'],
      // Complete Mon 10 Aug 10:00 → due Thu 13 Aug 10:00; late 5.5 + 7.5 + 30 = 43 h.
      ['KONS-5108-20260810-0001', wita('2026-08-13 10:00'), 43, 'Budi Santosa'],
    ]);
  });

  it('reports ratings, comments and the IKM computed by hand', () => {
    const r = model.ratings;
    expect([r.requested, r.answered, r.responseRate, r.count, r.meanScore]).toEqual([4, 3, 0.75, 3, 4]);
    expect(r.distribution).toEqual([
      { score: 1, count: 0 },
      { score: 2, count: 0 },
      { score: 3, count: 1 },
      { score: 4, count: 1 },
      { score: 5, count: 1 },
    ]);
    expect(r.comments.map((c) => [c.ticket, c.score, c.feedback])).toEqual([
      ['KONS-5108-20260814-0001', 5, 'Sangat membantu'],
      ['KONS-5108-20260820-0001', 3, 'Data per desa belum ada'],
    ]);
    // NRR: (4+3)/2 … ; Σ NRR = 31.5; IKM = 31.5 / 9 = 3.5; × 25 = 87.50 → B (76.61–88.30).
    expect(model.ikm.unsur.map((u) => u.nrr)).toEqual([3.5, 3.5, 3, 4, 3.5, 3.5, 4, 3, 3.5]);
    expect(model.ikm).toMatchObject({ respondents: 2, ikm: 3.5, converted: 87.5, grade: 'B', label: 'Baik' });
  });

  it('groups requesters, topics, complaints and officers', () => {
    expect(model.requesters.distinct).toBe(4); // Ni Kadek Ayu wrote twice this week
    expect(model.requesters.byOccupation.map((c) => [c.label, c.count])).toEqual([
      ['Pelajar/Mahasiswa', 2],
      ['Peneliti/Dosen', 1],
      ['Tidak diisi', 1],
    ]);
    // The walk-in visitor left the institution empty: a person on their own, "Perorangan".
    expect(model.requesters.byInstitution.map((c) => [c.label, c.count])).toEqual([
      ['Universitas Pendidikan Ganesha', 2],
      ['Perorangan', 1],
      ['Universitas Udayana', 1],
    ]);
    expect(model.topics.filter((t) => t.count > 0).map((t) => [t.label, t.count])).toEqual([
      ['Kependudukan', 2],
      ['PDRB/Ekonomi', 1],
      ['Pertanian', 1],
    ]);
    expect(model.complaints).toMatchObject({ received: 2, resolved: 2, openAtEnd: 1 });
    expect(model.complaints.bySource.filter((s) => s.count > 0).map((s) => s.key)).toEqual(['kotak_saran', 'telepon']);
    expect(
      model.officers.map((o) => [
        o.name,
        o.newAssigned,
        o.resolved,
        o.openAtEnd,
        o.overdueAtEnd,
        o.repliesSent,
        o.resolutionMedianMs && o.resolutionMedianMs / H,
      ]),
    ).toEqual([
      ['Budi Santosa', 2, 1, 2, 1, 1, 23.5],
      ['Ni Made Sari', 2, 3, 1, 1, 2, 18.5],
      ['Belum ditugaskan', 1, 0, 1, 0, 0, null],
    ]);
  });
});
