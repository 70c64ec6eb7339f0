import { workingParts } from '../../src-common/working-time';

/** Working time as "1 hk 2 j 30 m" (hari kerja of `dayMs`, jam, menit), split as the exported report splits it. */
export function workingDuration(ms: number | null, dayMs: number): string {
  if (ms === null) return '–';
  const { days, hours, minutes: mins } = workingParts(ms, dayMs, 'round');
  return [days ? `${days} hk` : '', hours ? `${hours} j` : '', mins || (!days && !hours) ? `${mins} m` : ''].filter(Boolean).join(' ');
}

export const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1).replace('.', ',')}%`);
