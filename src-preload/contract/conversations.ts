/**
 * The inbox, a conversation and its messages, replies, notes, search and attachments.
 */
import type { Channel, ConversationStatus, CoreMessage, DeliveryState, MessageDirection } from './base';
import type { RequesterView } from './requesters';
import type { RatingView, RequirementName, SlaState } from './workflow';

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
  /** 'due_soon': less than one working day (7.5 h of service time) left. */
  slaState: SlaState;
  /** Service time left in ms (negative when overdue); frozen while paused; at closure once closed. */
  workingMsLeft: number | null;
  /** The due date crosses a year whose decree list is not in yet: an estimate ("perkiraan"). */
  slaEstimated: boolean;
  requirementsMissing: RequirementName[];
  topic: string | null;
  /** The standard's working day in ms (7.5 h unless the hours were edited): the unit of every working-time figure. */
  workingDayMs: number;
}

export interface ConversationDetail extends ConversationSummary {
  need: string | null;
  summary: string | null;
  requirementsCompleteAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  requester: RequesterView;
  slaTargetDays: number | null;
  /** Service time the clock stood still while waiting for the requester. */
  slaPausedWorkingMs: number;
  /** From the first message to the first officer reply, in service time. */
  firstResponseWorkingMs: number | null;
  ratings: RatingView[];
  /**
   * A walk-in or phone consultation: the channels an answer can also be sent through (the
   * requester's email, their linked Telegram chat); empty otherwise.
   */
  walkInReplyChannels: ('email' | 'telegram')[];
}

export interface AttachmentView {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** A part of the mail's HTML (a cid: image such as a signature logo): shown in the mail, not as a file. */
  inline: boolean;
  /** Arrived cut short or undecodable ("lampiran rusak/terpotong"). */
  damaged: boolean;
}

/**
 * Who is speaking in a message: the requester, an officer (a reply sent, or an answer given at the
 * desk or by phone), an internal note, or the console itself (acknowledgement, the Telegram bot's
 * intake, an out-of-hours notice, a rating request, anything else automatic).
 */
export type MessageOrigin =
  | 'requester'
  | 'officer'
  | 'answered_in_person'
  | 'answered_by_phone'
  | 'answered_by_whatsapp'
  | 'office_whatsapp'
  | 'office_email'
  | 'note'
  | 'ack'
  | 'bot'
  | 'out_of_hours'
  | 'rating'
  | 'system';

/** A file of a message that the channel could not fetch yet: retried by itself with backoff, or on request. */
export interface PendingFileView {
  /** The download's id (attachments.retryDownload). */
  id: number;
  fileName: string;
  /** pending: another try is planned (nextTryAt); failed: given up after `attempts` tries. */
  state: 'pending' | 'failed';
  attempts: number;
  nextTryAt: number | null;
  /** Why the last try failed. */
  error: CoreMessage | null;
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
  /** The officer's display name for their replies, answers and notes; null for everything else. */
  authorName: string | null;
  origin: MessageOrigin;
  /** The complaint logged from this message, if one was. */
  complaintId: number | null;
  createdAt: number;
  editedAt: number | null;
  attachments: AttachmentView[];
  /** Files still to be fetched from the channel (absent when there are none). */
  pendingFiles?: PendingFileView[];
  /** Email: the office's own mail sent from another client (webmail, Outlook), found in the inbox. */
  sentOutsideConsole: boolean;
  /** Email: the sender's address when it is not (yet) one of the requester's (a ticket used from another address). */
  otherSender: string | null;
}

export interface OutgoingAttachment {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64-encoded (at most 20 MB per file). */
  contentBase64: string;
}

/**
 * The work queue's views, each one predicate over the open consultations (new, awaiting
 * requirements, in progress, waiting for the requester): the list's filter and its count chip use
 * the same one, so a chip's number is what its list shows.
 * todo: all of them ("Perlu ditangani"); new: not yet taken up; unread: with messages nobody has
 * read; overdue: past the SLA due; due_today: due before the end of today (WITA); waiting: waiting
 * for the requester; mine: taken by the signed-in officer; unassigned: taken by nobody.
 */
export type InboxQueue = 'todo' | 'new' | 'unread' | 'overdue' | 'due_today' | 'waiting' | 'mine' | 'unassigned';

export type InboxCounts = Record<InboxQueue, number>;

/** An officer with a consultation open in some console, and whether they are typing a reply or note in it. */
export interface PresenceView {
  officerId: number;
  name: string;
  conversationId: number;
  typing: boolean;
  /** Since when it has been open there. */
  since: number;
}

export interface InboxFilter {
  queue?: InboxQueue;
  status?: ConversationStatus[];
  channel?: Channel;
  mine?: boolean;
  overdue?: boolean;
}

/** queue: new (not yet taken up) first, then by due time: the work queue's order, stable while reading. */
export type InboxSort = 'queue' | 'due' | 'activity';

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

export interface AttachmentContent {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  contentBase64: string;
}

export interface ConversationsMethods {
  'inbox.list': {
    input: { filter?: InboxFilter; sort?: InboxSort; offset?: number; limit?: number };
    output: InboxPage;
  };
  /** Open consultations with unread messages: the same number as the "Belum dibaca" chip. */
  'inbox.unreadCount': { input: Record<string, never>; output: { conversations: number } };
  /** Every chip of the work queue in one query. */
  'inbox.counts': { input: Record<string, never>; output: InboxCounts };
  'conversations.get': { input: { id: number }; output: ConversationDetail };
  'conversations.markRead': { input: { id: number }; output: null };
  /**
   * Where this console is: the consultation open in it (null: none) and whether the officer is
   * typing there. Sent on every change and every few seconds while open; answers everyone's.
   */
  'presence.set': { input: { conversationId: number | null; typing: boolean }; output: PresenceView[] };
  'presence.list': { input: Record<string, never>; output: PresenceView[] };
  'messages.list': {
    input: { conversationId: number; beforeId?: number; limit?: number };
    output: MessageView[];
  };
  'search.messages': { input: { query: string; limit?: number }; output: SearchHit[] };
  /** The consultation whose ticket the search box holds (whole, without prefix, or day and number), if any. */
  'search.ticket': { input: { query: string }; output: { conversationId: number; ticket: string } | null };
  /** An officer's reply: recorded as pending and sent through the durable outbox. */
  'messages.send': {
    /**
     * `seenUpToMessageId`: the newest message the officer had in view. When the requester or a
     * colleague wrote after it, nothing is sent: conflict `messages.newer_since_opened` (n), so
     * the officer can read first, then send again without it.
     * `via`: for a walk-in or phone consultation, the requester's email or Telegram (walkInReplyChannels).
     */
    input: { conversationId: number; text: string; attachments?: OutgoingAttachment[]; seenUpToMessageId?: number; via?: 'email' | 'telegram' };
    output: MessageView;
  };
  /** A private note: kept in the timeline, never sent. */
  'messages.addNote': { input: { conversationId: number; text: string }; output: MessageView };
  /** Puts a failed outgoing message back on the outbox. */
  'messages.retry': { input: { messageId: number }; output: MessageView };
  'attachments.get': { input: { id: number }; output: AttachmentContent };
  /** "Coba unduh lagi": a file the channel could not fetch is tried again now. */
  'attachments.retryDownload': { input: { id: number }; output: MessageView };
}
