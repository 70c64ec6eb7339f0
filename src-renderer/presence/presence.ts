import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { PresenceView } from '../../src-preload/contract';
import { api } from '../api/client';
import { usePstEvent } from '../api/use-event';

/** Well inside the core's 45 s: a console that is open never drops off the others' screens. */
const HEARTBEAT_MS = 15_000;
/** No key for this long: no longer typing. */
const TYPING_IDLE_MS = 5_000;

interface PresenceState {
  board: PresenceView[];
  /** The consultation open in this console, and whether its officer is typing there. */
  here: { conversationId: number | null; typing: boolean };
  setBoard(board: PresenceView[]): void;
}

export const usePresence = create<PresenceState>((set) => ({
  board: [],
  here: { conversationId: null, typing: false },
  setBoard: (board) => set({ board }),
}));

async function report(conversationId: number | null, typing: boolean): Promise<void> {
  usePresence.setState({ here: { conversationId, typing } });
  const result = await api.call('presence.set', { conversationId, typing });
  if (result.ok) usePresence.getState().setBoard(result.value);
}

let idle: ReturnType<typeof setTimeout> | undefined;
/** A key in the composer: "typing" now, and not after a few quiet seconds. Only changes are sent. */
export function reportTyping(): void {
  const { here } = usePresence.getState();
  if (here.conversationId === null) return;
  clearTimeout(idle);
  idle = setTimeout(() => {
    const now = usePresence.getState().here;
    if (now.typing) void report(now.conversationId, false);
  }, TYPING_IDLE_MS);
  if (!here.typing) void report(here.conversationId, true);
}

/** The board kept current for the whole console: once at start, then from every push event. */
export function usePresenceBoard(): void {
  const setBoard = usePresence((s) => s.setBoard);
  const pushes = useRef(0);
  useEffect(() => {
    // After the inbox's own calls: who else is where can wait a moment, the first rows cannot.
    const later = setTimeout(() => {
      const before = pushes.current;
      // A push that came while the answer was on its way is newer than the answer: it stays.
      void api.call('presence.list', {}).then((r) => r.ok && pushes.current === before && setBoard(r.value));
    }, 300);
    return () => clearTimeout(later);
  }, [setBoard]);
  usePstEvent('presence.changed', (payload) => {
    pushes.current++;
    setBoard(payload.presence);
  });
}

/** Tells the other consoles this one has `conversationId` open, while it stays open. */
export function usePresenceHere(conversationId: number | null): void {
  useEffect(() => {
    // Nothing open and nothing said yet: there is nothing to take back.
    if (conversationId === null) return;
    void report(conversationId, false);
    const beat = setInterval(() => void report(conversationId, usePresence.getState().here.typing), HEARTBEAT_MS);
    return () => {
      clearInterval(beat);
      clearTimeout(idle);
      // Moving to another consultation reports that one instead (it replaces this): a separate
      // "none" could overtake it on the wire and hide the officer until the next heartbeat.
      setTimeout(() => {
        if (usePresence.getState().here.conversationId === conversationId) void report(null, false);
      }, 0);
    };
  }, [conversationId]);
}

/** The other officers in a consultation, from the board (not this officer themself). */
export function othersIn(board: PresenceView[], conversationId: number, myId: number | undefined): PresenceView[] {
  return board.filter((p) => p.conversationId === conversationId && p.officerId !== myId);
}
