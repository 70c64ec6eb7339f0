/** Working time as "1 hk 2 j 30 m" (hari kerja of `dayMs`, jam, menit). */
export function workingDuration(ms: number | null, dayMs: number): string {
  if (ms === null) return '–';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const dayMinutes = Math.round(dayMs / 60_000);
  const [days, hours, mins] = [Math.floor(minutes / dayMinutes), Math.floor((minutes % dayMinutes) / 60), minutes % 60];
  return [days ? `${days} hk` : '', hours ? `${hours} j` : '', mins || (!days && !hours) ? `${mins} m` : ''].filter(Boolean).join(' ');
}

export const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1).replace('.', ',')}%`);
