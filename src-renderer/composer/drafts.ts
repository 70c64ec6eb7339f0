export type ComposerMode = 'reply' | 'note';

export interface Draft {
  text: string;
  mode: ComposerMode;
}

const key = (conversationId: number) => `pst.draft.${conversationId}`;

/** The unsent text of one conversation, kept on this PC so a reload or a crash loses nothing. */
export function loadDraft(conversationId: number): Draft | null {
  try {
    const raw = localStorage.getItem(key(conversationId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (typeof parsed.text !== 'string') return null;
    return { text: parsed.text, mode: parsed.mode === 'note' ? 'note' : 'reply' };
  } catch {
    return null;
  }
}

export function saveDraft(conversationId: number, draft: Draft): void {
  try {
    if (draft.text.trim() === '') localStorage.removeItem(key(conversationId));
    else localStorage.setItem(key(conversationId), JSON.stringify(draft));
  } catch {
    // Storage full or refused: the draft then lives only as long as the page.
  }
}

export const clearDraft = (conversationId: number): void => {
  try {
    localStorage.removeItem(key(conversationId));
  } catch {
    // as above
  }
};
