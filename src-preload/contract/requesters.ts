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

/** What a value read from a requester's mail is about, and where in the mail it was found. */
export type IdentityHintField = 'name' | 'institution' | 'occupation' | 'email' | 'whatsapp' | 'need';
export type IdentityHintSource = 'form' | 'signature' | 'introduction' | 'display_name' | 'address' | 'first_message';

export interface IdentityHintView {
  id: number;
  field: IdentityHintField;
  value: string;
  source: IdentityHintSource;
  /** The mail it was read from, and that mail's consultation (the need belongs to it). */
  messageId: number | null;
  conversationId: number | null;
  createdAt: number;
}

export interface RequesterIdentityView {
  requesterId: number;
  /** Fields filled from the requester's own answer to the acknowledgement, not yet confirmed by an officer ("dari email"). */
  fromEmail: IdentityHintView[];
  /** Values read from signatures, introductions, display names and other addresses, waiting for an officer. */
  suggestions: IdentityHintView[];
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
  /** The fields filled from mail and the suggestions read from it. */
  'requesters.identity': { input: { requesterId: number }; output: RequesterIdentityView };
  /**
   * "Terapkan" (one field or all): a suggestion's value is written to its field (an address becomes
   * one of the requester's addresses), a "dari email" field is marked confirmed. The requirements
   * check runs as for any change by an officer.
   */
  'requesters.confirmFromEmail': { input: { requesterId: number; hintIds: number[] }; output: RequesterIdentityView };
  /** Suggestions set aside; a "dari email" value dismissed is removed from its field when it is still there. */
  'requesters.dismissSuggestions': { input: { requesterId: number; hintIds: number[] }; output: RequesterIdentityView };
  /** Mail from this address belongs to the requester from now on (it was used with their ticket number). */
  'requesters.addEmailAddress': { input: { requesterId: number; address: string }; output: RequesterIdentityView };
}
