import type { ReportCount, ReportDuration } from '../../../src-preload/contract';

/**
 * Median: the middle value, or the mean of the two middle values. p90: nearest rank, the value at
 * position ceil(0.9 × n) of the sorted list (an actual observation, easy to check by hand).
 */
export function durationStats(values: number[]): ReportDuration {
  if (values.length === 0) return { count: 0, medianMs: null, p90Ms: null, meanMs: null };
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count: n, medianMs: median, p90Ms: p90, meanMs: sum / n };
}

/**
 * Counts by key. Several spellings may share a key (an institution typed in lower case); the label
 * is the spelling seen most often; on a tie the one with more capitals (typed with care), then the first.
 */
const capitals = (text: string) => text.replace(/[^A-Z]/g, '').length;

export class Counter {
  private readonly counts = new Map<string, ReportCount & { spellings: Map<string, number> }>();

  add(key: string, label = key, by = 1): void {
    let found = this.counts.get(key);
    if (!found) this.counts.set(key, (found = { key, label, count: 0, spellings: new Map() }));
    found.count += by;
    const seen = (found.spellings.get(label) ?? 0) + by;
    found.spellings.set(label, seen);
    const best = found.spellings.get(found.label) ?? 0;
    if (seen > best || (seen === best && capitals(label) > capitals(found.label))) found.label = label;
  }

  /** Largest first; ties by label. */
  sorted(): ReportCount[] {
    return [...this.counts.values()]
      .map(({ key, label, count }) => ({ key, label, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'id'));
  }

  /** In the given key order first (zeros included), then any other keys largest first. */
  ordered(keys: readonly string[], labelOf: (key: string) => string = (k) => k): ReportCount[] {
    const all = new Map(this.sorted().map((c) => [c.key, c]));
    const known = keys.map((key) => all.get(key) ?? { key, label: labelOf(key), count: 0 });
    return [...known, ...[...all.values()].filter((c) => !keys.includes(c.key))];
  }

  /** The `limit` largest, the rest folded into one "others" entry. */
  top(limit: number, othersLabel: (n: number) => string): ReportCount[] {
    const all = this.sorted();
    if (all.length <= limit) return all;
    const rest = all.slice(limit);
    return [...all.slice(0, limit), { key: '__others__', label: othersLabel(rest.length), count: rest.reduce((s, c) => s + c.count, 0) }];
  }
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
