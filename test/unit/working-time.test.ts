import { describe, expect, it } from 'vitest';
import { formatWorkingDuration as reportText } from '../../src-main/core/reports/labels';
import { workingParts } from '../../src-common/working-time';
import { formatWorkingDuration as consoleText, slaInfo } from '../../src-renderer/format/time';
import { translate, type Translate } from '../../src-renderer/i18n';

const HOUR = 3_600_000;
const t: Translate = (key, values) => translate('id', key, values);

describe('working days: one unit for the console and the reports', () => {
  it('splits 16 working hours into the standard days of 7.5 hours, or of an office that works 8', () => {
    expect(workingParts(16 * HOUR)).toEqual({ days: 2, hours: 1, minutes: 0 });
    expect(workingParts(16 * HOUR, 8 * HOUR)).toEqual({ days: 2, hours: 0, minutes: 0 });
    // Rounded for a report's statistic, floored for a countdown.
    expect(workingParts(59.6 * 60_000, 7.5 * HOUR, 'round')).toEqual({ days: 0, hours: 1, minutes: 0 });
    expect(workingParts(59.6 * 60_000)).toEqual({ days: 0, hours: 0, minutes: 59 });
  });

  it('says the same duration on screen and in the report table', () => {
    expect(consoleText(16 * HOUR, t)).toBe('2 hari 1 jam');
    expect(reportText(16 * HOUR, 7.5 * HOUR)).toBe('2 hk 1 j');
    expect(consoleText(16 * HOUR, t, 8 * HOUR)).toBe('2 hari');
    expect(reportText(16 * HOUR, 8 * HOUR)).toBe('2 hk');
  });

  it("counts a row's time left in the office's own working day", () => {
    const row = { status: 'in_progress' as const, slaDueAt: null, slaState: 'running' as const, workingMsLeft: 16 * HOUR };
    expect(slaInfo({ ...row, workingDayMs: 7.5 * HOUR }, 0, t).text).toBe('Sisa 2 hari 1 jam kerja');
    expect(slaInfo({ ...row, workingDayMs: 8 * HOUR }, 0, t).text).toBe('Sisa 2 hari kerja');
  });
});
