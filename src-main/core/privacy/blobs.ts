import { rmSync } from 'node:fs';
import type { CoreServices } from '../services';
import { settingsQueries } from '../store/queries/settings';

/**
 * Attachment files of erased or anonymised messages. Their sha256 values are written to the
 * settings table in the SAME transaction that removes the rows, and the files are deleted after
 * the commit: a crash in between leaves the list, which the next purge finishes, so no file of an
 * erased requester silently stays on disk. A running backup holds the files (it copies what its
 * snapshot references); the purge then waits for it.
 */
const PENDING_KEY = 'privacy.pendingBlobDeletes';

const holders = new WeakMap<CoreServices, number>();

export function holdBlobs(core: CoreServices): void {
  holders.set(core, (holders.get(core) ?? 0) + 1);
}

export function releaseBlobs(core: CoreServices): void {
  const n = (holders.get(core) ?? 1) - 1;
  if (n > 0) holders.set(core, n);
  else holders.delete(core);
  if (n <= 0) purgeBlobs(core);
}

/** Inside the caller's transaction: these files go once no attachment row names them. */
export function queueBlobDeletes(core: CoreServices, sha256s: readonly string[]): void {
  if (sha256s.length === 0) return;
  const s = settingsQueries(core.db);
  const pending = new Set(s.get<string[]>(PENDING_KEY, []));
  for (const sha of sha256s) pending.add(sha);
  s.set(PENDING_KEY, [...pending], core.now());
}

export function pendingBlobDeletes(core: CoreServices): string[] {
  return settingsQueries(core.db).get<string[]>(PENDING_KEY, []);
}

/**
 * Deletes the queued files that no attachment row references any more (content addressing: the
 * same file sent by another requester stays). Synchronous, like ingest's put-then-insert, so no
 * ingest can interleave between the check and the delete. Returns how many files were removed.
 */
export function purgeBlobs(core: CoreServices): number {
  if ((holders.get(core) ?? 0) > 0) return 0;
  const pending = pendingBlobDeletes(core);
  if (pending.length === 0) return 0;
  const referenced = core.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1');
  let removed = 0;
  for (const sha of pending) {
    if (referenced.get(sha) !== undefined || !core.attachments.has(sha)) continue;
    rmSync(core.attachments.pathOf(sha), { force: true });
    removed++;
  }
  settingsQueries(core.db).set(PENDING_KEY, [], core.now());
  return removed;
}
