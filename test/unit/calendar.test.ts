import { describe, expect, it } from 'vitest';
import {
  ServiceCalendar,
  describeServiceHours,
  fallbackNonWorkingDays,
  formatClock,
  parseClock,
  parseServiceHours,
  shippedDecreeDays,
  type ServiceHours,
} from '../../src-main/core/calendar';

/** An instant written in WITA: '2026-11-30 10:00' → ms. */
const wita = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);
/** An instant shown in WITA, for readable failures. */
const show = (at: number): string => new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const calendar = new ServiceCalendar({
  nonWorkingDays: shippedDecreeDays().days,
  yearsWithDecree: [2026],
  fallbackForYear: fallbackNonWorkingDays,
});

// Due instants worked out by hand from the rule of DESIGN §1 (22.5 h of open time for 3 days);
// the comment of each row is the hand computation.
const slaCases: { name: string; start: string; days: number; due: string; paused?: [string, string][] }[] = [
  { name: 'DESIGN: complete Monday 10:00', start: '2026-11-30 10:00', days: 3, due: '2026-12-03 10:00' }, // 5.5+7.5+7.5+2
  { name: 'DESIGN: complete Saturday', start: '2026-11-28 10:00', days: 3, due: '2026-12-02 15:30' }, // Mon+Tue+Wed, ends at closing
  { name: 'exactly at 08:00', start: '2026-11-30 08:00', days: 3, due: '2026-12-02 15:30' },
  { name: 'just before opening', start: '2026-11-30 07:59', days: 3, due: '2026-12-02 15:30' },
  { name: 'exactly at 15:30 (closed: half-open hours)', start: '2026-11-30 15:30', days: 3, due: '2026-12-03 15:30' },
  { name: 'one minute before closing', start: '2026-11-30 15:29', days: 3, due: '2026-12-03 15:29' }, // 1 min + 7.5 + 7.5 + 7h29
  { name: 'Friday afternoon', start: '2026-12-04 14:00', days: 3, due: '2026-12-09 14:00' }, // 1.5 + Mon 7.5 + Tue 7.5 + Wed 6
  { name: 'Friday after closing', start: '2026-12-04 16:00', days: 3, due: '2026-12-09 15:30' },
  { name: 'Sunday night', start: '2026-11-29 23:00', days: 3, due: '2026-12-02 15:30' },
  { name: 'one working day', start: '2026-11-30 10:00', days: 1, due: '2026-12-01 10:00' },
  { name: 'national holiday (Mon 17 Aug)', start: '2026-08-14 13:00', days: 3, due: '2026-08-20 13:00' }, // 2.5 + Tue + Wed + 5
  { name: 'Nyepi and Idul Fitri block 18–24 March', start: '2026-03-17 10:00', days: 3, due: '2026-03-27 10:00' }, // 5.5 + 25th + 26th + 2
  { name: 'inside the Nyepi block', start: '2026-03-19 09:00', days: 3, due: '2026-03-27 15:30' }, // 25, 26, 27 March
  { name: 'cuti bersama and Christmas', start: '2026-12-23 10:00', days: 3, due: '2026-12-30 10:00' }, // 5.5 + Mon 28 + Tue 29 + 2
  { name: 'year end onto the 2027 fallback (1 and 5 Jan closed)', start: '2026-12-30 12:00', days: 3, due: '2027-01-06 12:00' }, // 3.5 + 31st + Mon 4th + 4
  {
    name: 'pause across days', // Mon 5.5 + Tue 08–14 6 = 11.5; resume Thu 09:00: 6.5, Fri 4.5
    start: '2026-11-30 10:00',
    days: 3,
    paused: [['2026-12-01 14:00', '2026-12-03 09:00']],
    due: '2026-12-04 12:30',
  },
  {
    name: 'pause inside closed time changes nothing',
    start: '2026-11-30 10:00',
    days: 3,
    paused: [['2026-12-01 16:00', '2026-12-02 07:00']],
    due: '2026-12-03 10:00',
  },
  {
    name: 'pause begun before the start',
    start: '2026-11-30 10:00',
    days: 3,
    paused: [['2026-11-29 12:00', '2026-11-30 12:00']],
    due: '2026-12-03 12:00',
  },
  {
    name: 'pause ending in the evening', // 5.5 + 7.5 + 2 = 15; then Thu 7.5 to closing
    start: '2026-11-30 10:00',
    days: 3,
    paused: [['2026-12-02 10:00', '2026-12-02 18:00']],
    due: '2026-12-03 15:30',
  },
  {
    name: 'two overlapping pauses count once', // Tue 10–12 and Tue 11–13: 3 h paused
    start: '2026-11-30 10:00',
    days: 3,
    paused: [
      ['2026-12-01 11:00', '2026-12-01 13:00'],
      ['2026-12-01 10:00', '2026-12-01 12:00'],
    ],
    due: '2026-12-03 13:00',
  },
  {
    name: 'pause starting exactly at the due instant',
    start: '2026-11-30 10:00',
    days: 3,
    paused: [['2026-12-03 10:00', '2026-12-04 10:00']],
    due: '2026-12-03 10:00',
  },
];

describe('SLA due dates (hand-computed, WITA)', () => {
  it.each(slaCases)('$name', ({ start, days, due, paused }) => {
    const spans = (paused ?? []).map(([from, to]) => ({ from: wita(from), to: wita(to) }));
    expect(show(calendar.dueAt(wita(start), days, spans))).toBe(due);
  });

  it('an addition that uses a period up ends at 15:30 that day, not the next morning', () => {
    expect(show(calendar.addWorkingTime(wita('2026-11-30 08:00'), 7.5 * 3_600_000))).toBe('2026-11-30 15:30');
    expect(calendar.addWorkingTime(wita('2026-11-30 08:00'), 7.5 * 3_600_000 + 1)).toBe(wita('2026-12-01 08:00') + 1);
  });

  it('adding nothing gives the next opening', () => {
    expect(show(calendar.addWorkingTime(wita('2026-11-28 10:00'), 0))).toBe('2026-11-30 08:00');
    expect(calendar.addWorkingTime(wita('2026-11-30 10:00'), 0)).toBe(wita('2026-11-30 10:00'));
  });

  it('refuses negative or infinite amounts', () => {
    expect(() => calendar.addWorkingTime(wita('2026-11-30 10:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingTime(wita('2026-11-30 10:00'), Infinity)).toThrow(RangeError);
  });
});

describe('ServiceCalendar queries', () => {
  it('isOpen follows half-open hours and non-working days', () => {
    expect(calendar.isOpen(wita('2026-11-30 07:59'))).toBe(false);
    expect(calendar.isOpen(wita('2026-11-30 08:00'))).toBe(true);
    expect(calendar.isOpen(wita('2026-11-30 15:30') - 1)).toBe(true);
    expect(calendar.isOpen(wita('2026-11-30 15:30'))).toBe(false);
    expect(calendar.isOpen(wita('2026-11-28 10:00'))).toBe(false); // Saturday
    expect(calendar.isOpen(wita('2026-03-19 10:00'))).toBe(false); // Nyepi
    expect(calendar.isOpen(wita('2026-08-17 10:00'))).toBe(false); // Independence Day
  });

  it('nextOpening skips evenings, weekends and holiday blocks', () => {
    expect(show(calendar.nextOpening(wita('2026-11-28 10:00')))).toBe('2026-11-30 08:00');
    expect(show(calendar.nextOpening(wita('2026-03-17 15:30')))).toBe('2026-03-25 08:00');
    expect(show(calendar.nextOpening(wita('2026-12-31 15:45')))).toBe('2027-01-04 08:00');
    expect(calendar.nextOpening(wita('2026-11-30 09:00'))).toBe(wita('2026-11-30 09:00'));
  });

  it('currentPeriodEnd is the closing of the open period, null when closed', () => {
    expect(show(calendar.currentPeriodEnd(wita('2026-11-30 09:00'))!)).toBe('2026-11-30 15:30');
    expect(calendar.currentPeriodEnd(wita('2026-11-30 15:30'))).toBeNull();
  });

  it('workingTimeBetween counts open time only', () => {
    const hour = 3_600_000;
    expect(calendar.workingTimeBetween(wita('2026-11-27 15:00'), wita('2026-11-30 09:00'))).toBe(1.5 * hour);
    expect(calendar.workingTimeBetween(wita('2026-03-16 00:00'), wita('2026-03-28 00:00'))).toBe(5 * 7.5 * hour); // open: 16, 17, 25, 26, 27 March
  });

  it('isWorkingDay and nonWorkingDayOn know weekends, the decree and the fallback year', () => {
    expect(calendar.isWorkingDay('2026-11-30')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-23')).toBe(false);
    expect(calendar.nonWorkingDayOn('2026-03-23')).toMatchObject({ kind: 'cuti_bersama' });
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-05')).toBe(false); // from date-holidays
    expect(calendar.nonWorkingDayOn(wita('2027-01-01 10:00'))).toMatchObject({ kind: 'national' });
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(calendar.dateOf(wita('2026-12-31 23:59'))).toBe('2026-12-31');
    expect(calendar.dateOf(wita('2027-01-01 00:00'))).toBe('2027-01-01');
  });

  it('takes only the dates of the date-holidays fallback: weekends stay with the service hours', () => {
    // date-holidays models Indonesia's weekend as Sunday only; a Saturday is closed here regardless.
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false); // plain Saturday
    expect(calendar.nonWorkingDayOn('2027-02-06')).toMatchObject({ kind: 'national' }); // Imlek on a Saturday
    expect(calendar.isWorkingDay('2027-02-05')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(true); // no cuti bersama known without the decree
  });

  it('closedPeriodKey is one key per closed period', () => {
    const friday = calendar.closedPeriodKey(wita('2026-12-04 15:30'));
    expect(friday).not.toBeNull();
    expect(calendar.closedPeriodKey(wita('2026-12-05 10:00'))).toBe(friday);
    expect(calendar.closedPeriodKey(wita('2026-12-07 07:59'))).toBe(friday);
    expect(calendar.closedPeriodKey(wita('2026-12-07 08:00'))).toBeNull();
    expect(calendar.closedPeriodKey(wita('2026-12-07 16:00'))).not.toBe(friday);
  });

  it('works in years without any data, with or without a fallback', () => {
    const bare = new ServiceCalendar();
    expect(show(bare.dueAt(wita('2031-12-31 10:00'), 3))).toBe('2032-01-05 10:00'); // Wed → Mon: no holidays known
    expect(calendar.isWorkingDay('2035-01-01')).toBe(false); // fallback knows New Year
  });
});

describe('edited service hours', () => {
  it('a target stays N × Monday when Friday is longer', () => {
    const week = parseServiceHours([[], ...Array(4).fill([{ from: 480, to: 930 }]), [{ from: 480, to: 960 }], []]);
    const cal = new ServiceCalendar({ hours: week });
    expect(show(cal.dueAt(wita('2026-12-04 08:00'), 1))).toBe('2026-12-04 15:30');
  });

  it('a lunch break is closed time and its start is a period end', () => {
    const split = [
      { from: 480, to: 720 },
      { from: 780, to: 930 },
    ];
    const cal = new ServiceCalendar({ hours: [[], split, split, split, split, split, []] });
    expect(cal.workingDaysTarget(1)).toBe(6.5 * 3_600_000);
    expect(show(cal.dueAt(wita('2026-11-30 11:00'), 1))).toBe('2026-12-01 11:00'); // 1 + 2.5 Mon, 3 Tue
    expect(show(cal.addWorkingTime(wita('2026-11-30 08:00'), 4 * 3_600_000))).toBe('2026-11-30 12:00');
    expect(show(cal.currentPeriodEnd(wita('2026-11-30 11:00'))!)).toBe('2026-11-30 12:00');
    expect(cal.isOpen(wita('2026-11-30 12:30'))).toBe(false);
  });

  it('hours open until 24:00 and again from 00:00 form one period across midnight', () => {
    const late: ServiceHours = [[], [{ from: 1200, to: 1440 }], [{ from: 0, to: 120 }], [], [], [], []];
    const cal = new ServiceCalendar({ hours: late });
    expect(show(cal.currentPeriodEnd(wita('2026-11-30 21:00'))!)).toBe('2026-12-01 02:00');
    expect(show(cal.addWorkingTime(wita('2026-11-30 20:00'), 5 * 3_600_000))).toBe('2026-12-01 01:00');
    expect(cal.closedPeriodKey(wita('2026-11-30 23:59'))).toBeNull();
  });

  it('validation merges touching intervals and refuses overlaps, inverted and empty weeks', () => {
    const touching: ServiceHours = [
      [],
      [
        { from: 600, to: 720 },
        { from: 480, to: 600 },
      ],
      [],
      [],
      [],
      [],
      [],
    ];
    expect(parseServiceHours(touching)[1]).toEqual([{ from: 480, to: 720 }]);
    expect(() =>
      parseServiceHours([
        [],
        [
          { from: 480, to: 700 },
          { from: 600, to: 720 },
        ],
        [],
        [],
        [],
        [],
        [],
      ]),
    ).toThrow(/tumpang tindih/);
    expect(() => parseServiceHours([[], [{ from: 700, to: 600 }], [], [], [], [], []])).toThrow(/sebelum/);
    expect(() => parseServiceHours([[], [], [], [], [], [], []])).toThrow(/Minimal/);
    expect(() => parseServiceHours([[], [{ from: 480, to: 1500 }], [], [], [], [], []])).toThrow(/tidak valid/);
    expect(() => parseServiceHours([[]])).toThrow(/tidak valid/);
  });

  it('clock text and the hours sentence', () => {
    expect(parseClock('08:00')).toBe(480);
    expect(parseClock('15.30')).toBe(930);
    expect(() => parseClock('25:00')).toThrow();
    expect(formatClock(930)).toBe('15.30');
    expect(describeServiceHours(calendar.hours)).toBe('Senin–Jumat 08.00–15.30 WITA');
  });
});
