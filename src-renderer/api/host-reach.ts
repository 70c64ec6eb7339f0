/** Whether the PC that runs the console's core (the host) answers this page. */
export interface ReachState {
  reachable: boolean;
  /** When the host first failed to answer in this outage; null while it answers. */
  since: number | null;
  /** How many outages have ended: what is on screen may have missed changes, so it is read again. */
  reconnects: number;
}

export interface HostReachOptions {
  /** One cheap question to the host; true when it answered at all (any HTTP status). */
  probe(): Promise<boolean>;
  onChange(state: ReachState): void;
  now?: () => number;
  /** Waits between probes while the host is down; the last one repeats. */
  delaysMs?: readonly number[];
}

/** Soon at first (a restart takes seconds), then every 15 s: an office PC switched off for the day is not hammered. */
export const PROBE_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * Tracks whether the host answers. A call that fails at the network level marks it down at once;
 * while down it is asked again with growing pauses (bounded), and any answer marks it back up.
 * No call is repeated for the caller: a write that did not arrive is refused, not queued.
 */
export class HostReach {
  private state: ReachState = { reachable: true, since: null, reconnects: 0 };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private running: Promise<boolean> | null = null;
  private stopped = false;
  private readonly now: () => number;
  private readonly delays: readonly number[];

  constructor(private readonly options: HostReachOptions) {
    this.now = options.now ?? Date.now;
    this.delays = options.delaysMs ?? PROBE_DELAYS_MS;
  }

  get current(): ReachState {
    return this.state;
  }

  /** A request got no answer: the host is down from now (or from the outage's start). */
  lost(): void {
    if (this.stopped) return;
    if (this.state.reachable) {
      this.state = { reachable: false, since: this.now(), reconnects: this.state.reconnects };
      this.attempt = 0;
      this.options.onChange(this.state);
    }
    this.schedule();
  }

  /** Something answered: the host is up again (and the screen is told to look again). */
  answered(): void {
    if (this.stopped || this.state.reachable) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.state = { reachable: true, since: null, reconnects: this.state.reconnects + 1 };
    this.options.onChange(this.state);
  }

  /** A hint that the host may be gone (the event stream broke): asks it now, down if no answer. */
  suspect(): void {
    if (this.stopped || !this.state.reachable) return;
    void this.check();
  }

  /** Asks the host now (one question at a time); resolves to whether it answered. */
  check(): Promise<boolean> {
    this.running ??= this.options
      .probe()
      .catch(() => false)
      .then((ok) => {
        this.running = null;
        if (ok) this.answered();
        else this.lost();
        return ok;
      });
    return this.running;
  }

  /** The page is going away: no more probes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)] ?? 15_000;
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.state.reachable) void this.check();
    }, delay);
  }
}
