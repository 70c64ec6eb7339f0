/**
 * Backups of the database and attachments to a chosen folder (USB disk, network share), daily
 * at a WITA time and on demand; the restore is offline (npm run restore). Admin only.
 */

export interface BackupSettingsView {
  /** An absolute folder path; null = not chosen yet (no scheduled backups). */
  folder: string | null;
  /** Daily time, 'HH:MM' WITA (default 15:45, after service hours). */
  time: string;
  /** Backups kept in the folder (1–365, default 7). */
  keep: number;
}

export interface BackupRunView {
  at: number;
  ok: boolean;
  trigger: 'schedule' | 'manual';
  /** The backup folder written (PST-Backup-YYYYMMDD-HHmm). */
  path: string | null;
  sizeBytes: number | null;
  durationMs: number;
  /** Why it failed, Bahasa Indonesia. */
  error: string | null;
}

export interface BackupStatusView {
  settings: BackupSettingsView;
  last: BackupRunView | null;
  lastSuccessAt: number | null;
  /** The next scheduled run (now when one is due); null without a folder. */
  nextAt: number | null;
  running: boolean;
  /** Whether the folder can be reached now (a USB disk may be unplugged). */
  folderAvailable: boolean;
  /** Complete backups in the folder, newest first. */
  backups: { name: string; createdAt: number; sizeBytes: number }[];
}

/** What purging requesters from the backup folder did, by backup name. */
export interface BackupPurgeView {
  /** Rebuilt without the requester's data, and verified. */
  rewritten: string[];
  /** Held none of the requester's data. */
  unchanged: string[];
  /** Could not be purged (damaged before, unreadable, no room): left as they were; see the log. */
  failed: string[];
}

export interface BackupMethods {
  'backup.status': { input: Record<string, never>; output: BackupStatusView };
  /** Backs up now to the configured folder; a failure is a result with ok: false and the reason. */
  'backup.run': { input: Record<string, never>; output: BackupRunView };
  'backup.getSettings': { input: Record<string, never>; output: BackupSettingsView };
  /** The folder must exist and be writable when saved. */
  'backup.saveSettings': { input: Partial<BackupSettingsView>; output: BackupSettingsView };
  /**
   * Removes one requester's personal data from every backup in the backup folder (after or instead
   * of waiting for the old backups to rotate out); audited with the requester's id only.
   */
  'backup.purgeRequester': { input: { requesterId: number }; output: BackupPurgeView };
}
