import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Temp file names: unique per process and thread without asking the random source for each file. */
let tempCount = 0;

export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Attachment content, addressed by its sha256 under <dataDir>/attachments/ab/abcdef…; the same
 * file received twice is stored once. The original name and MIME type live in the database, so
 * no requester-chosen name ever becomes a path.
 */
export class AttachmentStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
    this.removeLeftoverTemps();
  }

  /** Temp files of writes a crash interrupted (put() removes its own on a failure). */
  private removeLeftoverTemps(): void {
    for (const dir of readdirSync(this.root, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const name of readdirSync(join(this.root, dir.name))) if (name.endsWith('.tmp')) rmSync(join(this.root, dir.name, name), { force: true });
    }
  }

  pathOf(sha256: string): string {
    return blobPath(this.root, sha256);
  }

  /** Writes atomically (temp file + rename) so a crash never leaves a half file under the hash. */
  put(content: Buffer): StoredBlob {
    return putBlob(this.root, content);
  }

  has(sha256: string): boolean {
    return hasBlob(this.root, sha256);
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }
}

function blobPath(root: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
  return join(root, sha256.slice(0, 2), sha256);
}

function hasBlob(root: string, sha256: string): boolean {
  try {
    return statSync(blobPath(root, sha256)).isFile();
  } catch {
    return false;
  }
}

/**
 * AttachmentStore.put without the store object: the mail parse worker writes the files of the mail
 * it parses (writes are idempotent and atomic, so two threads writing one hash is harmless).
 */
export function putBlob(root: string, content: Uint8Array): StoredBlob {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const target = blobPath(root, sha256);
  if (!hasBlob(root, sha256)) {
    const temp = `${target}.${process.pid}-${threadId}-${++tempCount}.tmp`;
    try {
      try {
        writeFileSync(temp, content);
      } catch (error) {
        // The hash's folder is made with its first file (a mkdir before every write was measurable).
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
        writeFileSync(temp, content);
      }
      renameSync(temp, target);
    } catch (error) {
      // A write that failed (a full disk) must not leave its partial file using the space left.
      rmSync(temp, { force: true });
      throw error;
    }
  }
  return { sha256, size: content.length };
}
