/**
 * Composer drafts, kept in the core per officer per conversation (any PC, survives a restart);
 * sending or noting clears one. Saving a draft is not audited (it is not a decision; the send is).
 */

export type DraftMode = 'reply' | 'note';

export interface DraftView {
  body: string;
  mode: DraftMode;
  updatedAt: number;
}

export interface DraftsMethods {
  /** The calling officer's draft for this conversation, or null. */
  'drafts.get': { input: { conversationId: number }; output: DraftView | null };
  /** Saves the calling officer's draft (at most 20,000 characters); a blank body deletes it (output null). */
  'drafts.save': { input: { conversationId: number; body: string; mode?: DraftMode }; output: DraftView | null };
}
