import { AppError } from '../core/errors';
import type { SecretCipher } from '../core/security/secrets';

/** The parts of Electron's safeStorage this cipher uses (DPAPI on Windows). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` is a hard-coded key, i.e. no protection at all. */
  getSelectedStorageBackend?(): string;
}

/**
 * First byte of every blob, so a secret written by the other host's cipher (KeyFileCipher uses
 * 0x01) is recognised and reported instead of decrypted into garbage.
 */
const FORMAT = 0x45;

export const SECRET_STORAGE_UNAVAILABLE =
  'Penyimpanan rahasia sistem operasi tidak tersedia, jadi rahasia (token bot, kata sandi surel) tidak disimpan. ' +
  'Masuk ke Windows dengan akun pengguna biasa lalu coba lagi. / The OS secret storage is unavailable; secrets are not stored.';

/** Secrets at rest through the OS (Electron safeStorage): refuses to store anything it cannot protect. */
export class SafeStorageCipher implements SecretCipher {
  readonly kind = 'safestorage';

  constructor(
    private readonly storage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  available(): boolean {
    if (!this.storage.isEncryptionAvailable()) return false;
    return !(this.platform === 'linux' && this.storage.getSelectedStorageBackend?.() === 'basic_text');
  }

  encrypt(plain: string): Buffer {
    if (!this.available()) throw new AppError('internal', SECRET_STORAGE_UNAVAILABLE);
    return Buffer.concat([Buffer.from([FORMAT]), this.storage.encryptString(plain)]);
  }

  decrypt(blob: Buffer): string {
    if (blob[0] !== FORMAT) {
      throw new AppError(
        'internal',
        'Rahasia ini disimpan oleh host lain (peramban) dan tidak dapat dibaca di sini; masukkan ulang. / Secret stored by another host; enter it again.',
      );
    }
    if (!this.available()) throw new AppError('internal', SECRET_STORAGE_UNAVAILABLE);
    return this.storage.decryptString(blob.subarray(1));
  }
}
