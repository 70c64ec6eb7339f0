import { createHash, randomBytes } from 'node:crypto';
import { isDiskFull } from '../../errors';
import type { Db } from '../db';

/** An officer's login on this PC lasts while used; after this much idle time it ends. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

// Only the hash is stored: a copied database file holds no usable session. The hash is also the
// session's id in the admin's list: it cannot be turned back into the token.
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionOrigin {
  /** The other PC's address; absent for this PC (its window or its loopback browser). */
  remoteAddress?: string | null;
  /** Idle time of this session; absent: SESSION_IDLE_MS. */
  idleMs?: number | null;
}

export interface SessionRow {
  id: string;
  officerId: number;
  remoteAddress: string | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

interface Row {
  token_hash: string;
  officer_id: number;
  remote_address: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  idle_ms: number | null;
}

export const sessionQueries = (db: Db) => ({
  create(officerId: number, now: number, origin: SessionOrigin = {}): string {
    const token = randomBytes(32).toString('base64url');
    const idleMs = origin.idleMs ?? null;
    db.prepare('INSERT INTO sessions (token_hash, officer_id, created_at, last_seen_at, expires_at, remote_address, idle_ms) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      hashToken(token),
      officerId,
      now,
      now,
      now + (idleMs ?? SESSION_IDLE_MS),
      origin.remoteAddress ?? null,
      idleMs,
    );
    return token;
  },
  /** The officer of a live session, sliding its expiry forward; null if unknown or expired. */
  touch(token: string, now: number): number | null {
    const hash = hashToken(token);
    const row = db.prepare('SELECT officer_id, expires_at, last_seen_at, idle_ms FROM sessions WHERE token_hash = ?').get(hash) as
      Pick<Row, 'officer_id' | 'expires_at' | 'last_seen_at' | 'idle_ms'> | undefined;
    if (!row) return null;
    if (row.expires_at <= now) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
      return null;
    }
    // Write at most once a minute (sooner for a short idle time): reads must not turn into a write per call.
    const idleMs = row.idle_ms ?? SESSION_IDLE_MS;
    if (now - row.last_seen_at > Math.min(60_000, idleMs / 4)) {
      try {
        db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(now, now + idleMs, hash);
      } catch (error) {
        // On a full disk the session still works for reading; it slides again once there is room.
        if (!isDiskFull(error)) throw error;
      }
    }
    return row.officer_id;
  },
  /** The officer of a live session without sliding its expiry (an open event stream is not use). */
  peek(token: string, now: number): number | null {
    const row = db.prepare('SELECT officer_id, expires_at FROM sessions WHERE token_hash = ?').get(hashToken(token)) as
      { officer_id: number; expires_at: number } | undefined;
    return row && row.expires_at > now ? row.officer_id : null;
  },
  delete(token: string): void {
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  },
  deleteById(id: string): boolean {
    return db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(id).changes > 0;
  },
  deleteForOfficer(officerId: number): void {
    db.prepare('DELETE FROM sessions WHERE officer_id = ?').run(officerId);
  },
  /** Ends every session opened from another PC; returns their ids. */
  deleteRemote(): string[] {
    return db.prepare('DELETE FROM sessions WHERE remote_address IS NOT NULL RETURNING token_hash').pluck().all() as string[];
  },
  /** Sessions not expired at `now`, newest use first. */
  live(now: number): SessionRow[] {
    const rows = db.prepare('SELECT * FROM sessions WHERE expires_at > ? ORDER BY last_seen_at DESC').all(now) as Row[];
    return rows.map((r) => ({
      id: r.token_hash,
      officerId: r.officer_id,
      remoteAddress: r.remote_address,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
    }));
  },
});
