import { create } from 'zustand';
import type { Channel, ConversationStatus, InboxFilter, InboxSort } from '../../src-preload/contract';

export const STATUSES: readonly ConversationStatus[] = ['new', 'awaiting_requirements', 'in_progress', 'waiting_requester', 'resolved', 'rated'];
export const CHANNELS: readonly Channel[] = ['telegram', 'email', 'whatsapp', 'manual'];

interface InboxState {
  statuses: ConversationStatus[];
  channel: Channel | null;
  mine: boolean;
  overdue: boolean;
  sort: InboxSort;
  /** The submitted search; empty shows the list. */
  query: string;
  selectedId: number | null;
  setStatuses(statuses: ConversationStatus[]): void;
  setChannel(channel: Channel | null): void;
  toggleMine(): void;
  toggleOverdue(): void;
  setSort(sort: InboxSort): void;
  setQuery(query: string): void;
  select(id: number | null): void;
  clearFilters(): void;
}

export const useInbox = create<InboxState>((set) => ({
  statuses: [],
  channel: null,
  mine: false,
  overdue: false,
  sort: 'due',
  query: '',
  selectedId: null,
  setStatuses: (statuses) => set({ statuses }),
  setChannel: (channel) => set({ channel }),
  toggleMine: () => set((s) => ({ mine: !s.mine })),
  toggleOverdue: () => set((s) => ({ overdue: !s.overdue })),
  setSort: (sort) => set({ sort }),
  setQuery: (query) => set({ query: query.trim() }),
  select: (selectedId) => set({ selectedId }),
  clearFilters: () => set({ statuses: [], channel: null, mine: false, overdue: false }),
}));

/** The contract's filter from the store; only what is set, so an empty filter is `{}`. */
export function toInboxFilter(s: Pick<InboxState, 'statuses' | 'channel' | 'mine' | 'overdue'>): InboxFilter {
  const filter: InboxFilter = {};
  if (s.statuses.length > 0) filter.status = [...s.statuses];
  if (s.channel) filter.channel = s.channel;
  if (s.mine) filter.mine = true;
  if (s.overdue) filter.overdue = true;
  return filter;
}

export const hasFilters = (s: Pick<InboxState, 'statuses' | 'channel' | 'mine' | 'overdue'>): boolean =>
  s.statuses.length > 0 || s.channel !== null || s.mine || s.overdue;
