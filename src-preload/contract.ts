/**
 * The ONE typed API between the console's core and its renderer (DESIGN §3).
 *
 * Types only: both hosts (Electron IPC and the browser host's HTTP) carry exactly these
 * methods and events, and the renderer imports nothing else from the main side.
 * Times are milliseconds since the Unix epoch (UTC); the renderer shows them in WITA.
 */

// ---------------------------------------------------------------- vocabulary (DESIGN §2)

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

// ---------------------------------------------------------------- views

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  dataDir: string;
  schemaVersion: number;
  trainingMode: boolean;
}

export interface OfficerView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  signature: string;
  createdAt: number;
  lastLoginAt: number | null;
}

export interface AuthStatus {
  /** True until the first admin account exists: the renderer shows the first-run screen. */
  needsSetup: boolean;
  officer: OfficerView | null;
}

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

export interface ConversationSummary {
  id: number;
  ticket: string;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  requesterId: number;
  requesterName: string | null;
  institution: string | null;
  lastMessagePreview: string;
  lastMessageAt: number;
  unreadCount: number;
  assigneeId: number | null;
  assigneeName: string | null;
  slaDueAt: number | null;
  createdAt: number;
}

export interface ConversationDetail extends ConversationSummary {
  need: string | null;
  topic: string | null;
  summary: string | null;
  requirementsCompleteAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  requester: RequesterView;
}

export interface AttachmentView {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export interface MessageView {
  id: number;
  conversationId: number;
  direction: MessageDirection;
  channel: Channel;
  text: string;
  hasHtml: boolean;
  delivery: DeliveryState | null;
  failureReason: string | null;
  authorOfficerId: number | null;
  createdAt: number;
  editedAt: number | null;
  attachments: AttachmentView[];
}

export interface OutgoingAttachment {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64-encoded (at most 20 MB per file). */
  contentBase64: string;
}

export interface InboxFilter {
  status?: ConversationStatus[];
  channel?: Channel;
  mine?: boolean;
  overdue?: boolean;
}

export type InboxSort = 'due' | 'activity';

export interface InboxPage {
  items: ConversationSummary[];
  total: number;
  offset: number;
}

export interface SearchHit {
  messageId: number;
  conversationId: number;
  ticket: string;
  requesterName: string | null;
  createdAt: number;
  /** Text with each hit wrapped in \u0002 … \u0003; the renderer highlights them as text, never as HTML. */
  snippet: string;
}

export interface AuditEntry {
  id: number;
  at: number;
  officerId: number | null;
  officerName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: string | null;
}

export interface SettingsView {
  officeName: string;
  language: Language;
}

// ---------------------------------------------------------------- methods

export interface Contract {
  'app.info': { input: Record<string, never>; output: AppInfo };

  'auth.status': { input: Record<string, never>; output: AuthStatus };
  'auth.setupAdmin': {
    input: { username: string; displayName: string; password: string };
    output: OfficerView;
  };
  'auth.login': { input: { username: string; password: string }; output: OfficerView };
  'auth.logout': { input: Record<string, never>; output: null };
  'auth.changePassword': {
    input: { currentPassword: string; newPassword: string };
    output: null;
  };

  'officers.list': { input: Record<string, never>; output: OfficerView[] };
  'officers.create': {
    input: { username: string; displayName: string; role: Role; password: string };
    output: OfficerView;
  };
  'officers.update': {
    input: {
      id: number;
      displayName?: string;
      role?: Role;
      disabled?: boolean;
      signature?: string;
      password?: string;
    };
    output: OfficerView;
  };

  'inbox.list': {
    input: { filter?: InboxFilter; sort?: InboxSort; offset?: number; limit?: number };
    output: InboxPage;
  };
  'inbox.unreadCount': { input: Record<string, never>; output: { conversations: number } };
  'conversations.get': { input: { id: number }; output: ConversationDetail };
  'conversations.markRead': { input: { id: number }; output: null };
  'messages.list': {
    input: { conversationId: number; beforeId?: number; limit?: number };
    output: MessageView[];
  };
  'search.messages': { input: { query: string; limit?: number }; output: SearchHit[] };
  /** An officer's reply: recorded as pending and sent through the durable outbox. */
  'messages.send': {
    input: { conversationId: number; text: string; attachments?: OutgoingAttachment[] };
    output: MessageView;
  };
  /** A private note: kept in the timeline, never sent. */
  'messages.addNote': { input: { conversationId: number; text: string }; output: MessageView };
  /** Puts a failed outgoing message back on the outbox. */
  'messages.retry': { input: { messageId: number }; output: MessageView };

  'settings.get': { input: Record<string, never>; output: SettingsView };
  'settings.update': { input: Partial<SettingsView>; output: SettingsView };

  'audit.list': {
    input: { beforeId?: number; limit?: number };
    output: AuditEntry[];
  };
}

export type Method = keyof Contract;
export type Input<M extends Method> = Contract[M]['input'];
export type Output<M extends Method> = Contract[M]['output'];

// ---------------------------------------------------------------- push events

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
    detail: string | null;
    nextRetryAt: number | null;
  };
}

export type EventName = keyof PushEvents;

/** What the preload (Electron) or the HTTP bridge (browser host) puts on `window.pst`. */
export interface PstBridge {
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}
