/**
 * Requesters (pengguna layanan) across channels: their record, history, merge and search.
 */
import type { Channel } from './base';
import type { ConversationSummary } from './conversations';

export interface RequesterView {
  id: number;
  name: string | null;
  institution: string | null;
  occupation: string | null;
  email: string | null;
  whatsapp: string | null;
  telegramUsername: string | null;
  unreachable: boolean;
}

export interface RequesterFieldsInput {
  name?: string | null;
  institution?: string | null;
  occupation?: string | null;
  email?: string | null;
  /** 08…, 628…, +62…; stored as +62…. */
  whatsapp?: string | null;
}

export interface RequesterMergeResult {
  requester: RequesterView;
  movedConversations: number;
}

/** A requester found by the merge picker, with their latest consultation for recognition. */
export interface RequesterSearchHit extends RequesterView {
  conversations: number;
  /** Their most recent consultation (what the inbox search opens for a requester). */
  latestConversationId: number | null;
  latestTicket: string | null;
  latestChannel: Channel | null;
  latestMessageAt: number | null;
}

export interface RequestersMethods {
  'requesters.get': { input: { id: number }; output: RequesterView };
  /** Every consultation of one requester on every channel, newest first. */
  'requesters.conversations': { input: { requesterId: number }; output: ConversationSummary[] };
  /** Two records of one person become one (keepId stays). */
  'requesters.merge': { input: { keepId: number; mergeId: number }; output: RequesterMergeResult };
  /**
   * Requesters whose name, institution, email, WhatsApp number, Telegram username or channel address
   * contains the query (at least 2 characters); at most `limit` (≤ 50, default 20), merged records
   * and `exceptId` left out, names starting with the query first, then the most recently active.
   */
  'requesters.search': { input: { query: string; limit?: number; exceptId?: number }; output: RequesterSearchHit[] };
}
