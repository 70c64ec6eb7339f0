/** Backups of the database and attachments, and the offline restore (src-main/cli/restore.ts). */
export { createBackup, listBackups, pruneBackups, BackupError, type BackupOptions, type BackupResult } from './create';
export { sha256File, tableCounts, tableDigests, tableNames } from './digest';
export type { BackupManifest } from './manifest';
export { backupName, BACKUP_NAME, DATABASE_FILE, MANIFEST_FILE } from './names';
export { restoreBackup, verifyBackup, RestoreError, type RestoreResult } from './restore';
export { backupRunning, performBackup, recordScheduledBackup } from './run';
export { backupDue, isTimeOfDay, latestSlot, nextBackupAt, RETRY_AFTER_FAILURE_MS } from './schedule';
export { MaintenanceScheduler, type MaintenanceOptions } from './scheduler';
export { BACKUP_DEFAULTS, readBackupSettings, readBackupState, recordBackupRun, writeBackupSettings, type BackupRun, type BackupSettings } from './settings';
