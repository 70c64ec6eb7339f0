import { wordCoreMessage } from '../../../src-common/messages';
import type { CoreMessage } from '../../../src-preload/contract';
import { bytesText } from '../../../src-common/bytes';
import { freeBytes, isDiskFull } from '../errors';
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion } from '../store/migrate';
import { migrations } from '../store/migrations';
import { sha256File, tableCounts } from './digest';
import { isManifest, type BackupManifest } from './manifest';
import { DATABASE_FILE, MANIFEST_FILE } from './names';

/** A refused or failed restore; the message is Indonesian, then English. */
/** Why a restore stopped, as a code: the restore CLI words it in Indonesian and English. */
export class RestoreError extends Error {
  override name = 'RestoreError';
  constructor(readonly reason: CoreMessage) {
    super(wordCoreMessage('id', reason));
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  filesCopied: number;
  /** Stored secrets dropped from the restored database: they were encrypted with a key that is not in the backup. */
  removedSecrets: string[];
}

/** Only the files a backup writes: the database and attachments/ab/<sha256>; never `..`. */
const SAFE_PATH = new RegExp(`^(${DATABASE_FILE.replace('.', '\\.')}|attachments/[0-9a-f]{2}/[0-9a-f]{64})$`);

/** Checks a backup without changing anything: manifest, schema, every file's size and sha256. */
export async function verifyBackup(backupFolder: string): Promise<BackupManifest> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(backupFolder, MANIFEST_FILE), 'utf8'));
  } catch {
    throw new RestoreError({ code: 'backup.not_a_backup', params: { folder: backupFolder } });
  }
  if (!isManifest(manifest)) throw new RestoreError({ code: 'backup.manifest_unknown' });
  const supported = latestVersion(migrations);
  if (manifest.schemaVersion > supported) {
    throw new RestoreError({ code: 'backup.newer_backup', params: { found: manifest.schemaVersion, supported } });
  }
  if (!manifest.files.some((f) => f.path === DATABASE_FILE)) throw new RestoreError({ code: 'backup.no_database' });
  const problems: CoreMessage[] = [];
  for (const f of manifest.files) {
    if (!SAFE_PATH.test(f.path)) {
      problems.push({ code: 'backup.file_bad_path', params: { path: f.path } });
      continue;
    }
    const file = join(backupFolder, ...f.path.split('/'));
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) problems.push({ code: 'backup.file_missing', params: { path: f.path } });
    else if (info.size !== f.size) problems.push({ code: 'backup.file_size', params: { path: f.path, size: info.size, expected: f.size } });
    else if ((await sha256File(file)) !== f.sha256) problems.push({ code: 'backup.file_changed', params: { path: f.path } });
  }
  if (problems.length > 0) {
    const shown = [
      ...problems.slice(0, 10),
      ...(problems.length > 10 ? [{ code: 'backup.more_problems' as const, params: { count: problems.length - 10 } }] : []),
    ];
    // File names and sizes read the same in both languages; the sentence around them is worded by the CLI.
    throw new RestoreError({ code: 'backup.damaged', params: { problems: shown.map((p) => wordCoreMessage('id', p)).join('; ') } });
  }
  return manifest;
}

/**
 * Offline restore into an EMPTY data folder (never over live data: the admin stops the console,
 * renames the old folder, and restores into a fresh one). Verifies everything before it copies,
 * then checks the copy again (integrity, rows per table) and drops the stored secrets, which the
 * new console could not decrypt: the admin enters the Telegram token and email password again.
 */
export async function restoreBackup(backupFolder: string, targetDataDir: string): Promise<RestoreResult> {
  const manifest = await verifyBackup(backupFolder);
  const existing = await readdir(targetDataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new RestoreError({ code: 'backup.target_unreadable', params: { code: error.code ?? error.name } });
  });
  if (existing.length > 0) throw new RestoreError({ code: 'backup.target_not_empty', params: { folder: targetDataDir } });
  await mkdir(targetDataDir, { recursive: true });
  try {
    for (const f of manifest.files) {
      const target = join(targetDataDir, ...f.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(backupFolder, ...f.path.split('/')), target);
      if ((await sha256File(target)) !== f.sha256) throw new RestoreError({ code: 'backup.copy_differs', params: { path: f.path } });
    }
    await mkdir(join(targetDataDir, 'attachments'), { recursive: true });
    const removedSecrets = checkRestoredDatabase(join(targetDataDir, DATABASE_FILE), manifest);
    return { manifest, filesCopied: manifest.files.length, removedSecrets };
  } catch (error) {
    // The folder was empty: leave it empty rather than half restored.
    for (const name of await readdir(targetDataDir).catch(() => [])) await rm(join(targetDataDir, name), { recursive: true, force: true });
    if (error instanceof RestoreError) throw error;
    console.error('[restore] failed', error);
    throw new RestoreError(
      isDiskFull(error)
        ? { code: 'error.disk_full', params: { folder: targetDataDir, free: bytesText(freeBytes(targetDataDir) ?? 0) } }
        : { code: 'backup.restore_failed', params: { code: (error as NodeJS.ErrnoException).code ?? (error as Error).name } },
    );
  }
}

function checkRestoredDatabase(file: string, manifest: BackupManifest): string[] {
  const db = new Database(file);
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new RestoreError({ code: 'backup.restored_corrupt' });
    const counts = tableCounts(db);
    const differing = Object.keys({ ...manifest.tables, ...counts }).filter((t) => counts[t] !== manifest.tables[t]);
    if (differing.length > 0) throw new RestoreError({ code: 'backup.row_counts', params: { tables: differing.join(', ') } });
    const secrets = db.prepare('SELECT key FROM secrets ORDER BY key').pluck().all() as string[];
    db.prepare('DELETE FROM secrets').run();
    return secrets;
  } finally {
    db.close();
  }
}
