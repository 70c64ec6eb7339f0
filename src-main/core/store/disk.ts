import type { StorageStatus } from '../../../src-preload/contract';
import { freeBytes } from '../errors';
import type { EventBus } from '../events';

/**
 * Free space at which the disk counts as usable again: room for a day's mail and replies. Should
 * it fill up again, the next failed write brings the bar back.
 */
const RECOVERED_BYTES = 8 * 1024 * 1024;
const RECHECK_MS = 15_000;

/**
 * Whether the disk of the data folder is full, as the writes found it: set by the first write
 * that failed for room (SQLITE_FULL, ENOSPC, EDQUOT), announced as 'storage.status' so a bar shows
 * above every page, and cleared by a periodic check once space is back. Reads keep working meanwhile.
 */
export class DiskWatch {
  private state: StorageStatus;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly folder: string,
    private readonly events: EventBus,
    private readonly now: () => number,
  ) {
    this.state = { full: false, since: null, freeBytes: null, folder };
  }

  status(): StorageStatus {
    return this.state.full ? { ...this.state, freeBytes: freeBytes(this.folder) } : this.state;
  }

  /** A write failed for room: say so (once), and watch for the space to come back. */
  reportFull(): StorageStatus {
    if (!this.state.full) {
      this.state = { full: true, since: this.now(), freeBytes: freeBytes(this.folder), folder: this.folder };
      this.events.emit('storage.status', this.state);
      this.timer = setInterval(() => this.recheck(), RECHECK_MS);
      this.timer.unref();
    }
    return this.status();
  }

  recheck(): void {
    if (!this.state.full) return;
    const free = freeBytes(this.folder);
    if (free === null || free < RECOVERED_BYTES) return;
    this.stop();
    this.state = { full: false, since: null, freeBytes: free, folder: this.folder };
    this.events.emit('storage.status', this.state);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
