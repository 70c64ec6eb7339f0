/**
 * The Telegram channel: the bot token (checked with getMe before it is saved), its status,
 * and where a requester is in the bot's intake dialogue.
 */
import type { ChannelStatusView } from './events';
import type { RequirementName } from './workflow';

export interface TelegramSettingsView {
  /** Only whether a token is stored; the token itself never leaves the core. */
  hasToken: boolean;
  botId: string | null;
  botUsername: string | null;
}

export interface TelegramIntakeView {
  /** 'intake': a question is being asked; 'feedback': waiting for rating feedback text. */
  mode: 'idle' | 'intake' | 'feedback';
  /** The requirement being asked, or null. */
  step: RequirementName | null;
  /** True while the requester corrects one answer (/ubah). */
  correcting: boolean;
  updatedAt: number;
}

export interface TelegramMethods {
  'telegram.getSettings': { input: Record<string, never>; output: TelegramSettingsView };
  /** Checks the token with getMe (invalid → invalid_input, unreachable → channel_unavailable), saves it, restarts polling. */
  'telegram.saveToken': { input: { token: string }; output: TelegramSettingsView };
  /** Forgets the token and stops the bot. */
  'telegram.removeToken': { input: Record<string, never>; output: TelegramSettingsView };
  'telegram.status': { input: Record<string, never>; output: ChannelStatusView | null };
  /** Reconnect now (after "token tidak valid" or instead of waiting for the next retry). */
  'telegram.reconnect': { input: Record<string, never>; output: ChannelStatusView | null };
  /** The bot dialogue of the conversation's requester (null: never talked to the bot). */
  'telegram.intake': { input: { conversationId: number }; output: TelegramIntakeView | null };
}
