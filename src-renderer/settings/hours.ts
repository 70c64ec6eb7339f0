import type { ServiceHoursView } from '../../src-preload/contract';

/** One open interval per weekday as the form edits it: "08:00"–"15:30", or closed. */
export interface DayHours {
  open: boolean;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const toClock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function fromClock(text: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 && h * 60 + min <= 24 * 60 ? h * 60 + min : null;
}

/** The first interval of each day (the console's own hours have one per day). */
export const toForm = (hours: ServiceHoursView): DayHours[] =>
  Array.from({ length: 7 }, (_, d) => {
    const first = hours[d]?.[0];
    return first ? { open: true, from: toClock(first.from), to: toClock(first.to) } : { open: false, from: '08:00', to: '15:30' };
  });

/** The form back to the contract's shape; the weekday indexes whose times are wrong, if any. */
export function toHours(days: DayHours[]): { hours: ServiceHoursView } | { invalid: number[] } {
  const invalid: number[] = [];
  const hours = days.map((d, i) => {
    if (!d.open) return [];
    const from = fromClock(d.from);
    const to = fromClock(d.to);
    if (from === null || to === null || to <= from) {
      invalid.push(i);
      return [];
    }
    return [{ from, to }];
  });
  return invalid.length ? { invalid } : { hours };
}
