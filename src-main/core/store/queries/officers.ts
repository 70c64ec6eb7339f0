import type { OfficerView, Role } from '../../../../src-preload/contract';
import type { Db } from '../db';

interface OfficerRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  signature: string;
  created_at: number;
  last_login_at: number | null;
  must_change_password: number;
}

export interface OfficerRecord extends OfficerView {
  passwordHash: string;
}

const toRecord = (r: OfficerRow): OfficerRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  signature: r.signature,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
  mustChangePassword: r.must_change_password === 1,
  passwordHash: r.password_hash,
});

/** The view that may leave the core: never the hash. */
export const toView = ({ passwordHash: _h, ...view }: OfficerRecord): OfficerView => view;

export const officerQueries = (db: Db) => ({
  count(): number {
    return (db.prepare('SELECT count(*) AS n FROM officers').get() as { n: number }).n;
  },
  byId(id: number): OfficerRecord | null {
    const row = db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as OfficerRow | undefined;
    return row ? toRecord(row) : null;
  },
  byUsername(username: string): OfficerRecord | null {
    const row = db.prepare('SELECT * FROM officers WHERE username = ?').get(username) as OfficerRow | undefined;
    return row ? toRecord(row) : null;
  },
  list(): OfficerView[] {
    return (db.prepare('SELECT * FROM officers ORDER BY disabled, display_name').all() as OfficerRow[]).map((r) => toView(toRecord(r)));
  },
  insert(o: { username: string; displayName: string; role: Role; passwordHash: string; now: number }): number {
    return Number(
      db
        .prepare('INSERT INTO officers (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(o.username, o.displayName, o.role, o.passwordHash, o.now).lastInsertRowid,
    );
  },
  update(
    id: number,
    fields: { displayName?: string; role?: Role; disabled?: boolean; signature?: string; passwordHash?: string; mustChangePassword?: boolean },
  ): void {
    const sets: string[] = [];
    const values: (string | number)[] = [];
    const add = (column: string, value: string | number | undefined) => {
      if (value === undefined) return;
      sets.push(`${column} = ?`);
      values.push(value);
    };
    add('display_name', fields.displayName);
    add('role', fields.role);
    add('disabled', fields.disabled === undefined ? undefined : Number(fields.disabled));
    add('signature', fields.signature);
    add('password_hash', fields.passwordHash);
    add('must_change_password', fields.mustChangePassword === undefined ? undefined : Number(fields.mustChangePassword));
    if (sets.length === 0) return;
    db.prepare(`UPDATE officers SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  },
  countActiveAdmins(): number {
    return (db.prepare("SELECT count(*) AS n FROM officers WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
  },
  recordLogin(id: number, now: number): void {
    // failed_logins and locked_until (schema 1) are no longer used: the counts live in LoginThrottle.
    db.prepare('UPDATE officers SET last_login_at = ? WHERE id = ?').run(now, id);
  },
});
