import type { PresenceView } from '../../../src-preload/contract';

/** A console that stopped saying it is there (closed, asleep, off the network) drops out after this. */
export const PRESENCE_TTL_MS = 45_000;

interface Entry extends PresenceView {
  seenAt: number;
}

/**
 * Who has which consultation open, and who is typing in it, across every console signed in to this
 * core. Kept in memory only: it is the moment's state, not a record, and a restart forgets it
 * rightly. Each console says where it is every few seconds; one that stops saying drops out.
 */
export class PresenceBoard {
  /** One place per officer and console session: an officer in two windows is two entries. */
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly changed: (presence: PresenceView[]) => void,
  ) {}

  /** Where this session is now (null: no consultation open). Emits when anything others see changed. */
  set(session: string, who: { officerId: number; name: string }, conversationId: number | null, typing: boolean): void {
    const before = this.entries.get(session);
    if (conversationId === null) {
      this.entries.delete(session);
    } else {
      const since = before && before.conversationId === conversationId ? before.since : this.now();
      this.entries.set(session, { officerId: who.officerId, name: who.name, conversationId, typing, since, seenAt: this.now() });
    }
    const moved = before?.conversationId !== (conversationId ?? undefined) || before?.typing !== typing;
    if (this.dropExpired() || moved) this.changed(this.list());
  }

  /** Everyone's current place, each officer once per consultation (typing wins over only looking). */
  list(): PresenceView[] {
    this.dropExpired();
    const byKey = new Map<string, PresenceView>();
    for (const { seenAt: _seenAt, ...view } of this.entries.values()) {
      const key = `${view.officerId}:${view.conversationId}`;
      const other = byKey.get(key);
      if (!other || (view.typing && !other.typing)) byKey.set(key, view);
    }
    return [...byKey.values()].sort((a, b) => a.conversationId - b.conversationId || a.since - b.since);
  }

  private dropExpired(): boolean {
    const limit = this.now() - PRESENCE_TTL_MS;
    let dropped = false;
    for (const [session, entry] of this.entries)
      if (entry.seenAt < limit) {
        this.entries.delete(session);
        dropped = true;
      }
    return dropped;
  }
}
