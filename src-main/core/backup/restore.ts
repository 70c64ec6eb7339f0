import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion } from '../store/migrate';
import { migrations } from '../store/migrations';
import { sha256File, tableCounts } from './digest';
import { isManifest, type BackupManifest } from './manifest';
import { DATABASE_FILE, MANIFEST_FILE } from './names';

/** A refused or failed restore; the message is Indonesian, then English. */
export class RestoreError extends Error {
  override name = 'RestoreError';
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
    throw new RestoreError(`Bukan folder cadangan PST Console (manifest.json tidak ada atau rusak): ${backupFolder} / not a PST Console backup folder`);
  }
  if (!isManifest(manifest)) throw new RestoreError('manifest.json tidak dikenali / unrecognised manifest.json');
  const supported = latestVersion(migrations);
  if (manifest.schemaVersion > supported) {
    throw new RestoreError(
      `Cadangan ini dibuat oleh PST Console yang lebih baru (skema ${manifest.schemaVersion}; versi ini sampai ${supported}). Perbarui aplikasi dahulu. / ` +
        `This backup comes from a newer PST Console (schema ${manifest.schemaVersion}, this build supports ${supported}); update the application first.`,
    );
  }
  if (!manifest.files.some((f) => f.path === DATABASE_FILE)) throw new RestoreError('Cadangan tidak berisi basis data / the backup has no database');
  const problems: string[] = [];
  for (const f of manifest.files) {
    if (!SAFE_PATH.test(f.path)) {
      problems.push(`${f.path}: nama berkas tidak sah / invalid path`);
      continue;
    }
    const file = join(backupFolder, ...f.path.split('/'));
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) problems.push(`${f.path}: tidak ada / missing`);
    else if (info.size !== f.size) problems.push(`${f.path}: ukuran ${info.size} ≠ ${f.size} / size differs`);
    else if ((await sha256File(file)) !== f.sha256) problems.push(`${f.path}: isi berubah (sha256 berbeda) / content changed (sha256 differs)`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ') + (problems.length > 10 ? `; … (${problems.length - 10} lagi / more)` : '');
    throw new RestoreError(`Cadangan rusak, pemulihan dibatalkan / the backup is damaged, nothing was restored: ${shown}`);
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
    throw new RestoreError(`Folder tujuan tidak dapat dibaca / cannot read the target folder: ${error.message}`);
  });
  if (existing.length > 0) {
    throw new RestoreError(
      `Folder tujuan tidak kosong: ${targetDataDir}. Hentikan konsol, ganti nama folder data lama, lalu pulihkan ke folder kosong. / ` +
        'The target folder is not empty: stop the console, rename the old data folder and restore into an empty one.',
    );
  }
  await mkdir(targetDataDir, { recursive: true });
  try {
    for (const f of manifest.files) {
      const target = join(targetDataDir, ...f.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(backupFolder, ...f.path.split('/')), target);
      if ((await sha256File(target)) !== f.sha256) throw new RestoreError(`Salinan ${f.path} berbeda dari cadangan / the copy of ${f.path} differs`);
    }
    await mkdir(join(targetDataDir, 'attachments'), { recursive: true });
    const removedSecrets = checkRestoredDatabase(join(targetDataDir, DATABASE_FILE), manifest);
    return { manifest, filesCopied: manifest.files.length, removedSecrets };
  } catch (error) {
    // The folder was empty: leave it empty rather than half restored.
    for (const name of await readdir(targetDataDir).catch(() => [])) await rm(join(targetDataDir, name), { recursive: true, force: true });
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`Pemulihan gagal / the restore failed: ${(error as Error).message}`);
  }
}

function checkRestoredDatabase(file: string, manifest: BackupManifest): string[] {
  const db = new Database(file);
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new RestoreError('Basis data hasil pemulihan tidak utuh / the restored database failed integrity_check');
    const counts = tableCounts(db);
    const differing = Object.keys({ ...manifest.tables, ...counts }).filter((t) => counts[t] !== manifest.tables[t]);
    if (differing.length > 0) throw new RestoreError(`Jumlah baris berbeda dari manifest / row counts differ from the manifest: ${differing.join(', ')}`);
    const secrets = db.prepare('SELECT key FROM secrets ORDER BY key').pluck().all() as string[];
    db.prepare('DELETE FROM secrets').run();
    return secrets;
  } finally {
    db.close();
  }
}
