import type { SessionSlot } from '../../../src-main/core/api/define';
import type { Input, Method } from '../../../src-preload/contract';
import { captureStatements, replayer, type CapturedStatement } from './capture';
import { coreFixture } from './fixture-tasks';
import type { Db } from '../../../src-main/core/store/db';
import type { WorkerState } from './types';

export interface CoreTimed {
  samples: number[];
  /** Per call, the SQL the core executed (captured in an untimed pass) for the bare replay. */
  statements: CapturedStatement[][];
}

/**
 * Times `core.call(method, input)` through the dispatcher, as the hosts call it, as the logged-in
 * officer: zod validation, session lookup, the handler and its SQL all count. A first, untimed
 * pass captures each call's SQL; warm-up calls are not kept.
 */
export async function timeCoreCalls<M extends Method>(state: WorkerState, method: M, inputs: Input<M>[], warmup = 20): Promise<CoreTimed> {
  const { core, officer } = coreFixture(state);
  const session: SessionSlot = officer;
  const call = async (input: Input<M>) => {
    const result = await core.call(method, input, session);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.kind} ${result.error.message}`);
  };
  const statements: CapturedStatement[][] = [];
  for (const input of inputs) statements.push(await captureStatements(core.services.db, () => call(input)));
  for (const input of inputs.slice(0, warmup)) await call(input);
  const samples: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    await call(input);
    samples.push(performance.now() - t0);
  }
  return { samples, statements };
}

/** The bare baseline: the same statements, prepared once, on the worker's own connection. */
export function timeReplay(db: Db, calls: CapturedStatement[][], warmup = 20): number[] {
  const replay = replayer(db);
  for (const statements of calls.slice(0, warmup)) replay(statements);
  return calls.map((statements) => {
    const t0 = performance.now();
    replay(statements);
    return performance.now() - t0;
  });
}

/** What the bare replay runs per call, for the printed note (first words of each statement). */
export function describeStatements(calls: CapturedStatement[][]): string {
  const first = calls[0] ?? [];
  return first.map((s) => s.sql.replace(/\s+/g, ' ').trim().slice(0, 28)).join(' + ') || 'no SQL';
}
