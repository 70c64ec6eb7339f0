import type { Db } from '../db';

/** Typed key/value settings stored as JSON; callers give the default. */
export const settingsQueries = (db: Db) => ({
  get<T>(key: string, fallback: T): T {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : fallback;
  },
  set(key: string, value: unknown, now: number): void {
    db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(key, JSON.stringify(value), now);
  },
});
