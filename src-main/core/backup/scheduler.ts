import { TZDate } from '@date-fns/tz';
import { SERVICE_TIME_ZONE } from '../calendar/service-calendar';
import { readLastRetention, runRetention, type RetentionRun } from '../privacy/retention';
import type { CoreServices } from '../services';
import { backupRunning, performBackup, recordScheduledBackup } from './run';
import { backupDue } from './schedule';
import { readBackupSettings, readBackupState, type BackupRun } from './settings';

export interface MaintenanceOptions {
  /** How often the clock is looked at (default one minute). */
  tickMs?: number;
  /** Delay of the first look after start, so a missed backup does not compete with start-up (default 30 s). */
  firstTickMs?: number;
}

const witaDay = (at: number): string => {
  const d = new TZDate(at, SERVICE_TIME_ZONE);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
};

/**
 * The core's daily housekeeping on its own timer: the scheduled backup (and one missed while the
 * PC was off, at the next start) and the personal-data retention job once per WITA day. Ticks read
 * core.now(), so tests drive it with an injected clock and tick().
 */
export class MaintenanceScheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopped = true;
  private readonly tickMs: number;
  private readonly firstTickMs: number;

  constructor(
    private readonly core: CoreServices,
    options: MaintenanceOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 60_000;
    this.firstTickMs = options.firstTickMs ?? 30_000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(this.firstTickMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  /** One look at the clock: runs what is due. */
  async tick(): Promise<{ backup: BackupRun | null; retention: RetentionRun | null }> {
    const retention = this.retentionDue() ? runRetention(this.core) : null;
    let backup: BackupRun | null = null;
    if (!backupRunning(this.core) && backupDue(readBackupSettings(this.core.db), readBackupState(this.core.db), this.core.now())) {
      backup = await performBackup(this.core, 'schedule');
      recordScheduledBackup(this.core, backup);
      if (!backup.ok) console.error(`[backup] ${backup.error}`);
    }
    return { backup, retention };
  }

  private retentionDue(): boolean {
    const last = readLastRetention(this.core.db);
    return last === null || witaDay(last.at) !== witaDay(this.core.now());
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const run = this.tick().catch((error: unknown) => console.error('[maintenance] failed', error));
      this.current = run;
      void run.finally(() => {
        this.current = null;
        this.schedule(this.tickMs);
      });
    }, ms);
    this.timer.unref();
  }
}
