import type { BenchOptions } from './options';
import type { WorkerHandle } from './worker-handle';

/** One printed row: a figure beside the bare baseline measured in the same run. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  /** The target, readable ("≥ 0.5× raw", "p95 ≤ 15 ms"), and whether this line meets it. */
  target?: string;
  pass?: boolean;
  /** value / baseline, or baseline / value for throughputs; shown as "1.23×". */
  ratio?: number;
  note?: string;
}

/** What every benchmark gets: the options, the two worker processes and shared fixtures. */
export interface BenchContext {
  options: BenchOptions;
  /** The child process running the real core (createCore + dispatcher), the one whose RSS counts. */
  core(): Promise<WorkerHandle>;
  /** The core's database file, for baselines that must read the very same data. */
  coreDbFile(): Promise<string>;
  /** A second child for the bare baselines (raw SQL, no core), so their memory never counts as the core's. */
  bare(): Promise<WorkerHandle>;
  /** Makes sure the core's database holds the generated data set with realistic statuses. */
  populated(): Promise<void>;
  /** Fixture state shared between benchmarks of one run (e.g. "the data set is loaded"). */
  shared: Map<string, unknown>;
  log(message: string): void;
}

/** A task that runs inside a worker process; `state` lives as long as that process. */
export type WorkerTask = (args: unknown, state: WorkerState) => unknown;

export interface WorkerState {
  role: 'core' | 'bare';
  [key: string]: unknown;
}

/**
 * A benchmark: one file under test/bench/, listed once in test/bench/registry.ts. `run` executes
 * in the harness; `coreTasks`/`bareTasks` execute inside the worker processes and are called by
 * name through `WorkerHandle.call`.
 */
export interface Benchmark {
  /** Short id used by `--only`. */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchLine[]>;
  coreTasks?: Record<string, WorkerTask>;
  bareTasks?: Record<string, WorkerTask>;
}
