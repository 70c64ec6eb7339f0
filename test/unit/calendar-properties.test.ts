import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceCalendar, fallbackNonWorkingDays, parseServiceHours, shippedDecreeDays, type OpenInterval } from '../../src-main/core/calendar';

const HOUR = 3_600_000;
const FROM = Date.parse('2025-12-20T00:00:00+08:00');
const TO = Date.parse('2028-01-10T00:00:00+08:00');

const decree = new ServiceCalendar({ nonWorkingDays: shippedDecreeDays().days, yearsWithDecree: [2026], fallbackForYear: fallbackNonWorkingDays });

/** Any valid week: per day up to three intervals on 15-minute marks, at least one open day. */
const hoursArb = fc
  .array(fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }), { minLength: 7, maxLength: 7 })
  .map((days) =>
    days.map((marks) => {
      const sorted = [...marks].sort((a, b) => a - b);
      const intervals: OpenInterval[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ from: sorted[i]! * 15, to: sorted[i + 1]! * 15 });
      return intervals;
    }),
  )
  .filter((days) => days.some((d) => d.length > 0));

// Calendars cache the days they have built, so a fixed pool of random weeks (seeded: a failure can
// be replayed) keeps the properties fast while still covering split days, 24:00 closings and odd weeks.
const randomWeeks = fc.sample(hoursArb, { numRuns: 24, seed: 2026 });
const calendarArb = fc.constantFrom(
  decree,
  ...randomWeeks.map((hours) => new ServiceCalendar({ hours: parseServiceHours(hours), nonWorkingDays: shippedDecreeDays().days })),
);
/** Instants: arbitrary milliseconds, or whole minutes so that openings and closings get hit exactly. */
const instantArb = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => m * 60_000),
);
const durationArb = fc.oneof(
  fc.integer({ min: 0, max: 40 * HOUR }),
  fc.integer({ min: 0, max: 160 }).map((q) => q * 15 * 60_000),
);
const positiveArb = durationArb.filter((d) => d > 0);

const runs = { numRuns: 300 };

describe('working-time arithmetic properties', () => {
  it('addWorkingTime is monotonic in the start', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, durationArb, (cal, a, b, d) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingTime(s1, d)).toBeLessThanOrEqual(cal.addWorkingTime(s2, d));
      }),
      runs,
    );
  });

  it('addWorkingTime is monotonic in the duration', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb, durationArb, (cal, s, a, b) => {
        const [d1, d2] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingTime(s, d1)).toBeLessThanOrEqual(cal.addWorkingTime(s, d2));
      }),
      runs,
    );
  });

  it('addWorkingTime is additive for positive amounts', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, positiveArb, positiveArb, (cal, s, a, b) => {
        expect(cal.addWorkingTime(cal.addWorkingTime(s, a), b)).toBe(cal.addWorkingTime(s, a + b));
      }),
      runs,
    );
  });

  it('workingTimeBetween(s, addWorkingTime(s, d)) is d', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb, (cal, s, d) => {
        expect(cal.workingTimeBetween(s, cal.addWorkingTime(s, d))).toBe(d);
      }),
      runs,
    );
  });

  it('never ends in closed time: the due instant is open or exactly a closing', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, positiveArb, (cal, s, d) => {
        const due = cal.addWorkingTime(s, d);
        expect(cal.isOpen(due) || (cal.isOpen(due - 1) && cal.currentPeriodEnd(due - 1) === due)).toBe(true);
        // and it is the earliest such instant: one ms earlier the amount is not yet reached
        expect(cal.workingTimeBetween(s, due - 1)).toBe(d - 1);
      }),
      runs,
    );
  });

  it('isOpen is consistent with nextOpening', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, t) => {
        const next = cal.nextOpening(t);
        expect(cal.isOpen(t)).toBe(next === t);
        expect(cal.isOpen(next)).toBe(true);
        expect(cal.workingTimeBetween(t, next)).toBe(0);
        expect(cal.closedPeriodKey(t) === null).toBe(cal.isOpen(t));
      }),
      runs,
    );
  });

  it('workingTimeBetween is additive over a split point', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(cal.workingTimeBetween(a, c)).toBe(cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, c));
      }),
      runs,
    );
  });

  it('dueAt is the earliest instant at which open time minus paused time reaches the target', () => {
    const spanArb = fc.tuple(instantArb, fc.integer({ min: 1, max: 4 * 24 * HOUR })).map(([from, length]) => ({ from, to: from + length }));
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 5 }), fc.array(spanArb, { maxLength: 4 }), (start, days, spans) => {
        const due = decree.dueAt(start, days, spans);
        const net = (end: number) => decree.workingTimeBetween(start, end) - pausedOpenTime(decree, spans, start, end);
        expect(net(due)).toBe(decree.workingDaysTarget(days));
        expect(net(due - 1)).toBeLessThan(decree.workingDaysTarget(days));
      }),
      runs,
    );
  });
});

/** Open time inside the union of the spans, clipped to [start, end): computed independently of dueAt. */
function pausedOpenTime(cal: ServiceCalendar, spans: { from: number; to: number }[], start: number, end: number): number {
  const clipped = spans
    .map((s) => ({ from: Math.max(s.from, start), to: Math.min(s.to, end) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const union: { from: number; to: number }[] = [];
  for (const s of clipped) {
    const last = union.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else union.push({ ...s });
  }
  return union.reduce((sum, s) => sum + cal.workingTimeBetween(s.from, s.to), 0);
}

describe('workingTimeBetween over long spans (running totals)', () => {
  /** The definition: the open time of every day in [a, b), one day at a time. */
  function dayByDay(cal: ServiceCalendar, a: number, b: number): number {
    let total = 0;
    for (let t = a; t < b;) {
      const next = Math.min(b, t + 24 * HOUR);
      // Split at each step so every call covers at most two local days.
      total += cal.workingTimeBetween(t, next);
      t = next;
    }
    return total;
  }

  it('equals the day-by-day sum for spans of up to two years, asked in any order', () => {
    fc.assert(
      fc.property(calendarArb, fc.array(fc.tuple(instantArb, instantArb), { minLength: 1, maxLength: 4 }), (cal, pairs) => {
        // a fresh calendar per case, so earlier and later anchors of the running totals both occur;
        // the reference is another fresh one with the same settings
        const make = () =>
          new ServiceCalendar({ hours: cal.hours, nonWorkingDays: shippedDecreeDays().days, yearsWithDecree: [2026], fallbackForYear: fallbackNonWorkingDays });
        const fresh = make();
        const reference = make();
        for (const [x, y] of pairs) {
          const [a, b] = x <= y ? [x, y] : [y, x];
          expect(fresh.workingTimeBetween(a, b)).toBe(dayByDay(reference, a, b));
        }
      }),
      { numRuns: 60 },
    );
  });
});
