/**
 * The vocabulary of DESIGN §2 and the error shape every method answers with (DESIGN §3).
 */
import type { CoreMessageCode } from '../../src-common/messages/id';

export type Channel = 'telegram' | 'email' | 'manual' | 'whatsapp';

export type Role = 'officer' | 'supervisor' | 'admin';

export type ConversationStatus = 'new' | 'awaiting_requirements' | 'in_progress' | 'waiting_requester' | 'resolved' | 'rated';

export type MessageDirection = 'incoming' | 'outgoing' | 'note' | 'activity';

export type DeliveryState = 'pending' | 'sent' | 'failed';

export type HostKind = 'electron' | 'browser';

export type Language = 'id' | 'en';

/** The fixed set of error kinds that cross the bridge (DESIGN §3). */
export type ErrorKind = 'invalid_input' | 'not_found' | 'forbidden' | 'conflict' | 'channel_unavailable' | 'disk_full' | 'internal';

export interface ApiError {
  kind: ErrorKind;
  /** In Bahasa Indonesia, for whoever shows text as it is; the renderer prefers `code`. */
  message: string;
  /** What went wrong as a code the renderer words in the officer's language (src-common/messages). */
  code?: CoreMessageCode;
  params?: Record<string, string | number>;
  /** For invalid_input: which fields were wrong and why. */
  issues?: { path: string; message: string }[];
}

/**
 * Something the core tells an officer, as a code and its values: the renderer words it in the
 * officer's language (src-common/messages). Never a library's text, a URL or a secret.
 */
export interface CoreMessage {
  code: CoreMessageCode;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
