import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app';
import { AppError } from '../../src-main/core/errors';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { SafeStorageCipher, SECRET_STORAGE_UNAVAILABLE, type SafeStorageLike } from '../../src-main/electron/safe-storage-cipher';
import { tempDataDir } from '../helpers/core';

/**
 * Electron's safeStorage cannot run here; this one does real AES-GCM (the browser host's key-file
 * cipher) behind the same three calls, with a switch for "the OS keystore is unavailable".
 */
function osKeystore(dir: string, backend = 'gnome_libsecret') {
  const aes = new KeyFileCipher(join(dir, 'os.key'));
  const state = { available: true, encryptCalls: 0 };
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => state.available,
    encryptString: (plain) => {
      state.encryptCalls++;
      return aes.encrypt(plain);
    },
    decryptString: (blob) => aes.decrypt(blob),
    getSelectedStorageBackend: () => backend,
  };
  return { storage, state };
}

const temps: { cleanup(): void }[] = [];
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  temps.splice(0).forEach((t) => t.cleanup());
});

function coreWith(storage: SafeStorageLike, platform: NodeJS.Platform = 'win32') {
  const temp = tempDataDir();
  temps.push(temp);
  const core = createCore({ dataDir: temp.dir, host: 'electron', version: '0.0.0-test', cipher: new SafeStorageCipher(storage, platform) });
  cores.push(core);
  return core;
}

describe('SafeStorageCipher', () => {
  it('stores secrets only as ciphertext and reads them back', () => {
    const temp = tempDataDir();
    temps.push(temp);
    const { storage } = osKeystore(temp.dir);
    const core = coreWith(storage);
    core.services.secrets.set('telegram.botToken', '123456:ABC-rahasia');
    const raw = core.services.db.prepare('SELECT ciphertext FROM secrets WHERE key = ?').get('telegram.botToken') as { ciphertext: Buffer };
    expect(raw.ciphertext.includes(Buffer.from('rahasia'))).toBe(false);
    expect(core.services.secrets.get('telegram.botToken')).toBe('123456:ABC-rahasia');
  });

  it('refuses to store a secret when the OS keystore is unavailable, with a clear error', () => {
    const temp = tempDataDir();
    temps.push(temp);
    const { storage, state } = osKeystore(temp.dir);
    state.available = false;
    const core = coreWith(storage);
    expect(() => core.services.secrets.set('email.password', 'sandi')).toThrow(SECRET_STORAGE_UNAVAILABLE);
    expect(() => core.services.secrets.set('email.password', 'sandi')).toThrow(AppError);
    expect(state.encryptCalls).toBe(0);
    expect(core.services.secrets.has('email.password')).toBe(false);
  });

  it("treats Linux's basic_text backend (a fixed key) as unavailable", () => {
    const temp = tempDataDir();
    temps.push(temp);
    const { storage } = osKeystore(temp.dir, 'basic_text');
    expect(new SafeStorageCipher(storage, 'linux').available()).toBe(false);
    expect(new SafeStorageCipher(storage, 'win32').available()).toBe(true);
    expect(() => new SafeStorageCipher(storage, 'linux').encrypt('x')).toThrow(SECRET_STORAGE_UNAVAILABLE);
  });

  it("recognises a secret written by the browser host's cipher instead of decrypting garbage", () => {
    const temp = tempDataDir();
    temps.push(temp);
    const { storage } = osKeystore(temp.dir);
    const fromBrowserHost = new KeyFileCipher(join(temp.dir, 'secret.key')).encrypt('sandi');
    expect(() => new SafeStorageCipher(storage).decrypt(fromBrowserHost)).toThrow(/host lain/);
  });
});
