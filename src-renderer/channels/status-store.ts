import { useEffect } from 'react';
import { create } from 'zustand';
import type { ChannelStatusView } from '../../src-preload/contract';
import { api } from '../api/client';

export type LiveChannel = 'email' | 'telegram';
/** `since` is when the current state began: the alert's grace period counts from it. */
export type ShownStatus = ChannelStatusView & { since: number };

interface ChannelStatusState {
  statuses: Partial<Record<LiveChannel, ShownStatus>>;
  /** A status from the core (a push event, a load, a reconnect's answer); null: the connector is not running. */
  set(channel: LiveChannel, status: ChannelStatusView | null): void;
}

export const useChannelStatusStore = create<ChannelStatusState>((set) => ({
  statuses: {},
  set(channel, status) {
    set(({ statuses }) => {
      if (!status) return { statuses: { ...statuses, [channel]: undefined } };
      // "since" survives updates of the same trouble, so the grace period is not restarted.
      const previous = statuses[channel];
      const since = previous && previous.state === status.state ? previous.since : Date.now();
      return { statuses: { ...statuses, [channel]: { ...status, since } } };
    });
  },
}));

const isLive = (channel: string): channel is LiveChannel => channel === 'email' || channel === 'telegram';

// One subscription and one load for however many components show a status; the last to go ends it.
let users = 0;
let stop: (() => void) | null = null;
// A push event newer than a load's answer wins: the load only fills a channel nothing has reported yet.
const pushed = new Set<LiveChannel>();

function start(): () => void {
  const { set } = useChannelStatusStore.getState();
  pushed.clear();
  const off = api.on('channel.status', (e) => {
    if (!isLive(e.channel)) return;
    pushed.add(e.channel);
    set(e.channel, { ...e, updatedAt: Date.now() });
  });
  for (const channel of ['email', 'telegram'] as const) {
    void api.call(`${channel}.status`, {}).then((r) => {
      if (r.ok && !pushed.has(channel)) set(channel, r.value);
    });
  }
  return off;
}

/** Keeps the statuses current while the calling component is mounted. */
function useChannelStatusFeed(): void {
  useEffect(() => {
    if (users++ === 0) stop = start();
    return () => {
      if (--users === 0) {
        stop?.();
        stop = null;
      }
    };
  }, []);
}

export function useChannelStatuses(): Partial<Record<LiveChannel, ShownStatus>> {
  useChannelStatusFeed();
  return useChannelStatusStore((s) => s.statuses);
}

export function useChannelStatus(channel: LiveChannel): ShownStatus | null {
  useChannelStatusFeed();
  return useChannelStatusStore((s) => s.statuses[channel] ?? null);
}

/** "Sambungkan ulang": the core answers with the new status, shown at once. */
export async function reconnectChannel(channel: LiveChannel): Promise<void> {
  const r = await api.call(`${channel}.reconnect`, {});
  if (r.ok) useChannelStatusStore.getState().set(channel, r.value);
}
