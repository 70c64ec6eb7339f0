import type { Db } from '../store/db';

/** About 6 hours: BPS updates its tables a few times a month, and a repeated search costs nothing. */
export const FRESH_MS = 6 * 60 * 60 * 1000;

export interface Cached<T> {
  body: T;
  fetchedAt: number;
}

/** Answers of BPS by what was asked (never by the key). */
export function cacheQueries(db: Db) {
  return {
    get<T>(request: string): Cached<T> | null {
      const row = db.prepare('SELECT body, fetched_at AS fetchedAt FROM bps_cache WHERE request = ?').get(request) as
        { body: string; fetchedAt: number } | undefined;
      return row ? { body: JSON.parse(row.body) as T, fetchedAt: row.fetchedAt } : null;
    },
    put(request: string, body: unknown, fetchedAt: number): void {
      db.prepare(
        'INSERT INTO bps_cache (request, body, fetched_at) VALUES (?, ?, ?) ON CONFLICT(request) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at',
      ).run(request, JSON.stringify(body), fetchedAt);
    },
    /** Every saved answer whose request starts with `prefix`: what can still be searched offline. */
    withPrefix<T>(prefix: string): Cached<T>[] {
      const rows = db
        .prepare('SELECT body, fetched_at AS fetchedAt FROM bps_cache WHERE substr(request, 1, length(?)) = ? ORDER BY fetched_at DESC LIMIT 500')
        .all(prefix, prefix) as { body: string; fetchedAt: number }[];
      return rows.map((r) => ({ body: JSON.parse(r.body) as T, fetchedAt: r.fetchedAt }));
    },
    clear(): void {
      db.prepare('DELETE FROM bps_cache').run();
    },
  };
}
