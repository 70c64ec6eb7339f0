import { useEffect } from 'react';
import { create } from 'zustand';
import type { RenderedTemplate } from '../../src-preload/contract';

/**
 * An earlier answer on its way into one conversation's composer. The panel that offers it and
 * the composer are siblings; this hand-over keeps the composer free of the panel's logic.
 */
interface DraftInsertState {
  pending: { conversationId: number; draft: RenderedTemplate; sourceConversationId: number } | null;
  offer(conversationId: number, sourceConversationId: number, draft: RenderedTemplate): void;
  take(conversationId: number): { draft: RenderedTemplate; sourceConversationId: number } | null;
}

export const useDraftInsert = create<DraftInsertState>((set, get) => ({
  pending: null,
  offer: (conversationId, sourceConversationId, draft) => set({ pending: { conversationId, sourceConversationId, draft } }),
  take(conversationId) {
    const pending = get().pending;
    if (!pending || pending.conversationId !== conversationId) return null;
    set({ pending: null });
    return pending;
  },
}));

/** For the composer: calls `apply` with each draft offered for this conversation. */
export function useIncomingDraft(conversationId: number, ready: boolean, apply: (draft: RenderedTemplate) => void): void {
  const pending = useDraftInsert((s) => s.pending);
  useEffect(() => {
    if (!ready || !pending) return;
    const taken = useDraftInsert.getState().take(conversationId);
    if (taken) apply(taken.draft);
    // `apply` is a fresh closure each render; only a new offer should run it.
  }, [pending, ready, conversationId]);
}
