import type { CoreServices } from '../services';
import { purgeBlobs } from './blobs';

/**
 * Up to this size the whole database is rebuilt after an erase (VACUUM: a second or two for a
 * year of an office's data). Larger files keep their layout: secure_delete has already zeroed what
 * was deleted, and holding the writer for a long rebuild would stall the channels.
 */
export const VACUUM_LIMIT_BYTES = 128 * 1024 * 1024;
const RETRY_MS = 60_000;
const MAX_RETRIES = 30;

export interface ScrubResult {
  /** Attachment files deleted. */
  files: number;
  vacuumed: boolean;
  /** False when a reader (a running backup) kept the WAL; a retry is scheduled. */
  walTruncated: boolean;
}

const retries = new WeakMap<CoreServices, { timer: NodeJS.Timeout; left: number }>();

/**
 * After personal data was removed (an erase, a retention run), removes the copies SQLite keeps
 * outside the live rows: the old page images in the -wal (a TRUNCATE checkpoint empties it), and
 * free space in the main file (VACUUM when small). The attachment files queued by the erase go too.
 * Must run outside any transaction. A failure (a full disk, a busy reader) is logged and retried
 * later; the erase itself has committed and stays.
 */
export function scrubDatabaseFiles(core: CoreServices, options: { vacuumLimitBytes?: number } = {}): ScrubResult {
  const result: ScrubResult = { files: 0, vacuumed: false, walTruncated: false };
  try {
    result.files = purgeBlobs(core);
    const pageSize = core.db.pragma('page_size', { simple: true }) as number;
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    if (pageSize * pages <= (options.vacuumLimitBytes ?? VACUUM_LIMIT_BYTES)) {
      core.db.exec('VACUUM');
      result.vacuumed = true;
    }
    const [checkpoint] = core.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    result.walTruncated = checkpoint !== undefined && checkpoint.busy === 0;
  } catch (error) {
    console.error('[privacy] clearing the database files after an erase failed; will retry', error);
  }
  if (!result.walTruncated) scheduleRetry(core);
  else cancelRetry(core);
  return result;
}

function scheduleRetry(core: CoreServices): void {
  const pending = retries.get(core);
  const left = (pending?.left ?? MAX_RETRIES) - 1;
  if (pending) clearTimeout(pending.timer);
  if (left < 0) {
    retries.delete(core);
    return;
  }
  const timer = setTimeout(() => {
    if (core.db.open) scrubDatabaseFiles(core);
  }, RETRY_MS);
  timer.unref();
  retries.set(core, { timer, left });
}

function cancelRetry(core: CoreServices): void {
  const pending = retries.get(core);
  if (pending) clearTimeout(pending.timer);
  retries.delete(core);
}
