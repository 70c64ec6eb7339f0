import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

describe('migration 0007 password-change', () => {
  it('adds must_change_password, off for every existing officer, and accepts only 0 or 1', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 6);
    db.prepare("INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (1, 'ayu', 'Ayu', 'admin', 'x', 1)").run();
    expect(migrate(db, migrations, 7)).toBe(7);
    expect(db.prepare('SELECT username, must_change_password FROM officers').all()).toEqual([{ username: 'ayu', must_change_password: 0 }]);
    expect(() => db.prepare('UPDATE officers SET must_change_password = 2 WHERE id = 1').run()).toThrow(/CHECK/);
    db.prepare('UPDATE officers SET must_change_password = 1 WHERE id = 1').run();
    expect(db.prepare('SELECT must_change_password FROM officers').pluck().get()).toBe(1);
  });
});
