import type { Migration } from '../migrate';

/**
 * An officer whose password the admin reset signs in with a one-time password and must choose
 * their own before anything else: the admin then never knows a password that stays in use.
 */
export const m0007: Migration = {
  version: 7,
  name: 'password-change',
  up(db) {
    db.exec('ALTER TABLE officers ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))');
  },
};
