import { describe, expect, it } from 'vitest';
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
