import type { Channel } from '../../../src-preload/contract';
import type { StoredBlob } from '../store/attachments';

/**
 * A file that came with a message: its bytes, stored content-addressed before ingest, or where the
 * mail parse worker already stored them.
 */
export type InboundAttachment = AttachmentPart & ({ content: Buffer } | { stored: StoredBlob });

export interface AttachmentPart {
  fileName: string;
  mimeType: string;
  /** For inline email images (cid:). */
  contentId?: string;
  /** A part of the HTML body (a cid: image it shows), not a file the sender attached. */
  inline?: boolean;
  /** The part arrived cut short or undecodable: kept, but flagged for the officer. */
  damaged?: boolean;
}

/** A value a message gives about its sender (see domain/mail-identity). */
export interface InboundHint {
  field: 'name' | 'institution' | 'occupation' | 'email' | 'whatsapp' | 'need';
  value: string;
  source: 'form' | 'signature' | 'introduction' | 'display_name' | 'address' | 'first_message';
}

/**
 * A file the channel could not fetch when its message arrived. The message is stored without it at
 * once, and the channel fetches the file later (inbound/downloads) and attaches it then.
 */
export interface PendingAttachment {
  /** The channel's handle for fetching it again (Telegram: file_id). */
  fileRef: string;
  fileName: string;
  mimeType: string;
  size: number | null;
  /** Why the first try failed, as a message code (never a library's text). */
  error: string;
  /** When to try again. */
  nextTryAt: number;
}

/**
 * One message from any channel, normalized by its connector (DESIGN §3 data flow). Connectors
 * decide the thread hints; ingest() decides everything else.
 */
export interface InboundMessage {
  channel: Channel;
  /** Unique per channel: Telegram `chatId:messageId`, email Message-ID (or a derived id). */
  externalId: string;
  /** The requester's address on the channel: Telegram user id, email address. */
  sourceId: string;
  displayName?: string;
  receivedAt: number;
  text: string;
  html?: string;
  subject?: string;
  /** Auto-replies, bounces, bulk mail: stored, but never open a request or get a reply. */
  automated?: boolean;
  attachments?: InboundAttachment[];
  /** Files still to be fetched (the first try failed); the message does not wait for them. */
  pendingAttachments?: PendingAttachment[];
  /**
   * Sent by the office itself (its address or an alias, from webmail or another PC): kept as the
   * office's outgoing message where it threads, never a requester's, never answered.
   */
  office?: boolean;
  /**
   * What the message says about its sender. 'form' values (the block the acknowledgement asked
   * for) fill empty fields; the rest wait for an officer. Nothing overwrites a filled field.
   */
  identityHints?: InboundHint[];
  /** Channel details kept with the message (headers, Telegram chat id...). */
  meta?: Record<string, unknown>;
  /** What the channel already tells about the requester; only fills empty fields. */
  requester?: { name?: string; institution?: string; email?: string; whatsapp?: string; telegramUserId?: string; telegramUsername?: string };
  thread?: {
    /**
     * 'identity' (Telegram): the requester's latest conversation on this channel continues.
     * 'explicit' (email): only the hints below join a conversation; otherwise a new one starts.
     */
    mode: 'identity' | 'explicit';
    /** External ids this message replies to (In-Reply-To, then References), best first. */
    replyTo?: string[];
    /** A ticket number found in the message (the subject tag). */
    ticket?: string;
    /**
     * The conversation an officer chose for it (a WhatsApp chat export imported into a
     * consultation): the sender's address joins that conversation's requester if it is new.
     */
    conversationId?: number;
  };
}

/** The channel's position, written in the same transaction as the messages it covers. */
export interface CursorUpdate {
  channel: Channel;
  account: string;
  stream?: string;
  value: unknown;
}

export interface IngestResult {
  externalId: string;
  outcome: 'inserted' | 'duplicate';
  messageId: number;
  conversationId: number;
  newConversation: boolean;
  reopened: boolean;
}
