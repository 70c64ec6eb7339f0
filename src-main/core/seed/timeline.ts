import type { Rng } from './random';

/** WITA is UTC+8 all year (no DST), so plain arithmetic is exact and fast for a million stamps. */
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const witaDayIndex = (at: number): number => Math.floor((at + WITA_OFFSET_MS) / DAY_MS);
export const witaDayStart = (dayIndex: number): number => dayIndex * DAY_MS - WITA_OFFSET_MS;
/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export const witaWeekday = (dayIndex: number): number => (dayIndex + 4) % 7;
export const witaHour = (at: number): number => ((at + WITA_OFFSET_MS) % DAY_MS) / HOUR_MS;

const isWeekend = (dayIndex: number) => {
  const w = witaWeekday(dayIndex);
  return w === 0 || w === 6;
};

/**
 * Spreads `total` arrivals over the WITA days of [start, end): weekdays carry most of them,
 * weekends a little. Yields [dayIndex, count] with counts summing to exactly `total`.
 */
export function* arrivalsPerDay(start: number, end: number, total: number): Generator<[number, number]> {
  const first = witaDayIndex(start);
  const last = witaDayIndex(end - 1);
  const weight = (d: number) => (isWeekend(d) ? 0.1 : 1);
  let sum = 0;
  for (let d = first; d <= last; d++) sum += weight(d);
  let cumulative = 0;
  let given = 0;
  for (let d = first; d <= last; d++) {
    cumulative += weight(d);
    const upTo = d === last ? total : Math.round((cumulative / sum) * total);
    if (upTo > given) yield [d, upTo - given];
    given = Math.max(given, upTo);
  }
}

/** Arrival instants on one day, sorted: mostly in service hours, some evenings, early mornings and weekends. */
export function arrivalTimes(rng: Rng, dayIndex: number, count: number, start: number, end: number): number[] {
  const base = witaDayStart(dayIndex);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const hours = isWeekend(dayIndex)
      ? 7 + rng.next() * 14
      : rng.weighted([
          [8 + rng.next() * 7.5, 85],
          [15.5 + rng.next() * 6.5, 11],
          [6 + rng.next() * 2, 4],
        ] as const);
    times.push(Math.min(end - 1, Math.max(start, Math.floor(base + hours * HOUR_MS))));
  }
  return times.sort((a, b) => a - b);
}

/**
 * When a requester writes next: minutes later when answering a question, hours or days later
 * when chasing. Night hours (22:00–06:00 WITA) move to the next morning. Always before `end`.
 */
export function nextMessageTime(rng: Rng, previous: number, end: number): number {
  const gap = rng.weighted([
    [5 * MINUTE_MS + rng.next() * 55 * MINUTE_MS, 40],
    [HOUR_MS + rng.next() * 4 * HOUR_MS, 30],
    [DAY_MS + rng.next() * 2 * DAY_MS, 22],
    [3 * DAY_MS + rng.next() * 4 * DAY_MS, 8],
  ] as const);
  let at = Math.floor(previous + gap);
  const hour = witaHour(at);
  if (hour >= 22) at += Math.floor((24 - hour + 7 + rng.next()) * HOUR_MS);
  else if (hour < 6) at += Math.floor((7 - hour + rng.next()) * HOUR_MS);
  // Threads near the end of the range squeeze into what is left instead of leaving it.
  if (at >= end) at = previous + Math.floor((end - previous) * (0.02 + 0.08 * rng.next()));
  return Math.min(end - 1, Math.max(previous + 1, at));
}
