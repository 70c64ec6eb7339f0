/**
 * Tells the hosts that sessions were ended from the API (the admin ended one, or switched the
 * office-network service off), so each host closes those sessions' event streams at once
 * instead of at its next heartbeat. Ids are the sessions' ids (their token hashes).
 */
export class SessionEndings {
  private readonly listeners = new Set<(ids: ReadonlySet<string>) => void>();

  subscribe(listener: (ids: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ended(ids: Iterable<string>): void {
    const set = new Set(ids);
    if (set.size === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(set);
      } catch (error) {
        console.error('[sessions] a host failed to close ended sessions', error);
      }
    }
  }
}
