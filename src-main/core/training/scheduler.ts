/**
 * Time as the simulated requesters see it. The demo uses the real clock and timers; tests use a
 * ManualScheduler and move time by hand, so every simulated answer is deterministic.
 */
export interface Scheduler {
  now(): number;
  /** Runs `task` after `delayMs`; returns a handle for cancel(). */
  schedule(task: () => void, delayMs: number): unknown;
  cancel(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  schedule: (task, delayMs) => {
    const timer = setTimeout(task, delayMs);
    // The simulation must never keep the process alive on its own.
    timer.unref();
    return timer;
  },
  cancel: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface ManualTask {
  at: number;
  seq: number;
  task: () => void;
}

/** A scheduler whose clock only moves when advance() is called; tasks run in time order. */
export class ManualScheduler implements Scheduler {
  private current: number;
  private seq = 0;
  private tasks: ManualTask[] = [];

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  schedule(task: () => void, delayMs: number): unknown {
    const entry = { at: this.current + Math.max(0, delayMs), seq: this.seq++, task };
    this.tasks.push(entry);
    return entry;
  }

  cancel(handle: unknown): void {
    this.tasks = this.tasks.filter((t) => t !== handle);
  }

  /** Tasks still waiting. */
  get pending(): number {
    return this.tasks.length;
  }

  /** Moves the clock forward by `ms`, running every task that falls due on the way (and those they schedule). */
  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      this.tasks.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.tasks[0];
      if (!next || next.at > until) break;
      this.tasks.shift();
      this.current = Math.max(this.current, next.at);
      next.task();
    }
    this.current = until;
  }
}
