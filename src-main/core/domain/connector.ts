import type { Channel, ChannelStatusView } from '../../../src-preload/contract';

/** What the outbox hands a connector: one outgoing message, with everything needed to send it. */
export interface OutgoingItem {
  outboxId: number;
  messageId: number;
  conversationId: number;
  channel: Channel;
  attempt: number;
  /** Channel-specific, fixed at enqueue time (email: our Message-ID, subject, In-Reply-To...). */
  payload: OutgoingPayload;
}

export interface OutgoingPayload {
  /** Why it is sent: an officer's reply, the acknowledgement, a rating request, the out-of-hours reply. */
  kind: 'reply' | 'ack' | 'rating_request' | 'auto_reply' | 'survey';
  text: string;
  attachments?: { sha256: string; fileName: string; mimeType: string }[];
  [key: string]: unknown;
}

export interface SendOutcome {
  /** The id the channel gave the message (email Message-ID, Telegram chat:message id). */
  externalId: string;
  meta?: Record<string, unknown>;
}

/** A failure the channel says will not go away by retrying (bad address, bot blocked). */
export class PermanentSendError extends Error {
  constructor(
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PermanentSendError';
  }
}

/** A temporary failure with the channel's own advice on when to retry (Telegram 429 retry_after). */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/**
 * The channel could not be reached at all (connection refused, login rejected, a wait the channel
 * imposed after such a failure): the message certainly did not leave. The outbox retries it after
 * `retryAfterMs` without spending one of its attempts, so an outage of any length never turns a
 * reply into "gagal" by itself.
 */
export class ChannelUnavailableError extends RetryLaterError {
  constructor(message: string, retryAfterMs: number) {
    super(message, retryAfterMs);
    this.name = 'ChannelUnavailableError';
  }
}

/**
 * The seam every channel implements (Telegram, email; WhatsApp can be added the same way).
 * Connectors only move messages: ingest() and the outbox decide everything else.
 */
export interface ChannelConnector {
  readonly channel: Channel;
  /** Send one message. Throw PermanentSendError, RetryLaterError, or any error for "try again". */
  send(item: OutgoingItem): Promise<SendOutcome>;
  /**
   * After a crash while an item was being sent: did it leave? Email can check the Sent folder for
   * our Message-ID; a channel that cannot tell answers 'unknown' and the item is not resent blindly.
   */
  reconcile?(item: OutgoingItem): Promise<{ state: 'delivered'; outcome: SendOutcome } | { state: 'not_delivered' } | { state: 'unknown' }>;
}

/**
 * A channel the core runs (a poller, a mailbox sync). It lives on CoreServices.channels while it
 * runs, so the API handlers reach it there and a second core in the same process has its own.
 */
export interface RunningChannel {
  readonly channel: Channel;
  /** What the officer sees: connected, offline with the next retry, disabled... */
  status(): ChannelStatusView | null;
  /** Try now instead of waiting for the backoff. */
  reconnect(): void;
  /** The stored settings changed: stop and start again with them. */
  reload(): Promise<void>;
  stop(): Promise<void>;
}
