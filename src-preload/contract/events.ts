/**
 * Push events from the core to the renderer, and the channel status they carry.
 */
import type { Channel, CoreMessage } from './base';

export interface PushEvents {
  /** Something in the inbox list changed (new conversation, status, assignment). */
  'inbox.changed': { conversationIds: number[] };
  /** A message was added or its delivery state changed. */
  'message.changed': { conversationId: number; messageId: number };
  /** A channel connector's state, shown to the officer. */
  'channel.status': {
    channel: Channel;
    account: string;
    state: 'connected' | 'syncing' | 'idle' | 'auth_failed' | 'offline' | 'disabled';
    /** Why it is in that state (the bot's name when connected); empty when there is nothing to say. */
    detail: CoreMessage[];
    nextRetryAt: number | null;
  };
}

export type EventName = keyof PushEvents;

export type ChannelStatusView = PushEvents['channel.status'] & { updatedAt: number };
