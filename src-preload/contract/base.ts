/**
 * The vocabulary of DESIGN §2 and the error shape every method answers with (DESIGN §3).
 */

/**
 * The ONE typed API between the console's core and its renderer (DESIGN §3).
 *
 * Types only: both hosts (Electron IPC and the browser host's HTTP) carry exactly these
 * methods and events, and the renderer imports nothing else from the main side.
 * Times are milliseconds since the Unix epoch (UTC); the renderer shows them in WITA.
 */
export type Channel = 'telegram' | 'email' | 'manual';

export type Role = 'officer' | 'supervisor' | 'admin';

export type ConversationStatus =
  | 'new'
  | 'awaiting_requirements'
  | 'in_progress'
  | 'waiting_requester'
  | 'resolved'
  | 'rated';

export type MessageDirection = 'incoming' | 'outgoing' | 'note' | 'activity';

export type DeliveryState = 'pending' | 'sent' | 'failed';

export type HostKind = 'electron' | 'browser';

export type Language = 'id' | 'en';

/** The fixed set of error kinds that cross the bridge (DESIGN §3). */
export type ErrorKind =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'channel_unavailable'
  | 'internal';

export interface ApiError {
  kind: ErrorKind;
  message: string;
  /** For invalid_input: which fields were wrong and why. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
