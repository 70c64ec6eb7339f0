import { createHash, randomBytes } from 'node:crypto';
import { isDiskFull } from '../../errors';
import type { Db } from '../db';

/** An officer's login lasts while used; after this much idle time it ends. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

// Only the hash is stored: a copied database file holds no usable session.
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const sessionQueries = (db: Db) => ({
  create(officerId: number, now: number): string {
    const token = randomBytes(32).toString('base64url');
    db.prepare('INSERT INTO sessions (token_hash, officer_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      hashToken(token),
      officerId,
      now,
      now,
      now + SESSION_IDLE_MS,
    );
    return token;
  },
  /** The officer of a live session, sliding its expiry forward; null if unknown or expired. */
  touch(token: string, now: number): number | null {
    const hash = hashToken(token);
    const row = db.prepare('SELECT officer_id, expires_at, last_seen_at FROM sessions WHERE token_hash = ?').get(hash) as
      { officer_id: number; expires_at: number; last_seen_at: number } | undefined;
    if (!row) return null;
    if (row.expires_at <= now) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
      return null;
    }
    // Write at most once a minute: reads must not turn into a write per call.
    if (now - row.last_seen_at > 60_000) {
      try {
        db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(now, now + SESSION_IDLE_MS, hash);
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
  deleteForOfficer(officerId: number): void {
    db.prepare('DELETE FROM sessions WHERE officer_id = ?').run(officerId);
  },
});
