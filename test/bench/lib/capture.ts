import type { Db } from '../../../src-main/core/store/db';

/** One statement execution as the core ran it: replayed by the bare worker as the baseline. */
export interface CapturedStatement {
  sql: string;
  method: 'all' | 'get' | 'run';
  args: unknown[];
}

// The dispatcher's own session and officer lookups are the overhead being measured, not the query.
const AUTH_SQL = /\b(FROM|UPDATE|INTO) sessions\b|FROM officers WHERE id = \?/i;

type Method = (...args: unknown[]) => unknown;

/**
 * Records every statement `fn` executes on `db` (on all its statements, cached or not), so the
 * bare baseline runs exactly the core's SQL with the core's parameters and cannot drift from it.
 */
export async function captureStatements(db: Db, fn: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'all' | 'get' | 'run', Method>;
  const originals = { all: proto.all, get: proto.get, run: proto.run };
  const seen: CapturedStatement[] = [];
  for (const method of ['all', 'get', 'run'] as const) {
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (!AUTH_SQL.test(this.source)) seen.push({ sql: this.source, method, args });
      return originals[method].apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    Object.assign(proto, originals);
  }
  return seen;
}

/** Replays captured executions on another connection, preparing each distinct SQL once. */
export function replayer(db: Db): (statements: CapturedStatement[]) => unknown[] {
  const prepared = new Map<string, ReturnType<Db['prepare']>>();
  return (statements) =>
    statements.map(({ sql, method, args }) => {
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = db.prepare(sql)));
      return (stmt[method] as (...a: unknown[]) => unknown).apply(stmt, args);
    });
}
