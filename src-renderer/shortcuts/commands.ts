import { create } from 'zustand';

/** Requests from keyboard shortcuts to the components that own the action (a counter per command). */
interface Commands {
  resolve: number;
  /** The last j/k press: +1 next, -1 previous; `seq` makes repeated presses distinct. */
  move: { delta: 1 | -1; seq: number };
  help: boolean;
  /**
   * When `r` was last pressed (ms). An instant, not a counter: the composer may mount or finish
   * loading its draft just after the press (j then r), and must still take the focus then.
   */
  replyAt: number;
  requestReply(): void;
  requestMove(delta: 1 | -1): void;
  requestResolve(): void;
  setHelp(open: boolean): void;
}

export const useCommands = create<Commands>((set) => ({
  resolve: 0,
  move: { delta: 1, seq: 0 },
  help: false,
  replyAt: 0,
  requestReply: () => set({ replyAt: Date.now() }),
  requestMove: (delta) => set((s) => ({ move: { delta, seq: s.move.seq + 1 } })),
  requestResolve: () => set((s) => ({ resolve: s.resolve + 1 })),
  setHelp: (help) => set({ help }),
}));
