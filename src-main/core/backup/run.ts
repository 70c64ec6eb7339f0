import { AppError } from '../errors';
import type { CoreServices } from '../services';
import { auditQueries } from '../store/queries/audit';
import { BackupError, createBackup } from './create';
import { readBackupSettings, recordBackupRun, type BackupRun } from './settings';

const running = new WeakSet<CoreServices>();

export const backupRunning = (core: CoreServices): boolean => running.has(core);

/** One backup to the configured folder; never throws for a failed backup (it is the result). */
export async function performBackup(core: CoreServices, trigger: BackupRun['trigger']): Promise<BackupRun> {
  if (running.has(core)) throw new AppError('conflict', { code: 'backup.running' });
  const settings = readBackupSettings(core.db);
  const at = core.now();
  if (settings.folder === null) return { at, ok: false, trigger, path: null, sizeBytes: null, durationMs: 0, error: 'Folder cadangan belum dipilih' };
  running.add(core);
  const started = Date.now();
  try {
    const result = await createBackup(core, settings.folder, { keep: settings.keep });
    return { at, ok: true, trigger, path: result.path, sizeBytes: result.sizeBytes, durationMs: Date.now() - started, error: null };
  } catch (error) {
    const message = error instanceof BackupError ? error.message : `Pencadangan gagal: ${(error as Error).message}`;
    if (!(error instanceof BackupError)) console.error('[backup] failed', error);
    return { at, ok: false, trigger, path: null, sizeBytes: null, durationMs: Date.now() - started, error: message };
  } finally {
    running.delete(core);
  }
}

/** Runs `work` on the backup folder while no backup runs (and none starts meanwhile). */
export async function whileBackupFolderBusy<T>(core: CoreServices, work: () => Promise<T>): Promise<T> {
  if (running.has(core)) throw new AppError('conflict', { code: 'backup.running' });
  running.add(core);
  try {
    return await work();
  } finally {
    running.delete(core);
  }
}

/** Keeps the outcome for the status view; the API records manual runs inside its audited transaction. */
export function recordScheduledBackup(core: CoreServices, run: BackupRun): void {
  core.db.transaction(() => {
    recordBackupRun(core.db, run);
    auditQueries(core.db).write({
      at: core.now(),
      officerId: null,
      action: 'backup.scheduled',
      entityType: 'backup',
      entityId: run.path,
      detail: { ok: run.ok, error: run.error, sizeBytes: run.sizeBytes },
    });
  })();
}
