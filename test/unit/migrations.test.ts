import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/store/db';
import { latestVersion, migrate, NewerDatabaseError, type Migration } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';
import { tempDataDir } from '../helpers/core';

const temps: { cleanup(): void }[] = [];
const tempFile = () => {
  const t = tempDataDir();
  temps.push(t);
  return join(t.dir, 'db.sqlite3');
};
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('migration runner', () => {
  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    db.close();
  });

  it('runs pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const db = new Database(tempFile());
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'fails', up: (d) => d.exec('CREATE TABLE b (x INTEGER) STRICT; SELECT * FROM missing_table') },
    ];
    expect(() => migrate(db, broken)).toThrow(/missing_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a', 'b')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer version with a clear message and leaves the file untouched', () => {
    const file = tempFile();
    const db = new Database(file);
    db.exec('CREATE TABLE future (x INTEGER)');
    db.pragma(`user_version = ${latestVersion(migrations) + 5}`);
    db.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/dibuat oleh versi PST Console yang lebih baru/);
    try {
      openDatabase(file);
    } catch (error) {
      // The hosts word the reason in both languages.
      expect((error as NewerDatabaseError).reason).toEqual({
        code: 'store.newer_database',
        params: { found: latestVersion(migrations) + 5, supported: latestVersion(migrations) },
      });
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rejects gaps in the numbering', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => {} }])).toThrow(/without gaps/);
  });

  it('is a no-op on an up-to-date database', () => {
    const file = tempFile();
    openDatabase(file).close();
    const copy = `${file}.copy`;
    copyFileSync(file, copy);
    const db = openDatabase(copy);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    db.close();
  });
});
