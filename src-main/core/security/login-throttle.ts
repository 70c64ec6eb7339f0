/**
 * Wrong-password counting for the login, kept in memory. It must not tell which usernames exist,
 * so it counts the name that was typed, whether an account has it or not, and answers the same
 * way for both. It must not let one caller lock out everyone, so a name is locked only for the
 * caller (address) that failed: a colleague or the host PC's own window logs in as usual. And one
 * address that tries many names is slowed as a whole.
 *
 * Memory rather than the database: a full disk must not stop the login, a restart of the console
 * on the host PC clears every lock (the admin's last resort), and a stream of made-up names must not
 * grow a table. The maps are bounded.
 */
export interface LoginThrottleOptions {
  /** Wrong passwords in a row for one name from one caller before that pair is locked. */
  lockAfter: number;
  /** Failures from one caller, over any names, within `callerWindowMs` before the caller is paused. */
  callerLimit: number;
  callerWindowMs: number;
  /** How long a caller over its limit waits. */
  callerPauseMs: number;
  /** Entries kept per map; the oldest go first. */
  maxEntries: number;
}

export const LOGIN_THROTTLE_DEFAULTS: LoginThrottleOptions = {
  lockAfter: 5,
  callerLimit: 20,
  callerWindowMs: 15 * 60_000,
  callerPauseMs: 15 * 60_000,
  maxEntries: 10_000,
};

/** The lock after the n-th failure in a row: 30 s at the threshold, doubling, at most 15 minutes. */
export const lockMs = (failures: number, lockAfter: number): number => Math.min(15 * 60_000, 30_000 * 2 ** Math.max(0, failures - lockAfter));

export interface LoginRefusal {
  /** 'name': this name from this caller; 'caller': every name from this caller. */
  scope: 'name' | 'caller';
  until: number;
}

export class LoginThrottle {
  private readonly names = new Map<string, { failures: number; lockedUntil: number }>();
  private readonly callers = new Map<string, { failures: number[]; pausedUntil: number }>();

  constructor(private readonly options: LoginThrottleOptions = LOGIN_THROTTLE_DEFAULTS) {}

  /** Whether this caller may try this name now. */
  refusal(username: string, caller: string, now: number): LoginRefusal | null {
    const pausedUntil = this.callers.get(caller)?.pausedUntil ?? 0;
    if (pausedUntil > now) return { scope: 'caller', until: pausedUntil };
    const lockedUntil = this.names.get(nameKey(username, caller))?.lockedUntil ?? 0;
    if (lockedUntil > now) return { scope: 'name', until: lockedUntil };
    return null;
  }

  failed(username: string, caller: string, now: number): void {
    const key = nameKey(username, caller);
    const entry = this.names.get(key) ?? { failures: 0, lockedUntil: 0 };
    entry.failures++;
    if (entry.failures >= this.options.lockAfter) entry.lockedUntil = now + lockMs(entry.failures, this.options.lockAfter);
    this.remember(this.names, key, entry);

    const from = this.callers.get(caller) ?? { failures: [], pausedUntil: 0 };
    from.failures = from.failures.filter((at) => at > now - this.options.callerWindowMs);
    from.failures.push(now);
    if (from.failures.length >= this.options.callerLimit) {
      from.pausedUntil = now + this.options.callerPauseMs;
      from.failures = [];
    }
    this.remember(this.callers, caller, from);
  }

  /** A right password: this name starts afresh for this caller. */
  succeeded(username: string, caller: string): void {
    this.names.delete(nameKey(username, caller));
  }

  /** The admin unlocks a name for every caller. Returns whether anything was locked. */
  clear(username: string): boolean {
    const prefix = `${normalise(username)}\u0000`;
    let cleared = false;
    for (const key of [...this.names.keys()]) {
      if (!key.startsWith(prefix)) continue;
      this.names.delete(key);
      cleared = true;
    }
    return cleared;
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key);
    map.set(key, value);
    while (map.size > this.options.maxEntries) map.delete(map.keys().next().value as string);
  }
}

const normalise = (username: string) => username.trim().toLowerCase();
const nameKey = (username: string, caller: string) => `${normalise(username)}\u0000${caller}`;
