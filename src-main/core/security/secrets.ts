import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../store/db';

/** How a host protects secrets at rest: Electron's safeStorage, or a key file in the browser host. */
export interface SecretCipher {
  readonly kind: string;
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

/** Secrets (bot token, mail passwords) live only as ciphertext in the `secrets` table. */
export class SecretStore {
  constructor(
    private readonly db: Db,
    private readonly cipher: SecretCipher,
  ) {}

  get(key: string): string | null {
    const row = this.db.prepare('SELECT ciphertext FROM secrets WHERE key = ?').get(key) as { ciphertext: Buffer } | undefined;
    return row ? this.cipher.decrypt(row.ciphertext) : null;
  }

  has(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM secrets WHERE key = ?').get(key) !== undefined;
  }

  set(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO secrets (key, ciphertext, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = excluded.updated_at',
      )
      .run(key, this.cipher.encrypt(value), Date.now());
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM secrets WHERE key = ?').run(key);
  }
}

const VERSION = 1;

/**
 * AES-256-GCM with a random key kept in a file only its owner may read (0600). Used where
 * Electron's safeStorage is absent (the browser host). Layout: version(1) | iv(12) | tag(16) | data.
 */
export class KeyFileCipher implements SecretCipher {
  readonly kind = 'keyfile';
  private readonly key: Buffer;

  constructor(keyFile: string) {
    if (!existsSync(keyFile)) {
      // On a fresh PC the data folder does not exist yet: the key is the first thing written to it.
      mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    if (process.platform !== 'win32') {
      // A key readable by others is no protection; tighten it rather than refuse to start.
      if ((statSync(keyFile).mode & 0o077) !== 0) chmodSync(keyFile, 0o600);
    }
    this.key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (this.key.length !== 32) throw new Error(`Berkas kunci rusak: ${keyFile}`);
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), data]);
  }

  decrypt(blob: Buffer): string {
    if (blob[0] !== VERSION) throw new Error('Unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, blob.subarray(1, 13));
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  }
}
