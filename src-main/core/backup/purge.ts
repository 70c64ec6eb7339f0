import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupPurgeView } from '../../../src-preload/contract';
import { witaText } from '../calendar/wita-text';
import { anonymiseRequesters } from '../privacy/anonymise';
import { pendingBlobDeletes } from '../privacy/blobs';
import { requestersWithPersonalData } from '../privacy/retention';
import type { CoreServices } from '../services';
import { openDatabase } from '../store/db';
import { listBackups } from './create';
import { sha256File, tableCounts } from './digest';
import type { BackupManifest } from './manifest';
import { DATABASE_FILE, MANIFEST_FILE } from './names';
import { verifyBackup } from './restore';

const WORK = '.purging';
const OLD = '.before-purge';

/**
 * Removes requesters' personal data from every backup in the folder, the way the erase removes it
 * from the live store: each backup is rebuilt beside itself (its database copied, anonymised,
 * vacuumed; its remaining attachments linked), verified like a fresh backup, and only then swapped
 * in. A backup that did not verify before is left alone and reported, never "repaired". A crash
 * leaves either the old backup or the new one under the name, and the next purge tidies the rest.
 */
export async function purgeRequestersFromBackups(core: CoreServices, folder: string, requesterIds: readonly number[]): Promise<BackupPurgeView> {
  await tidyInterrupted(folder);
  const result: BackupPurgeView = { rewritten: [], unchanged: [], failed: [] };
  for (const { name } of await listBackups(folder)) {
    const path = join(folder, name);
    try {
      const manifest = await verifyBackup(path);
      const rebuilt = await rebuild(core, path, manifest, requesterIds);
      if (rebuilt === null) result.unchanged.push(name);
      else {
        await swapIn(path, rebuilt);
        result.rewritten.push(name);
      }
    } catch (error) {
      console.error(`[backup] purging ${name} failed`, error);
      await rm(path + WORK, { recursive: true, force: true }).catch(() => undefined);
      result.failed.push(name);
    }
  }
  return result;
}

/** The purged copy of one backup in <path>.purging, verified; null when the backup holds none of them. */
async function rebuild(core: CoreServices, path: string, manifest: BackupManifest, requesterIds: readonly number[]): Promise<string | null> {
  const work = path + WORK;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const dbFile = join(work, DATABASE_FILE);
  await copyFile(join(path, DATABASE_FILE), dbFile);
  // An older backup is brought to this version's schema (a restore would do the same).
  const db = openDatabase(dbFile);
  let tables: Record<string, number>;
  let gone: Set<string>;
  try {
    const present = requestersWithPersonalData(db, requesterIds);
    if (present.length === 0) {
      db.close();
      await rm(work, { recursive: true, force: true });
      return null;
    }
    const copy: CoreServices = { ...core, db };
    db.transaction(() => anonymiseRequesters(copy, present))();
    gone = new Set(pendingBlobDeletes(copy).filter((sha) => db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').get(sha) === undefined));
    db.prepare("DELETE FROM settings WHERE key = 'privacy.pendingBlobDeletes'").run();
    db.exec('VACUUM');
    // Self-contained again, like a fresh backup: no -wal beside it.
    db.pragma('journal_mode = DELETE');
    tables = tableCounts(db);
  } finally {
    if (db.open) db.close();
  }

  const files: BackupManifest['files'] = [{ path: DATABASE_FILE, size: (await stat(dbFile)).size, sha256: await sha256File(dbFile) }];
  for (const f of manifest.files) {
    if (f.path === DATABASE_FILE || gone.has(f.path.slice(f.path.lastIndexOf('/') + 1))) continue;
    const target = join(work, ...f.path.split('/'));
    await mkdir(join(target, '..'), { recursive: true });
    // Attachment files never change (named by their hash): a hard link costs no space on the medium.
    await link(join(path, ...f.path.split('/')), target).catch(() => copyFile(join(path, ...f.path.split('/')), target));
    files.push(f);
  }
  const purgedAt = core.now();
  const next: BackupManifest = {
    ...manifest,
    tables,
    files,
    missingAttachments: manifest.missingAttachments.filter((sha) => !gone.has(sha)),
    purges: [...(manifest.purges ?? []), { at: purgedAt, atWita: witaText(purgedAt), requesters: requesterIds.length }],
  };
  await writeFile(join(work, MANIFEST_FILE), JSON.stringify(next, null, 2));
  await verifyBackup(work);
  return work;
}

async function swapIn(path: string, rebuilt: string): Promise<void> {
  await rename(path, path + OLD);
  await rename(rebuilt, path);
  await rm(path + OLD, { recursive: true, force: true });
}

/** After a crash mid-purge: a half-built copy goes; a backup caught between the two renames comes back. */
async function tidyInterrupted(folder: string): Promise<void> {
  for (const entry of await readdir(folder)) {
    if (entry.endsWith(WORK)) await rm(join(folder, entry), { recursive: true, force: true });
    if (entry.endsWith(OLD)) {
      const name = entry.slice(0, -OLD.length);
      const current = await stat(join(folder, name)).catch(() => null);
      if (current) await rm(join(folder, entry), { recursive: true, force: true });
      else await rename(join(folder, entry), join(folder, name));
    }
  }
}
