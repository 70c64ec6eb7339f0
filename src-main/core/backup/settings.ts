import type { BackupRunView } from '../../../src-preload/contract';
import type { Db } from '../store/db';
import { settingsQueries } from '../store/queries/settings';

export interface BackupSettings {
  /** Where backups go (a USB disk, a network share); null = not chosen yet: no scheduled backups. */
  folder: string | null;
  /** Daily time in WITA, 'HH:MM'; after service hours (15:30) so the backup never slows officers. */
  time: string;
  /** Backups kept in the folder; older ones are removed after a verified new one. */
  keep: number;
}

/** The outcome of one backup, shown in Pengaturan › Cadangan & privasi: the contract's view, stored as it is shown. */
export type BackupRun = BackupRunView;

export const BACKUP_DEFAULTS: BackupSettings = { folder: null, time: '15:45', keep: 7 };

const KEY = {
  folder: 'backup.folder',
  time: 'backup.time',
  keep: 'backup.keep',
  /** When the folder was chosen: a schedule instant before it was never missed. */
  since: 'backup.since',
  last: 'backup.lastRun',
  lastSuccessAt: 'backup.lastSuccessAt',
} as const;

export function readBackupSettings(db: Db): BackupSettings {
  const s = settingsQueries(db);
  return { folder: s.get(KEY.folder, BACKUP_DEFAULTS.folder), time: s.get(KEY.time, BACKUP_DEFAULTS.time), keep: s.get(KEY.keep, BACKUP_DEFAULTS.keep) };
}

export function writeBackupSettings(db: Db, patch: Partial<BackupSettings>, now: number): BackupSettings {
  const s = settingsQueries(db);
  const before = readBackupSettings(db);
  if (patch.folder !== undefined) {
    s.set(KEY.folder, patch.folder, now);
    if (patch.folder !== before.folder) s.set(KEY.since, now, now);
  }
  if (patch.time !== undefined) s.set(KEY.time, patch.time, now);
  if (patch.keep !== undefined) s.set(KEY.keep, patch.keep, now);
  return readBackupSettings(db);
}

export interface BackupState {
  since: number | null;
  last: BackupRun | null;
  lastSuccessAt: number | null;
}

export function readBackupState(db: Db): BackupState {
  const s = settingsQueries(db);
  return {
    since: s.get<number | null>(KEY.since, null),
    last: s.get<BackupRun | null>(KEY.last, null),
    lastSuccessAt: s.get<number | null>(KEY.lastSuccessAt, null),
  };
}

export function recordBackupRun(db: Db, run: BackupRun): void {
  const s = settingsQueries(db);
  s.set(KEY.last, run, run.at);
  if (run.ok) s.set(KEY.lastSuccessAt, run.at, run.at);
}
