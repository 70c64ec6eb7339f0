import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ConversationSummary, InboxFilter, InboxSort } from '../../src-preload/contract';
import { api } from '../api/client';

const PAGE_SIZE = 100;

interface PageCache {
  key: string;
  pages: Map<number, ConversationSummary[]>;
  loading: Set<number>;
}

const freshCache = (key: string): PageCache => ({ key, pages: new Map(), loading: new Set() });

export interface InboxPages {
  /** Null until the first page answered. */
  total: number | null;
  error: string | null;
  /** The row at an index, or undefined while its page loads. */
  rowAt(index: number): ConversationSummary | undefined;
  /** The list shows rows start..end: fetch the pages they fall in. */
  showRange(start: number, end: number): void;
  /** Something changed: refetch the pages on screen and forget the rest. */
  refresh(): void;
}

/**
 * The inbox as pages of `inbox.list` fetched on demand, so a list of 100,000 conversations
 * costs only the pages on screen. A new filter or sort starts a new cache.
 */
export function useInboxPages(filter: InboxFilter, sort: InboxSort): InboxPages {
  const key = JSON.stringify([filter, sort]);
  const cache = useRef<PageCache>(freshCache(key));
  const visible = useRef<[number, number]>([0, 0]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const loadPage = useCallback(
    async (index: number, force: boolean) => {
      const c = cache.current;
      if (!force && (c.pages.has(index) || c.loading.has(index))) return;
      c.loading.add(index);
      const result = await api.call('inbox.list', { filter, sort, offset: index * PAGE_SIZE, limit: PAGE_SIZE });
      if (cache.current !== c) return; // the filter changed while this page was on its way
      c.loading.delete(index);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(null);
      c.pages.set(index, result.value.items);
      setTotal(result.value.total);
      rerender();
    },
    // `key` stands for filter and sort, which are fresh objects on every render.
    [key],
  );

  const pagesIn = (start: number, end: number): number[] => {
    const pages: number[] = [];
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end) / PAGE_SIZE); p++) pages.push(p);
    return pages;
  };

  useEffect(() => {
    // The old total stays until the new first page answers, so the list keeps its place and
    // shows placeholder rows instead of collapsing to a spinner.
    cache.current = freshCache(key);
    visible.current = [0, 0];
    setError(null);
    void loadPage(0, false);
  }, [key, loadPage]);

  const showRange = useCallback(
    (start: number, end: number) => {
      visible.current = [start, end];
      for (const page of pagesIn(start, end)) void loadPage(page, false);
    },
    [loadPage],
  );

  const refresh = useCallback(() => {
    const [start, end] = visible.current;
    const onScreen = new Set(pagesIn(start, end));
    const c = cache.current;
    for (const page of [...c.pages.keys()]) if (!onScreen.has(page)) c.pages.delete(page);
    for (const page of onScreen) void loadPage(page, true);
  }, [loadPage]);

  const rowAt = (index: number) => cache.current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return { total, error, rowAt, showRange, refresh };
}
