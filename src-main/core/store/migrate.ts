import type { CoreMessage } from '../../../src-preload/contract';
import { wordCoreMessage } from '../../../src-common/messages';
import type Database from 'better-sqlite3';

export interface Migration {
  /** The schema version this migration produces (1, 2, ...); file name NNNN-name.ts. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** The database comes from a newer build; the hosts word `reason` in both languages. */
export class NewerDatabaseError extends Error {
  readonly reason: CoreMessage;
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(wordCoreMessage('id', { code: 'store.newer_database', params: { found, supported } }));
    this.reason = { code: 'store.newer_database', params: { found, supported } };
    this.name = 'NewerDatabaseError';
  }
}

export function latestVersion(list: readonly Migration[]): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Brings the schema to the latest version: all pending migrations run in ONE transaction, so a
 * failure leaves the database exactly as it was. A database from a newer version is refused
 * before anything is written.
 */
export function migrate(db: Database.Database, list: readonly Migration[], target = latestVersion(list)): number {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version} at ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion(sorted)) throw new NewerDatabaseError(current, latestVersion(sorted));
  const pending = sorted.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return target;
}
