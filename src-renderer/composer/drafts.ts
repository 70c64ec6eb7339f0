import type { DraftMode, DraftView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useHostLink } from '../api/host-link';

export type ComposerMode = DraftMode;

export interface Draft {
  text: string;
  mode: ComposerMode;
}

/** How long typing must pause before the draft is saved in the core. */
const SAVE_DELAY_MS = 600;

/** `local`: the host is unreachable, the text waits on this PC and is saved when it is back. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'local';

// The core keeps drafts (per officer, any PC). This PC keeps only what the core has not yet
// acknowledged, so text typed in the last moment before a reload, crash or closed window is not
// lost: it is sent on the next open, unless the officer saved a newer draft elsewhere meanwhile.
interface Unacknowledged extends Draft {
  /** The core's updatedAt this edit continued from (null: there was no draft). */
  base: number | null;
}

const pendingKey = (officerId: number, conversationId: number) => `pst.draftPending.${officerId}.${conversationId}`;
/** Before drafts moved to the core: one per conversation on this PC, of whoever was logged in. */
const LEGACY_PREFIX = 'pst.draft.';

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function forget(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage refused: nothing to forget.
  }
}

function asDraft(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Draft>;
  return typeof v.text === 'string' ? { text: v.text, mode: v.mode === 'note' ? 'note' : 'reply' } : null;
}

function readUnacknowledged(officerId: number, conversationId: number): Unacknowledged | null {
  const value = readJson(pendingKey(officerId, conversationId));
  const draft = asDraft(value);
  if (!draft) return null;
  const base = (value as { base?: unknown }).base;
  return { ...draft, base: typeof base === 'number' ? base : null };
}

function writeUnacknowledged(officerId: number, conversationId: number, value: Unacknowledged): void {
  try {
    localStorage.setItem(pendingKey(officerId, conversationId), JSON.stringify(value));
  } catch {
    // Storage full or refused: the core still gets the draft after the pause.
  }
}

let legacyMigration: Promise<void> | null = null;

/**
 * Once per page: drafts this PC kept before they moved to the core go to the logged-in officer
 * (unless they already have one there), then leave this PC. Kept when the core cannot be reached.
 */
function migrateLegacyDrafts(): Promise<void> {
  legacyMigration ??= (async () => {
    const keys: string[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && /^pst\.draft\.\d+$/.test(key)) keys.push(key);
      }
    } catch {
      return;
    }
    for (const key of keys) {
      const conversationId = Number(key.slice(LEGACY_PREFIX.length));
      const draft = asDraft(readJson(key));
      const existing = await api.call('drafts.get', { conversationId });
      if (!existing.ok) {
        if (existing.error.kind === 'not_found') forget(key);
        continue;
      }
      if (existing.value === null && draft && draft.text.trim() !== '') {
        const saved = await api.call('drafts.save', { conversationId, body: draft.text, mode: draft.mode });
        if (!saved.ok) continue;
      }
      forget(key);
    }
  })();
  return legacyMigration;
}

const BLANK: Draft = { text: '', mode: 'reply' };

/** Two drafts the core would store alike (blank text is no draft at all). */
const same = (a: Draft, b: Draft) => (a.text.trim() === '' && b.text.trim() === '') || (a.text === b.text && a.mode === b.mode);

export interface LoadedDraft {
  /** What the composer shows. */
  draft: Draft;
  /** What the core holds; when it differs from `draft`, this PC had newer text to save. */
  saved: Draft;
  /** The core's updatedAt, the base for the next save. */
  base: number | null;
}

/** The officer's draft from the core, or this PC's unacknowledged newer text for it. */
export async function loadDraft(officerId: number, conversationId: number): Promise<LoadedDraft> {
  await migrateLegacyDrafts();
  const result = await api.call('drafts.get', { conversationId });
  const local = readUnacknowledged(officerId, conversationId);
  const text = (d: Unacknowledged): Draft => ({ text: d.text, mode: d.mode });
  if (!result.ok) return { draft: local ? text(local) : BLANK, saved: BLANK, base: local?.base ?? null };
  const server: DraftView | null = result.value;
  const saved = server ? { text: server.body, mode: server.mode } : BLANK;
  const base = server?.updatedAt ?? null;
  if (local && local.base === base) return { draft: text(local), saved, base };
  if (local) forget(pendingKey(officerId, conversationId)); // saved elsewhere since: the core's is newer
  return { draft: saved, saved, base };
}

/**
 * Saves one conversation's draft for one officer: after a pause in typing, on demand (switching
 * conversation, leaving the page), one request at a time so an older text never lands last.
 */
export class DraftSaver {
  private latest: Draft;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private paused = false;

  constructor(
    private readonly officerId: number,
    private readonly conversationId: number,
    private base: number | null,
    /** What the core holds now. */
    private saved: Draft,
    private readonly onState: (state: SaveState) => void,
  ) {
    this.latest = saved;
  }

  /** Marks text as unsaved (on this PC at once) and saves it after the pause in typing. */
  change(draft: Draft): void {
    this.latest = draft;
    if (same(draft, this.saved)) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      forget(pendingKey(this.officerId, this.conversationId));
      return;
    }
    writeUnacknowledged(this.officerId, this.conversationId, { ...draft, base: this.base });
    if (this.paused) return;
    this.onState('idle');
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Saves now what is unsaved; resolves when the core has answered. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.chain = this.chain.then(() => this.saveLatest());
    return this.chain;
  }

  /** Before sending: no save may start, and any running one has finished. */
  async hold(): Promise<void> {
    this.paused = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }

  /** After a send: the core cleared the draft in the same step. */
  sent(mode: ComposerMode): void {
    this.base = null;
    this.latest = this.saved = { text: '', mode };
    forget(pendingKey(this.officerId, this.conversationId));
    this.paused = false;
    this.onState('idle');
  }

  /** After a failed send: the text is still a draft. */
  release(): void {
    this.paused = false;
    this.change(this.latest);
  }

  private async saveLatest(): Promise<void> {
    const draft = this.latest;
    if (same(draft, this.saved)) return;
    this.onState('saving');
    const result = await api.call('drafts.save', { conversationId: this.conversationId, body: draft.text, mode: draft.mode });
    if (!result.ok) {
      this.onState(useHostLink.getState().reachable ? 'failed' : 'local');
      return;
    }
    this.saved = draft;
    this.base = result.value?.updatedAt ?? null;
    if (this.latest === draft) {
      forget(pendingKey(this.officerId, this.conversationId));
      this.onState(result.value ? 'saved' : 'idle');
    } else {
      // Typed on while saving: the next save follows this one.
      writeUnacknowledged(this.officerId, this.conversationId, { ...this.latest, base: this.base });
    }
  }
}
