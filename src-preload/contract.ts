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

// ================================================================ service workflow (issue 5)
// Status machine, SLA, requirements, closure and ratings, IKM, complaints, templates, calendar.
// Declared as interface merges of the types above, so this section stands on its own.

/** Derived at read time from the service calendar (DESIGN §1). */
export type SlaState = 'none' | 'running' | 'paused' | 'due_soon' | 'overdue';
/** What the service standard asks for before the SLA clock may start. */
export type RequirementName = 'name' | 'institution' | 'email' | 'whatsapp' | 'occupation' | 'need';

export interface ConversationSummary {
  /** 'due_soon': less than one working day (7.5 h of service time) left. */
  slaState: SlaState;
  /** Service time left in ms (negative when overdue); frozen while paused; at closure once closed. */
  workingMsLeft: number | null;
  requirementsMissing: RequirementName[];
  topic: string | null;
}

export interface ConversationDetail {
  slaTargetDays: number | null;
  /** Service time the clock stood still while waiting for the requester. */
  slaPausedWorkingMs: number;
  /** From the first message to the first officer reply, in service time. */
  firstResponseWorkingMs: number | null;
  ratings: RatingView[];
}

export interface RatingView {
  id: number;
  conversationId: number;
  /** 0 for the first closure, 1 after one reopen, … */
  closure: number;
  score: number | null;
  feedback: string | null;
  /** SKM answers U1…U9 (1–4, null = blank), or null when the survey was not answered. */
  skm: (number | null)[] | null;
  source: Channel;
  enteredBy: number | null;
  createdAt: number;
}

export interface RequesterFieldsInput {
  name?: string | null;
  institution?: string | null;
  occupation?: string | null;
  email?: string | null;
  /** 08…, 628…, +62…; stored as +62…. */
  whatsapp?: string | null;
}

export interface IkmReport {
  from: number;
  to: number;
  respondents: number;
  unsur: { code: string; name: string; respondents: number; nrr: number | null }[];
  ikm: number | null;
  /** IKM × 25, rounded half-up to 2 decimals (the reported value). */
  converted: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  label: string | null;
  ratings: { count: number; withScore: number; averageScore: number | null };
}

export type ComplaintSource = 'kotak_saran' | 'formulir_online' | 'telepon' | 'telegram' | 'email' | 'langsung';
export type ComplaintStatus = 'open' | 'in_progress' | 'resolved';

export interface ComplaintView {
  id: number;
  source: ComplaintSource;
  text: string;
  contactName: string | null;
  contact: string | null;
  requesterId: number | null;
  messageId: number | null;
  status: ComplaintStatus;
  response: string | null;
  officerId: number | null;
  officerName: string | null;
  receivedAt: number;
  resolvedAt: number | null;
  createdAt: number;
}

export interface TemplateView {
  id: number;
  name: string;
  shortcut: string | null;
  body: string;
  language: Language;
  /** Set for the messages the console sends by itself (acknowledgement, …): editable, not deletable. */
  systemKey: string | null;
  updatedAt: number;
}

/** Open intervals per weekday, index 0 = Sunday … 6 = Saturday, minutes since local midnight, [from, to). */
export type ServiceHoursView = { from: number; to: number }[][];

export type NonWorkingKind = 'national' | 'cuti_bersama' | 'local';
export interface NonWorkingDayView {
  date: string;
  kind: NonWorkingKind;
  name: string;
  /** 'skb-2026', 'ics', 'manual', or 'date-holidays' for a fallback day (not editable). */
  source: string;
}

export interface CalendarStatus {
  serviceHours: ServiceHoursView;
  /** "Senin–Jumat 08.00–15.30 WITA". */
  serviceHoursText: string;
  /** Of the current and next year, those without a decree list: warn the admin. */
  yearsMissingDecree: number[];
  openNow: boolean;
  nextOpening: number;
}

export interface WorkflowSettingsView {
  slaWorkingDays: number;
  surveyEnabled: boolean;
  topics: string[];
}

export interface Contract {
  'conversations.claim': { input: { id: number }; output: ConversationDetail };
  /** Assign to an officer (a supervisor for anyone; an officer only to themselves) or unassign (null). */
  'conversations.assign': { input: { id: number; officerId: number | null }; output: ConversationDetail };
  /** Requester identity fields and/or the need; completes the requirements (starts the SLA) when all are there. */
  'conversations.updateRequirements': {
    input: { id: number; requester?: RequesterFieldsInput; need?: string | null };
    output: ConversationDetail;
  };
  /** An officer sets or unsets "requirements complete" by judgement, with a reason. */
  'conversations.setRequirementsComplete': { input: { id: number; complete: boolean; reason: string }; output: ConversationDetail };
  'conversations.waitForRequester': { input: { id: number; reason?: string }; output: ConversationDetail };
  /** Back to in_progress from waiting_requester (the requester answered by phone or in person). */
  'conversations.resume': { input: { id: number }; output: ConversationDetail };
  'conversations.resolve': { input: { id: number; summary: string; topic: string }; output: ConversationDetail };
  'conversations.reopen': { input: { id: number; reason: string }; output: ConversationDetail };

  /** A rating given by phone or in person, for the current closure. */
  'ratings.record': {
    input: { conversationId: number; score: number | null; feedback?: string; skm?: (number | null)[]; via: 'telepon' | 'langsung' };
    output: RatingView;
  };
  'ikm.compute': { input: { from: number; to: number }; output: IkmReport };

  'complaints.list': {
    input: { status?: ComplaintStatus; source?: ComplaintSource; from?: number; to?: number; offset?: number; limit?: number };
    output: { items: ComplaintView[]; total: number };
  };
  /** Logs a complaint; with messageId, promotes a channel message (source, text, contact taken from it). */
  'complaints.create': {
    input: {
      source?: ComplaintSource;
      text?: string;
      contactName?: string;
      contact?: string;
      receivedAt?: number;
      messageId?: number;
    };
    output: ComplaintView;
  };
  'complaints.update': {
    input: { id: number; status?: ComplaintStatus; response?: string | null; officerId?: number | null };
    output: ComplaintView;
  };

  'templates.list': { input: Record<string, never>; output: TemplateView[] };
  'templates.create': { input: { name: string; shortcut?: string | null; body: string; language?: Language }; output: TemplateView };
  'templates.update': {
    input: { id: number; name?: string; shortcut?: string | null; body?: string; language?: Language };
    output: TemplateView;
  };
  'templates.delete': { input: { id: number }; output: null };
  /** A template with the placeholders of one conversation filled in ({nama}, {tiket}, {jam_layanan}, …). */
  'templates.render': { input: { id: number; conversationId: number }; output: { text: string } };

  'calendar.status': { input: Record<string, never>; output: CalendarStatus };
  'calendar.setHours': { input: { hours: ServiceHoursView }; output: CalendarStatus };
  'calendar.listDays': { input: { year: number }; output: { year: number; hasDecree: boolean; days: NonWorkingDayView[] } };
  'calendar.addDay': { input: { date: string; kind: NonWorkingKind; name: string }; output: NonWorkingDayView };
  'calendar.updateDay': { input: { date: string; kind?: NonWorkingKind; name?: string }; output: NonWorkingDayView };
  'calendar.deleteDay': { input: { date: string }; output: null };
  'calendar.importIcs': {
    input: { text: string };
    output: { imported: number; skipped: { summary: string; reason: string }[] };
  };

  'workflow.getSettings': { input: Record<string, never>; output: WorkflowSettingsView };
  'workflow.updateSettings': { input: Partial<WorkflowSettingsView>; output: WorkflowSettingsView };
}

// ================================================================ email channel (issue 3)
// Account settings, a live connection test, the status the officer sees, a mail's unfolded
// original. Pushes 'channel.status' (detail "Menyinkronkan n dari m" while syncing).

/** How a connection is protected: STARTTLS on the plain port, implicit TLS, or none (not advised). */
export type EmailTls = 'starttls' | 'tls' | 'none';

export interface EmailAccountView {
  enabled: boolean;
  imapHost: string;
  imapPort: number;
  imapTls: EmailTls;
  smtpHost: string;
  smtpPort: number;
  smtpTls: EmailTls;
  /** The login name. */
  user: string;
  /** The address replies come from; empty = the login name. */
  fromAddress: string;
  senderName: string;
  /** First sync only mail since this instant; null = the whole INBOX. */
  syncSince: number | null;
  /** A certificate to trust besides the system CAs (an office server with its own CA). */
  tlsCaPem: string | null;
  /** The password is never returned; only whether one is stored. */
  hasPassword: boolean;
}

export interface EmailAccountInput extends Omit<EmailAccountView, 'hasPassword'> {
  /** Absent = keep the stored password. */
  password?: string;
}

export interface EmailConnectionCheck {
  ok: boolean;
  /** Bahasa Indonesia, for the officer. */
  message: string;
}

export type ChannelStatusView = PushEvents['channel.status'] & { updatedAt: number };

export interface EmailOriginalView {
  messageId: number;
  /** The whole text as received, quoted history included. */
  fullText: string;
  /** What was folded away for display, or null when nothing was. */
  quotedText: string | null;
  /** Unsanitized HTML as received: the renderer sanitizes (DOMPurify) before showing it. */
  html: string | null;
  headerMessageId: string | null;
  inReplyTo: string | null;
  references: string[];
}

export interface Contract {
  'email.getAccount': { input: Record<string, never>; output: EmailAccountView | null };
  /** Saves the account (the connector restarts with it). */
  'email.saveAccount': { input: EmailAccountInput; output: EmailAccountView };
  /** Logs in to IMAP and SMTP with these settings without saving them; no password = the stored one. */
  'email.testConnection': { input: EmailAccountInput; output: { imap: EmailConnectionCheck; smtp: EmailConnectionCheck } };
  'email.status': { input: Record<string, never>; output: ChannelStatusView | null };
  /** Reconnect now (after an authentication failure, or instead of waiting for the next retry). */
  'email.reconnect': { input: Record<string, never>; output: ChannelStatusView | null };
  'email.original': { input: { messageId: number }; output: EmailOriginalView };
}

// ================================================================ weekly service reports (issue 7)
// Laporan Pelayanan Konsultasi Statistik Online: the model the Laporan screen previews and the
// xlsx/pdf made from it. Supervisor and admin only. Definitions of every figure: src-main/core/reports/model.ts.

/** An ISO week ('2026-W48', Monday–Sunday WITA), a month ('2026-11'), or dates 'YYYY-MM-DD' (both inclusive). */
export type ReportPeriodInput =
  | { kind: 'week'; week: string }
  | { kind: 'month'; month: string }
  | { kind: 'range'; from: string; to: string };
export type ReportFormat = 'xlsx' | 'pdf';

export interface ReportPeriod {
  kind: 'week' | 'month' | 'range';
  /** "Minggu ke-48 2026 (23–29 November 2026)". */
  label: string;
  /** First and last local date (WITA), inclusive. */
  firstDate: string;
  lastDate: string;
  /** [from, to): local midnight of the first date to local midnight after the last. */
  from: number;
  to: number;
  days: number;
}

/** Durations in service (working) time: open hours only, pauses excluded where stated. */
export interface ReportDuration {
  count: number;
  medianMs: number | null;
  /** Nearest-rank 90th percentile. */
  p90Ms: number | null;
  meanMs: number | null;
}

export interface ReportCount {
  key: string;
  label: string;
  count: number;
}

export interface ReportTrendPoint {
  key: string;
  label: string;
  newCount: number;
  resolvedCount: number;
  /** For daily points: a working day of the service calendar. */
  working: boolean;
}

export interface ReportOverdueItem {
  conversationId: number;
  ticket: string;
  channel: Channel;
  status: ConversationStatus;
  requesterName: string | null;
  institution: string | null;
  assigneeName: string | null;
  dueAt: number;
  /** Service time between the due instant and the end of the period. */
  workingMsLate: number;
}

export interface ReportModel {
  office: string;
  unit: string;
  title: string;
  period: ReportPeriod;
  generatedAt: number;
  /** N of "resolved within N working days" (workflow setting slaWorkingDays). */
  slaWorkingDays: number;
  standardDayMs: number;
  summary: {
    /** Rows of the Konsultasi sheet: created in the period, resolved in it, or open at its end. */
    consultations: number;
    newCount: number;
    resolvedCount: number;
    openAtEnd: number;
    overdueAtEnd: number;
    requirementsCompleted: number;
    /** Resolved in the period with a started SLA clock: the base of the share below. */
    resolvedWithClock: number;
    resolvedWithinTarget: number;
    withinTargetShare: number | null;
    /** Created in the period, no officer reply yet. */
    awaitingFirstResponse: number;
  };
  byChannel: { channel: Channel; label: string; newCount: number; resolvedCount: number; openAtEnd: number }[];
  trend: { unit: 'day' | 'week' | 'month'; points: ReportTrendPoint[] };
  times: { firstResponse: ReportDuration; requirements: ReportDuration; resolution: ReportDuration };
  ratings: {
    requested: number;
    answered: number;
    responseRate: number | null;
    count: number;
    meanScore: number | null;
    distribution: { score: number; count: number }[];
    comments: { ticket: string; score: number | null; feedback: string; at: number }[];
    commentsTotal: number;
  };
  ikm: {
    respondents: number;
    unsur: { code: string; name: string; respondents: number; nrr: number | null }[];
    ikm: number | null;
    converted: number | null;
    grade: 'A' | 'B' | 'C' | 'D' | null;
    label: string | null;
    range: string | null;
  };
  requesters: { distinct: number; byOccupation: ReportCount[]; byInstitution: ReportCount[] };
  topics: ReportCount[];
  complaints: { received: number; resolved: number; openAtEnd: number; bySource: ReportCount[] };
  officers: {
    officerId: number | null;
    name: string;
    newAssigned: number;
    resolved: number;
    openAtEnd: number;
    overdueAtEnd: number;
    repliesSent: number;
    resolutionMedianMs: number | null;
  }[];
  overdue: ReportOverdueItem[];
}

export interface ReportFile {
  format: ReportFormat;
  fileName: string;
  mimeType: string;
  size: number;
  /** Where the core wrote it: <dataDir>/reports/<fileName>. */
  path: string;
  /** The bytes, base64, when the caller asked for a download (a Blob download works in both hosts). */
  contentBase64: string | null;
}

export interface Contract {
  /** The report model for the preview; no period = last ISO week (WITA). */
  'reports.build': { input: { period?: ReportPeriodInput }; output: ReportModel };
  /** Writes the files under <dataDir>/reports/; with download: true also returns their bytes. */
  'reports.export': {
    input: { period?: ReportPeriodInput; formats: ReportFormat[]; download?: boolean };
    output: { period: ReportPeriod; files: ReportFile[] };
  };
}

// ================================================================ telegram channel (issue 4)
// Bot token (tested live with getMe before it is saved), the status the officer sees (pushes
// 'channel.status': "token tidak valid", "bot ini sedang dipakai program lain", offline with
// nextRetryAt), and where a requester is in the bot's intake dialogue.

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

export interface Contract {
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

// ================================================================ requesters and attachments (issue 6)

export interface RequesterMergeResult {
  requester: RequesterView;
  movedConversations: number;
}

export interface AttachmentContent {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  contentBase64: string;
}

export interface Contract {
  /** An officer edits their own display name and email signature. */
  'auth.updateProfile': { input: { displayName?: string; signature?: string }; output: OfficerView };
  'requesters.get': { input: { id: number }; output: RequesterView };
  /** Every consultation of one requester on every channel, newest first. */
  'requesters.conversations': { input: { requesterId: number }; output: ConversationSummary[] };
  /** Two records of one person become one (keepId stays). */
  'requesters.merge': { input: { keepId: number; mergeId: number }; output: RequesterMergeResult };
  'attachments.get': { input: { id: number }; output: AttachmentContent };
}

// ================================================================ drafts and requester search (issue 6)
// A composer draft is kept in the core per officer per conversation (any PC, survives a restart);
// sending or noting clears it. Saving a draft is not audited (it is not a decision; the send is).

export type DraftMode = 'reply' | 'note';

export interface DraftView {
  body: string;
  mode: DraftMode;
  updatedAt: number;
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

export interface Contract {
  /** The calling officer's draft for this conversation, or null. */
  'drafts.get': { input: { conversationId: number }; output: DraftView | null };
  /** Saves the calling officer's draft (at most 20,000 characters); a blank body deletes it (output null). */
  'drafts.save': { input: { conversationId: number; body: string; mode?: DraftMode }; output: DraftView | null };
  /**
   * Requesters whose name, institution, email, WhatsApp number, Telegram username or channel address
   * contains the query (at least 2 characters); at most `limit` (≤ 50, default 20), merged records
   * and `exceptId` left out, names starting with the query first, then the most recently active.
   */
  'requesters.search': { input: { query: string; limit?: number; exceptId?: number }; output: RequesterSearchHit[] };
}

// ================================================================ backup, restore and personal data (issue 8)
// Backups of the database and attachments to a chosen folder (USB disk, network share), daily at a
// WITA time and on demand; the restore is offline (npm run restore). Requesters' personal data
// (UU PDP 27/2022): a retention period after which it is anonymised, export and erasure of one
// requester. Backup and retention settings: admin; export and erasure: supervisor and admin.

export interface BackupSettingsView {
  /** An absolute folder path; null = not chosen yet (no scheduled backups). */
  folder: string | null;
  /** Daily time, 'HH:MM' WITA (default 15:45, after service hours). */
  time: string;
  /** Backups kept in the folder (1–365, default 7). */
  keep: number;
}

export interface BackupRunView {
  at: number;
  ok: boolean;
  trigger: 'schedule' | 'manual';
  /** The backup folder written (PST-Backup-YYYYMMDD-HHmm). */
  path: string | null;
  sizeBytes: number | null;
  durationMs: number;
  /** Why it failed, Bahasa Indonesia. */
  error: string | null;
}

export interface BackupStatusView {
  settings: BackupSettingsView;
  last: BackupRunView | null;
  lastSuccessAt: number | null;
  /** The next scheduled run (now when one is due); null without a folder. */
  nextAt: number | null;
  running: boolean;
  /** Whether the folder can be reached now (a USB disk may be unplugged). */
  folderAvailable: boolean;
  /** Complete backups in the folder, newest first. */
  backups: { name: string; createdAt: number; sizeBytes: number }[];
}

export interface PrivacySettingsView {
  /** Months the personal data of an inactive requester is kept; 0 = no limit (default 24). */
  retentionMonths: number;
  lastRun: {
    at: number;
    cutoff: number;
    requesters: number;
    conversations: number;
    messages: number;
    attachments: number;
  } | null;
}

export interface ErasureResult {
  requesters: number;
  conversations: number;
  messages: number;
  attachments: number;
  complaints: number;
}

export interface Contract {
  'backup.status': { input: Record<string, never>; output: BackupStatusView };
  /** Backs up now to the configured folder; a failure is a result with ok: false and the reason. */
  'backup.run': { input: Record<string, never>; output: BackupRunView };
  'backup.getSettings': { input: Record<string, never>; output: BackupSettingsView };
  /** The folder must exist and be writable when saved. */
  'backup.saveSettings': { input: Partial<BackupSettingsView>; output: BackupSettingsView };
  'privacy.getSettings': { input: Record<string, never>; output: PrivacySettingsView };
  'privacy.saveSettings': { input: { retentionMonths: number }; output: PrivacySettingsView };
  /** Runs the retention job now (it also runs once a day by itself). */
  'privacy.runRetention': { input: Record<string, never>; output: PrivacySettingsView };
  /** Everything held about one requester as a JSON document (for the requester's access request); audited. */
  'requesters.export': { input: { id: number }; output: { fileName: string; json: string } };
  /**
   * Removes one requester's personal data everywhere (fields, addresses, messages, search index,
   * attachment files) and keeps the statistical record; audited with the reason. Cannot be undone.
   */
  'requesters.erase': { input: { id: number; reason: string }; output: ErasureResult };
}
