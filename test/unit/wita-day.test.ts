import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { witaDay } from '../../src-main/core/domain/ticket';

describe('the WITA day of an instant (ticket numbers, the day sequence)', () => {
  it('turns at 16.00 UTC, which is midnight in Singaraja', () => {
    expect(witaDay(Date.UTC(2026, 11, 4, 15, 59, 59, 999))).toBe('20261204');
    expect(witaDay(Date.UTC(2026, 11, 4, 16, 0, 0))).toBe('20261205');
    // New Year's Eve: the year changes with the day.
    expect(witaDay(Date.UTC(2026, 11, 31, 16, 0, 0))).toBe('20270101');
    // 29 February in a leap year.
    expect(witaDay(Date.UTC(2028, 1, 28, 16, 30))).toBe('20280229');
  });

  it('agrees with the time-zone database for every hour boundary sampled from 1946 to 2100', () => {
    const from = Date.UTC(1946, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    const step = 7 * 24 * 3_600_000 + 3_600_000 + 61_000; // a week, an hour and a minute: walks every hour of the day
    let checked = 0;
    for (let at = from; at < to; at += step) {
      for (const edge of [at, at - (at % 3_600_000), at - (at % 3_600_000) - 1]) {
        expect(witaDay(edge), new Date(edge).toISOString()).toBe(format(new TZDate(edge, 'Asia/Makassar'), 'yyyyMMdd'));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it('keeps the old offsets before 1946 (the +9 of 1942–1945)', () => {
    // 1943-06-01 15.30 UTC is already the next day at +9, but not at +8.
    expect(witaDay(Date.UTC(1943, 5, 1, 15, 30))).toBe('19430602');
  });
});
