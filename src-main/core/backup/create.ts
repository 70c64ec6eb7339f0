import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { holdBlobs, releaseBlobs } from '../privacy/blobs';
import type { CoreServices } from '../services';
import { sha256File, tableCounts } from './digest';
import type { BackupManifest } from './manifest';
import { witaText } from '../calendar/wita-text';
import { BACKUP_NAME, backupName, DATABASE_FILE, MANIFEST_FILE } from './names';

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
  sizeBytes: number;
  /** Older backups removed to keep the configured number. */
  pruned: string[];
}

export interface BackupOptions {
  /** How many backups to keep in the folder (default 7). */
  keep?: number;
  /** Called synchronously at the snapshot instant (tests compare the live data at that moment). */
  onSnapshot?: () => void;
}

/**
 * A consistent online backup while the console keeps working: SQLite's backup API copies the
 * database page by page between other work (our own connection's writes during the copy land in
 * the copy too), then the attachment files the snapshot references (immutable, content-addressed),
 * then a manifest with row counts and the sha256 of every file. Written to <name>.partial and
 * renamed only after it verified, so an unplugged USB disk never leaves a backup that looks whole.
 */
export async function createBackup(core: CoreServices, folder: string, options: BackupOptions = {}): Promise<BackupResult> {
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory())
    throw new BackupError(`Folder cadangan tidak ditemukan atau tidak dapat dibuka: ${folder} (apakah disk USB/jaringan terpasang?)`);
  const createdAt = core.now();
  const name = await freeName(folder, backupName(createdAt));
  const partial = join(folder, `${name}.partial`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(join(partial, 'attachments'), { recursive: true });
  holdBlobs(core);
  try {
    const dbFile = join(partial, DATABASE_FILE);
    await core.db.backup(dbFile);
    // Nothing else ran between the last page and here: these are the snapshot's counts.
    const liveCounts = tableCounts(core.db);
    options.onSnapshot?.();
    const { schemaVersion, shas } = verifyDatabase(dbFile, liveCounts);

    const files: BackupManifest['files'] = [];
    const missingAttachments: string[] = [];
    for (const sha of shas) {
      const rel = `attachments/${sha.slice(0, 2)}/${sha}`;
      if (!core.attachments.has(sha)) {
        missingAttachments.push(sha);
        continue;
      }
      await mkdir(join(partial, 'attachments', sha.slice(0, 2)), { recursive: true });
      const target = join(partial, rel);
      await copyFile(core.attachments.pathOf(sha), target);
      // Read back from the backup medium: the name is the content's hash.
      if ((await sha256File(target)) !== sha) throw new BackupError(`Lampiran ${sha.slice(0, 12)}… rusak di data konsol atau gagal disalin ke folder cadangan`);
      files.push({ path: rel, size: (await stat(target)).size, sha256: sha });
    }
    files.unshift({ path: DATABASE_FILE, size: (await stat(dbFile)).size, sha256: await sha256File(dbFile) });

    const manifest: BackupManifest = {
      format: 'pst-console-backup',
      formatVersion: 1,
      appVersion: core.version,
      schemaVersion,
      createdAt,
      createdAtWita: witaText(createdAt),
      tables: liveCounts,
      files,
      missingAttachments,
      secretsIncluded: false,
    };
    await writeFile(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    const path = join(folder, name);
    await rename(partial, path);
    const pruned = await pruneBackups(folder, options.keep ?? 7);
    return { path, manifest, sizeBytes: files.reduce((sum, f) => sum + f.size, 0), pruned };
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Pencadangan gagal: ${(error as Error).message}`);
  } finally {
    releaseBlobs(core);
  }
}

/**
 * Opens the copy on its own: a self-contained file (rollback journal, no -wal beside it), intact,
 * with the same rows per table as the live database at the snapshot. Returns its attachments.
 */
function verifyDatabase(file: string, expected: Record<string, number>): { schemaVersion: number; shas: string[] } {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`Salinan basis data tidak utuh (integrity_check: ${String(integrity)})`);
    const counts = tableCounts(copy);
    const differing = Object.keys({ ...expected, ...counts }).filter((t) => counts[t] !== expected[t]);
    if (differing.length > 0) throw new BackupError(`Jumlah baris salinan berbeda dari data konsol pada tabel: ${differing.join(', ')}`);
    const shas = (copy.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').pluck().all() as string[]).filter((s) => /^[0-9a-f]{64}$/.test(s));
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, shas };
  } finally {
    copy.close();
  }
}

async function freeName(folder: string, base: string): Promise<string> {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (!(await stat(join(folder, name)).catch(() => null))) return name;
  }
}

/** Keeps the newest `keep` complete backups (names sort by time); leftovers of a crash go too. */
export async function pruneBackups(folder: string, keep: number): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const complete: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !BACKUP_NAME.test(e.name)) continue;
    if (await stat(join(folder, e.name, MANIFEST_FILE)).catch(() => null)) complete.push(e.name);
  }
  complete.sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
  const old = complete.slice(Math.max(1, keep));
  for (const name of old) await rm(join(folder, name), { recursive: true, force: true });
  return old;
}

/** PST-Backup-20261101-1545-2 after PST-Backup-20261101-1545. */
const sortKey = (name: string): string => {
  const [, stamp = '', n = '1'] = /^PST-Backup-(\d{8}-\d{4})(?:-(\d+))?$/.exec(name) ?? [];
  return `${stamp}-${n.padStart(4, '0')}`;
};

/** Complete backups in a folder, newest first (for the status view). */
export async function listBackups(folder: string): Promise<{ name: string; createdAt: number; sizeBytes: number }[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const found: { name: string; createdAt: number; sizeBytes: number }[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !BACKUP_NAME.test(e.name)) continue;
    try {
      const m = JSON.parse(await readFile(join(folder, e.name, MANIFEST_FILE), 'utf8')) as BackupManifest;
      found.push({ name: e.name, createdAt: m.createdAt, sizeBytes: m.files.reduce((s, f) => s + f.size, 0) });
    } catch {
      // Not a complete backup.
    }
  }
  return found.sort((a, b) => sortKey(b.name).localeCompare(sortKey(a.name)));
}
