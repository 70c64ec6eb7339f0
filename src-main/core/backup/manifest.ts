/** What a backup folder holds, written last (manifest.json) and checked before any restore. */
export interface BackupManifest {
  format: 'pst-console-backup';
  formatVersion: 1;
  appVersion: string;
  /** PRAGMA user_version of the database in the backup. */
  schemaVersion: number;
  createdAt: number;
  createdAtWita: string;
  /** Rows per table at the snapshot instant. */
  tables: Record<string, number>;
  /** Every file of the backup but this manifest, paths relative to the backup folder with '/'. */
  files: { path: string; size: number; sha256: string }[];
  /** Referenced by the snapshot but absent from the data folder when the backup ran. */
  missingAttachments: string[];
  /**
   * Always false: secret.key (or Electron's safeStorage) stays on the PC. A backup on a USB disk
   * with the key beside the ciphertext would hand the bot token and mail password to whoever finds
   * it; the restore drops the stored secrets and asks the admin to enter them again.
   */
  secretsIncluded: false;
  /** Requesters' personal data removed from this backup afterwards (an erasure reaching the backups). */
  purges?: { at: number; atWita: string; requesters: number }[];
}

export const isManifest = (value: unknown): value is BackupManifest => {
  const m = value as Partial<BackupManifest> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === 'pst-console-backup' &&
    m.formatVersion === 1 &&
    typeof m.schemaVersion === 'number' &&
    typeof m.createdAt === 'number' &&
    typeof m.tables === 'object' &&
    Array.isArray(m.files) &&
    m.files.every((f) => typeof f.path === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string')
  );
};
