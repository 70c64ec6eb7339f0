import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './db';

/** A holder whose heartbeat is older than this is taken to be gone (crashed, PC switched off). */
export const HOST_LOCK_STALE_MS = 2 * 60_000;
/** How often the holder renews its heartbeat: several times within the stale window. */
export const HOST_LOCK_HEARTBEAT_MS = 30_000;

export interface HostLockHolder {
  hostname: string;
  pid: number;
  heartbeatAt: number;
}

export type HostLockResult = { taken: true } | { taken: false; holder: HostLockHolder };

/**
 * The console that polls the bot and the mailbox holds this lock; a second console on the same
 * data (the database on a network share, or a second process) must not poll them too. It is a
 * row in the store, not a file lock: it has to work wherever the database can be opened.
 * Wall-clock time, not the core's clock: two processes compare each other's heartbeats.
 */
export class HostLock {
  readonly holderId = randomUUID();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes the lock if it is free, ours, or stale; otherwise says who holds it. */
  acquire(): HostLockResult {
    const now = this.clock();
    // IMMEDIATE: two consoles starting at once must not both read "free" and both take it.
    const take = this.db.transaction((): HostLockResult => {
      const row = this.db.prepare('SELECT holder, hostname, pid, heartbeat_at FROM host_lock WHERE id = 1').get() as
        { holder: string; hostname: string; pid: number; heartbeat_at: number } | undefined;
      if (row && row.holder !== this.holderId && now - row.heartbeat_at <= HOST_LOCK_STALE_MS) {
        return { taken: false, holder: { hostname: row.hostname, pid: row.pid, heartbeatAt: row.heartbeat_at } };
      }
      this.db
        .prepare(
          `INSERT INTO host_lock (id, holder, hostname, pid, taken_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, hostname = excluded.hostname, pid = excluded.pid,
             taken_at = excluded.taken_at, heartbeat_at = excluded.heartbeat_at`,
        )
        .run(this.holderId, hostname(), process.pid, now, now);
      return { taken: true };
    });
    return take.immediate();
  }

  /** Renews the heartbeat while held; returns false when another console has taken it over meanwhile. */
  heartbeat(): boolean {
    return this.db.prepare('UPDATE host_lock SET heartbeat_at = ? WHERE id = 1 AND holder = ?').run(this.clock(), this.holderId).changes > 0;
  }

  /** Heartbeats every HOST_LOCK_HEARTBEAT_MS until release(); `lost` is told if it was taken over. */
  keepAlive(lost: () => void, everyMs = HOST_LOCK_HEARTBEAT_MS): void {
    this.stopTimer();
    this.timer = setInterval(() => {
      try {
        if (!this.heartbeat()) {
          this.stopTimer();
          lost();
        }
      } catch (error) {
        // A busy or full disk: the next beat tries again; the lock goes stale only after several misses.
        console.error('[host-lock] heartbeat failed', (error as { code?: string }).code);
      }
    }, everyMs);
    this.timer.unref();
  }

  release(): void {
    this.stopTimer();
    try {
      this.db.prepare('DELETE FROM host_lock WHERE id = 1 AND holder = ?').run(this.holderId);
    } catch (error) {
      // Left stale, it is taken over after HOST_LOCK_STALE_MS.
      console.error('[host-lock] release failed', (error as { code?: string }).code);
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
