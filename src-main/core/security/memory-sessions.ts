import { randomBytes } from 'node:crypto';
import { SESSION_IDLE_MS } from '../store/queries/sessions';

/**
 * Logins made while the disk was full, when no session row could be written: kept in this
 * process only, with the same idle timeout. They end with the process; an officer then logs in
 * again, by which time there is room for a real session.
 */
export class MemorySessions {
  private readonly sessions = new Map<string, { officerId: number; expiresAt: number }>();

  create(officerId: number, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { officerId, expiresAt: now + SESSION_IDLE_MS });
    return token;
  }

  /** The officer of a live session; `slide` extends its expiry (use, not a heartbeat). */
  officerOf(token: string, now: number, slide: boolean): number | null {
    const session = this.sessions.get(token);
    if (!session) return null;
    if (session.expiresAt <= now) {
      this.sessions.delete(token);
      return null;
    }
    if (slide) session.expiresAt = now + SESSION_IDLE_MS;
    return session.officerId;
  }

  delete(token: string): void {
    this.sessions.delete(token);
  }

  deleteForOfficer(officerId: number): void {
    for (const [token, session] of this.sessions) if (session.officerId === officerId) this.sessions.delete(token);
  }
}
