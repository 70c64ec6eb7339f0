/**
 * Worker-side fixtures shared by all benchmarks: the real core on a temp data dir with a
 * logged-in officer (core worker), and the status pass that makes the inbox realistic (bare worker).
 */
import { join } from 'node:path';
import { ingestBatch } from '../../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../../src-main/core/inbound/types';
import { outcomeAt, Rng } from '../../../src-main/core/seed';
import { openDatabase } from '../../../src-main/core/store/db';
import { indexAllMessages } from '../../../src-main/core/store/search-index';
import { DATABASE_FILE } from '../../../src-main/core/app';
import { memorySession, startTestCore, tempDataDir, type TestCore } from '../../helpers/core';
import type { WorkerState, WorkerTask } from './types';

export const OFFICER = { username: 'petugas1', displayName: 'Ni Made Petugas PST', password: 'petugas-pst-5108' };

export interface CoreFixture {
  core: TestCore;
  officer: ReturnType<typeof memorySession>;
  ingestMs: number;
  /** CPU time of this process inside ingestBatch: less sensitive than wall time to other work on the machine. */
  ingestCpuMs: number;
  ingested: number;
}

export const coreFixture = (state: WorkerState): CoreFixture => {
  const f = state.fixture as CoreFixture | undefined;
  if (!f) throw new Error('core.open was not called');
  return f;
};

const onClose = (state: WorkerState, fn: () => void) => (state.onClose as (fn: () => void) => void)(fn);

export const coreFixtureTasks: Record<string, WorkerTask> = {
  /** The core exactly as the hosts build it; the officer logs in through the contract like a person would. */
  'core.open': async (args, state) => {
    const { keep } = args as { keep: boolean };
    const temp = tempDataDir('pst-bench-core-');
    const core = startTestCore({ dir: temp.dir });
    onClose(state, () => {
      core.close();
      if (!keep) temp.cleanup();
    });
    await core.must('auth.setupAdmin', { username: 'admin', displayName: 'Admin PST', password: 'rahasia-admin-123' });
    await core.must('officers.create', { ...OFFICER, role: 'officer' });
    const officer = memorySession();
    await core.must('auth.login', { username: OFFICER.username, password: OFFICER.password }, officer);
    state.fixture = { core, officer, ingestMs: 0, ingestCpuMs: 0, ingested: 0 } satisfies CoreFixture;
    return { dir: temp.dir, dbFile: join(temp.dir, DATABASE_FILE) };
  },

  /** One batch through ingestBatch(), as a channel connector calls it; only the call itself is timed. */
  'core.ingest': (args, state) => {
    const f = coreFixture(state);
    const messages = args as InboundMessage[];
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const results = ingestBatch(f.core.services, messages);
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    f.ingestMs += ms;
    f.ingestCpuMs += (used.user + used.system) / 1000;
    f.ingested += results.filter((r) => r.outcome === 'inserted').length;
    return ms;
  },

  'core.ingestTotals': (_args, state) => {
    const f = coreFixture(state);
    return { ms: f.ingestMs, cpuMs: f.ingestCpuMs, inserted: f.ingested };
  },

  'core.counts': (_args, state) => {
    const db = coreFixture(state).core.services.db;
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      conversations: one('SELECT count(*) AS n FROM conversations'),
      messages: one('SELECT count(*) AS n FROM messages'),
      requesters: one('SELECT count(*) AS n FROM requesters'),
    };
  },
};

export const bareFixtureTasks: Record<string, WorkerTask> = {
  /**
   * Setup, not measured: the word index takes the loaded messages, as a console's background
   * indexer does once the flow pauses (ingest leaves them waiting; a search would index them first).
   */
  'bare.indexSearch': (args) => {
    const { dbFile } = args as { dbFile: string };
    const db = openDatabase(dbFile);
    try {
      const t0 = performance.now();
      indexAllMessages(db);
      return performance.now() - t0;
    } finally {
      db.close();
    }
  },
  /**
   * Setup, not measured: gives every conversation the status, due instant and read state it would
   * have at `now`, by its last activity (seed/outcome.ts), in one transaction on a second connection.
   */
  'bare.setupStatuses': (args) => {
    const { dbFile, now, seed } = args as { dbFile: string; now: number; seed: number };
    const db = openDatabase(dbFile);
    try {
      const rng = new Rng(seed ^ 0x5eed);
      const rows = db.prepare('SELECT id, last_message_at AS at FROM conversations ORDER BY id').iterate() as IterableIterator<{ id: number; at: number }>;
      const update = db.prepare(
        `UPDATE conversations SET status = ?, requirements_complete_at = ?, sla_due_at = ?, resolved_at = ?,
                unread_count = CASE WHEN ? THEN unread_count ELSE 0 END WHERE id = ?`,
      );
      const plan: [string, number | null, number | null, number | null, number, number][] = [];
      for (const { id, at } of rows) {
        const o = outcomeAt(rng, at, now);
        plan.push([o.status, o.requirementsCompleteAt, o.slaDueAt, o.resolvedAt, o.unread ? 1 : 0, id]);
      }
      db.transaction(() => plan.forEach((p) => update.run(...p)))();
      return Object.fromEntries(
        (db.prepare('SELECT status, count(*) AS n FROM conversations GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
      );
    } finally {
      db.close();
    }
  },
};
