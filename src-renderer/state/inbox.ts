import { create } from 'zustand';
import type { Channel, ConversationStatus, InboxFilter, InboxQueue, InboxSort } from '../../src-preload/contract';

export const STATUSES: readonly ConversationStatus[] = ['new', 'awaiting_requirements', 'in_progress', 'waiting_requester', 'resolved', 'rated'];
export const CHANNELS: readonly Channel[] = ['telegram', 'email', 'whatsapp', 'manual'];
/** The work queue's chips, in the order an officer reads them. */
export const QUEUES: readonly InboxQueue[] = ['todo', 'new', 'unread', 'overdue', 'due_today', 'waiting', 'mine', 'unassigned'];

interface InboxState {
  /** A view of the work queue, or null for every consultation (then the status filter applies). */
  queue: InboxQueue | null;
  statuses: ConversationStatus[];
  channel: Channel | null;
  sort: InboxSort;
  /** The submitted search; empty shows the list. */
  query: string;
  selectedId: number | null;
  setQueue(queue: InboxQueue | null): void;
  setStatuses(statuses: ConversationStatus[]): void;
  setChannel(channel: Channel | null): void;
  setSort(sort: InboxSort): void;
  setQuery(query: string): void;
  select(id: number | null): void;
  clearFilters(): void;
}

export const useInbox = create<InboxState>((set) => ({
  // The console opens on what needs doing, unread and new first.
  queue: 'todo',
  statuses: [],
  channel: null,
  sort: 'queue',
  query: '',
  selectedId: null,
  // A chip and a status choice are two ways of picking the list: taking one drops the other.
  setQueue: (queue) => set((s) => ({ queue, statuses: [], sort: queue === null && s.sort === 'queue' ? 'due' : s.sort })),
  setStatuses: (statuses) => set((s) => ({ statuses, queue: statuses.length > 0 ? null : s.queue, sort: s.sort === 'queue' ? 'due' : s.sort })),
  setChannel: (channel) => set({ channel }),
  setSort: (sort) => set({ sort }),
  setQuery: (query) => set({ query: query.trim() }),
  select: (selectedId) => set({ selectedId }),
  clearFilters: () => set({ queue: 'todo', statuses: [], channel: null, sort: 'queue' }),
}));

/** The contract's filter from the store; only what is set, so an empty filter is `{}`. */
export function toInboxFilter(s: Pick<InboxState, 'queue' | 'statuses' | 'channel'>): InboxFilter {
  const filter: InboxFilter = {};
  if (s.queue) filter.queue = s.queue;
  if (s.statuses.length > 0) filter.status = [...s.statuses];
  if (s.channel) filter.channel = s.channel;
  return filter;
}

/** Narrowed beyond the default view: the empty list offers to go back to it. */
export const hasFilters = (s: Pick<InboxState, 'queue' | 'statuses' | 'channel'>): boolean => s.queue !== 'todo' || s.statuses.length > 0 || s.channel !== null;
