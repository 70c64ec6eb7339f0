import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Writes atomically (temp file + rename) so a crash never leaves a half file under the hash. */
  put(content: Buffer): StoredBlob {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    if (!this.has(sha256)) {
      mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        writeFileSync(temp, content);
        renameSync(temp, target);
      } catch (error) {
        // A write that failed (a full disk) must not leave its partial file using the space left.
        rmSync(temp, { force: true });
        throw error;
      }
    }
    return { sha256, size: content.length };
  }

  has(sha256: string): boolean {
    try {
      return statSync(this.pathOf(sha256)).isFile();
    } catch {
      return false;
    }
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }
}
