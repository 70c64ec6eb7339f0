import { TZDate } from '@date-fns/tz';
import { SERVICE_TIME_ZONE } from '../calendar/service-calendar';
import type { BackupSettings, BackupState } from './settings';

/** After a failed scheduled backup (USB disk unplugged, share offline), try again this much later. */
export const RETRY_AFTER_FAILURE_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export const isTimeOfDay = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** The latest instant at or before `now` at the daily time (HH:MM, WITA). */
export function latestSlot(now: number, time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const local = new TZDate(now, SERVICE_TIME_ZONE);
  const today = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), h, m, SERVICE_TIME_ZONE).getTime();
  return today <= now ? today : new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, h, m, SERVICE_TIME_ZONE).getTime();
}

/**
 * Due when a daily slot passed since the folder was chosen and no backup succeeded since that
 * slot: the PC was off or asleep at 15:45 → the backup runs at the next start. After a failure it
 * waits an hour before trying again, not a minute.
 */
export function backupDue(settings: BackupSettings, state: BackupState, now: number): boolean {
  if (settings.folder === null || state.since === null) return false;
  const slot = latestSlot(now, settings.time);
  if (slot < state.since) return false;
  if (state.lastSuccessAt !== null && state.lastSuccessAt >= slot) return false;
  if (state.last !== null && !state.last.ok && state.last.at >= slot && now - state.last.at < RETRY_AFTER_FAILURE_MS) return false;
  return true;
}

/** When the scheduler will next back up (null: no folder chosen). */
export function nextBackupAt(settings: BackupSettings, state: BackupState, now: number): number | null {
  if (settings.folder === null) return null;
  if (backupDue(settings, state, now)) return now;
  const slot = latestSlot(now, settings.time);
  const failedThisSlot =
    state.last !== null && !state.last.ok && state.last.at >= slot && (state.lastSuccessAt ?? -Infinity) < slot && (state.since ?? Infinity) <= slot;
  if (failedThisSlot) return state.last!.at + RETRY_AFTER_FAILURE_MS;
  // WITA has no daylight saving: the next slot is exactly one day later.
  return slot + DAY_MS;
}
