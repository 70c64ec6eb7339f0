import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { tempDataDir } from '../helpers/temp';

describe('KeyFileCipher', () => {
  const temps: { cleanup(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it('creates the data folder on a fresh PC, where the key is the first thing written', () => {
    const temp = tempDataDir('pst-key-');
    temps.push(temp);
    const keyFile = join(temp.dir, 'PST Console (Latihan)', 'nested', 'secret.key');
    const cipher = new KeyFileCipher(keyFile);
    expect(existsSync(keyFile)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(cipher.decrypt(cipher.encrypt('token-rahasia'))).toBe('token-rahasia');
  });

  it('keeps an existing key: a second start decrypts what the first wrote', () => {
    const temp = tempDataDir('pst-key-');
    temps.push(temp);
    const keyFile = join(temp.dir, 'secret.key');
    const sealed = new KeyFileCipher(keyFile).encrypt('sandi');
    const before = readFileSync(keyFile, 'utf8');
    expect(new KeyFileCipher(keyFile).decrypt(sealed)).toBe('sandi');
    expect(readFileSync(keyFile, 'utf8')).toBe(before);
  });
});
