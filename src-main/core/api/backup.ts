import { randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { BackupPurgeView, BackupStatusView } from '../../../src-preload/contract';
import { listBackups } from '../backup/create';
import { purgeRequestersFromBackups } from '../backup/purge';
import { backupRunning, performBackup, whileBackupFolderBusy } from '../backup/run';
import { isTimeOfDay, nextBackupAt } from '../backup/schedule';
import { readBackupSettings, readBackupState, recordBackupRun, writeBackupSettings } from '../backup/settings';
import { invalidInput, notFound } from '../errors';
import type { CoreServices } from '../services';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, id } from './schemas';

const folderAvailable = (folder: string | null): boolean => {
  if (folder === null) return false;
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
};

async function status(core: CoreServices): Promise<BackupStatusView> {
  const settings = readBackupSettings(core.db);
  const state = readBackupState(core.db);
  const available = folderAvailable(settings.folder);
  return {
    settings,
    last: state.last,
    lastSuccessAt: state.lastSuccessAt,
    nextAt: nextBackupAt(settings, state, core.now()),
    running: backupRunning(core),
    folderAvailable: available,
    backups: available && settings.folder !== null ? await listBackups(settings.folder) : [],
  };
}

/** A chosen folder must be there and writable now: a typo must not wait for the first failed night. */
function checkWritableFolder(folder: string): void {
  if (!isAbsolute(folder)) throw invalidInput({ code: 'backup.folder_not_absolute' });
  if (!folderAvailable(folder)) throw invalidInput({ code: 'backup.folder_missing', params: { folder } });
  const probe = join(folder, `.pst-write-test-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (error) {
    // The officer sees the error code (EACCES, EROFS…); the OS's own sentence goes to the log.
    console.error('[backup] folder not writable', folder, error);
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    throw invalidInput({ code: 'backup.folder_not_writable', params: { folder, code } });
  }
}

export const backupHandlers = {
  'backup.status': query<'backup.status'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => status(core),
  }),

  /** The copy runs in prepare (async, outside the transaction); run records the outcome with the audit row. */
  'backup.run': mutation<'backup.run', Awaited<ReturnType<typeof performBackup>>>({
    access: 'admin',
    input: empty,
    prepare: (_input, { core }) => performBackup(core, 'manual'),
    run: (_input, { core }, outcome) => {
      recordBackupRun(core.db, outcome);
      return outcome;
    },
    audit: (_input, out) => ({ entityType: 'backup', entityId: out.path, detail: { ok: out.ok, error: out.error, sizeBytes: out.sizeBytes } }),
  }),

  /** The rewrite runs in prepare (files, outside the transaction); run only returns it with the audit row. */
  'backup.purgeRequester': mutation<'backup.purgeRequester', BackupPurgeView>({
    access: 'admin',
    input: z.strictObject({ requesterId: id }),
    prepare: async (input, { core }) => {
      if (core.db.prepare('SELECT 1 FROM requesters WHERE id = ?').get(input.requesterId) === undefined) throw notFound({ code: 'requesters.not_found' });
      const { folder } = readBackupSettings(core.db);
      if (folder === null || !folderAvailable(folder)) throw invalidInput({ code: 'backup.folder_missing', params: { folder: folder ?? '-' } });
      return whileBackupFolderBusy(core, () => purgeRequestersFromBackups(core, folder, [input.requesterId]));
    },
    run: (_input, _ctx, outcome) => outcome,
    audit: (input, out) => ({
      entityType: 'requester',
      entityId: input.requesterId,
      detail: { rewritten: out.rewritten.length, unchanged: out.unchanged.length, failed: out.failed },
    }),
  }),

  'backup.getSettings': query<'backup.getSettings'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => readBackupSettings(core.db),
  }),

  'backup.saveSettings': mutation<'backup.saveSettings'>({
    access: 'admin',
    input: z.strictObject({
      folder: z.string().trim().min(1).max(500).nullable().optional(),
      time: z.string().refine(isTimeOfDay, 'Jam harus berformat JJ:MM, mis. 15:45').optional(),
      keep: z.number().int().min(1).max(365).optional(),
    }),
    prepare: async (input) => {
      if (input.folder) checkWritableFolder(input.folder);
    },
    run: (input, { core }) => writeBackupSettings(core.db, input, core.now()),
    audit: (input) => ({ entityType: 'settings', entityId: 'backup', detail: input }),
  }),
} satisfies HandlerMap;
