/**
 * Push events from the core to the renderer, and the channel status they carry.
 */
import type { Channel, CoreMessage } from './base';
import type { PresenceView } from './conversations';

export interface PushEvents {
  /** Something in the inbox list changed (new conversation, status, assignment). */
  'inbox.changed': { conversationIds: number[] };
  /** Who has which consultation open, and who is typing: the whole (small) board each time. */
  'presence.changed': { presence: PresenceView[] };
  /** A message was added or its delivery state changed. */
  'message.changed': { conversationId: number; messageId: number };
  /** A channel connector's state, shown to the officer. */
  /** The data folder's disk became full, or has room again. */
  'storage.status': StorageStatus;
  /** The office-network service started, stopped or changed (admin's Pengaturan › Beberapa PC). */
  'lan.changed': Record<string, never>;
  /** The service calendar was edited (hours, days, a decree list): its warnings may have changed. */
  'calendar.changed': Record<string, never>;
  'channel.status': {
    channel: Channel;
    account: string;
    state: 'connected' | 'syncing' | 'idle' | 'auth_failed' | 'offline' | 'disabled';
    /** Why it is in that state (the bot's name when connected); empty when there is nothing to say. */
    detail: CoreMessage[];
    nextRetryAt: number | null;
    /**
     * Since when the channel has not completed its work (a Telegram poll); null or absent while it
     * does. The outage bar counts from it, so a channel that flips between states still shows one.
     */
    stalledSince?: number | null;
  };
}

export type EventName = keyof PushEvents;

/** Whether the data folder's disk had no room for a write (a bar shows above every page while it lasts). */
export interface StorageStatus {
  full: boolean;
  /** When a write first failed for room; null when not full. */
  since: number | null;
  freeBytes: number | null;
  /** The data folder, whose disk needs room. */
  folder: string;
}

export type ChannelStatusView = PushEvents['channel.status'] & { updatedAt: number };
