import { describe, expect, it } from 'vitest';
import { recentMonths, recentWeeks } from '../../src-renderer/reports/period';
import { officeDateText, parseOfficeDate, parseOfficeTime, witaInstant, witaParts } from '../../src-renderer/format/office-date';

describe('dates and times as an Indonesian office writes them', () => {
  it('reads day-first dates and refuses what is not a date', () => {
    expect(parseOfficeDate('04/12/2026')).toBe('2026-12-04');
    expect(parseOfficeDate('4-12-2026')).toBe('2026-12-04');
    expect(parseOfficeDate(' 4.12.2026 ')).toBe('2026-12-04');
    // 11/04/2026 is the 11th of April here, never 4 November.
    expect(parseOfficeDate('11/04/2026')).toBe('2026-04-11');
    expect(parseOfficeDate('31/11/2026')).toBeNull();
    expect(parseOfficeDate('29/02/2026')).toBeNull();
    expect(parseOfficeDate('29/02/2028')).toBe('2028-02-29');
    expect(parseOfficeDate('2026-12-04')).toBeNull();
    expect(parseOfficeDate('4 Desember 2026')).toBeNull();
    expect(officeDateText('2026-04-11')).toBe('11/04/2026');
  });

  it('reads 24-hour times with a dot or a colon', () => {
    expect(parseOfficeTime('14.30')).toBe(14 * 60 + 30);
    expect(parseOfficeTime('9:05')).toBe(9 * 60 + 5);
    expect(parseOfficeTime('8')).toBe(8 * 60);
    expect(parseOfficeTime('24.00')).toBeNull();
    expect(parseOfficeTime('3:45 PM')).toBeNull();
    expect(parseOfficeTime('14.7')).toBeNull();
  });

  it('places a WITA date and time on the clock (UTC+8), both ways', () => {
    const at = witaInstant('2026-12-02', 9 * 60 + 5);
    expect(new Date(at).toISOString()).toBe('2026-12-02T01:05:00.000Z');
    expect(witaParts(at)).toEqual({ date: '2026-12-02', minutes: 545 });
    // 00.30 WITA on the 2nd is still the 1st in UTC.
    expect(witaParts(Date.parse('2026-12-01T16:30:00Z'))).toEqual({ date: '2026-12-02', minutes: 30 });
  });
});

describe('the report periods to pick from', () => {
  it('names each week by its number and its days, across the turn of the year', () => {
    const saturday = Date.UTC(2026, 11, 5, 2); // Saturday 5 December 2026, 10.00 WITA
    expect(recentWeeks(2, saturday)).toEqual([
      { value: '2026-W49', label: 'Minggu 49 · 30 Nov – 6 Des 2026' },
      { value: '2026-W48', label: 'Minggu 48 · 23 – 29 Nov 2026' },
    ]);
    // 2026 has 53 ISO weeks: the last one ends on Sunday 3 January 2027.
    expect(recentWeeks(1, Date.UTC(2027, 0, 2, 2))).toEqual([{ value: '2026-W53', label: 'Minggu 53 · 28 Des 2026 – 3 Jan 2027' }]);
  });

  it('names the months in Indonesian, newest first, across the turn of the year', () => {
    expect(recentMonths(3, Date.UTC(2027, 0, 10, 2))).toEqual([
      { value: '2027-01', label: 'Januari 2027' },
      { value: '2026-12', label: 'Desember 2026' },
      { value: '2026-11', label: 'November 2026' },
    ]);
  });
});
