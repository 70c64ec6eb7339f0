import type { EventBus } from '../events';
import type { Db } from './db';

/** Messages indexed per transaction: about 20 ms of work, so the console stays responsive meanwhile. */
const CHUNK = 1_000;
/** How long the stream of new messages must pause before the indexer runs (a sync stores a batch every few tens of ms). */
const QUIET_MS = 300;

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
const prepare = (db: Db) => ({
  upto: db.prepare('SELECT indexed_upto FROM search_index_state').pluck(),
  top: db.prepare('SELECT coalesce(max(id), 0) FROM messages').pluck(),
  index: db.prepare('INSERT INTO messages_fts(rowid, body_text) SELECT id, body_text FROM messages WHERE id > ? AND id <= ? ORDER BY id'),
  advance: db.prepare('UPDATE search_index_state SET indexed_upto = ?'),
});
const stmts = (db: Db) => {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
};

/** Messages stored but not yet in the word index. */
export function messagesAwaitingIndex(db: Db): boolean {
  const s = stmts(db);
  return (s.top.get() as number) > (s.upto.get() as number);
}

/** Indexes the next chunk of waiting messages, in one transaction with the new mark. Returns whether more wait. */
export function indexNextMessages(db: Db, chunk = CHUNK): boolean {
  const s = stmts(db);
  return db.transaction(() => {
    const upto = s.upto.get() as number;
    const top = s.top.get() as number;
    if (top <= upto) return false;
    const next = Math.min(top, upto + chunk);
    s.index.run(upto, next);
    s.advance.run(next);
    return next < top;
  })();
}

/** Indexes every waiting message (a search runs this first: it must find everything stored). */
export function indexAllMessages(db: Db): void {
  while (indexNextMessages(db));
}

/**
 * Keeps the word index caught up in the background: when new messages stop arriving for a moment,
 * it indexes them a chunk at a time, yielding to the event loop between chunks.
 */
export class SearchIndexer {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  /** When the last new message was heard of. */
  private lastNewsAt = 0;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
  ) {}

  start(): void {
    this.unsubscribe ??= this.events.subscribe((event) => {
      if (event === 'message.changed' || event === 'inbox.changed') this.soon();
    });
    // Whatever a crash or the last session left waiting.
    this.soon();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * A first sync brings tens of thousands of messages: each only notes the time, and the one timer
   * waits on until the flow has been quiet for QUIET_MS (a timer reset per message was measurable).
   */
  private soon(): void {
    this.lastNewsAt = performance.now();
    this.timer ??= this.after(QUIET_MS, () => this.whenQuiet());
  }

  private whenQuiet(): void {
    const quietFor = performance.now() - this.lastNewsAt;
    if (quietFor < QUIET_MS) this.timer = this.after(QUIET_MS - quietFor, () => this.whenQuiet());
    else this.step();
  }

  private step(): void {
    this.timer = null;
    if (!this.unsubscribe || !this.db.open) return;
    try {
      if (!indexNextMessages(this.db)) return;
    } catch (error) {
      // A busy or full disk: the next message or search tries again.
      console.error('[search-index] indexing failed', error);
      return;
    }
    this.timer = this.after(0, () => this.step());
  }

  private after(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(run, ms);
    timer.unref();
    return timer;
  }
}
