/**
 * The email channel: account settings, a live connection test, the status, a mail's original.
 */
import type { ChannelStatusView } from './events';

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
  /**
   * Other addresses of the office (aliases, a colleague's office mailbox that answers for PST):
   * their mail is the office's own, never a requester's. The login and sender address always are.
   */
  officeAliases?: string[];
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
  /** IMAP: mail in the INBOX, and how much of it the first sync takes from `syncSince` (null: no date set). Never changes the server. */
  mailCount?: { inbox: number; since: number | null };
}

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
  /** The images the HTML shows by cid:, from the stored parts (never fetched), for the sanitized view. */
  inlineImages: { contentId: string; mimeType: string; contentBase64: string }[];
}

export interface EmailMethods {
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
