import type { InboundBatch } from '../../inbound/ingest';
import type { CoreServices } from '../../services';
import { enqueueAutomatic } from '../../workflow/automatic';

/** One inline button: the label and its callback_data (at most 64 bytes, checked when sent). */
export interface Button {
  text: string;
  data: string;
}

/** Telegram-only payload fields (OutgoingPayload allows extra keys); rendered by the connector. */
export interface TelegramPayloadExtras {
  /** Why the bot says it: intake question, summary, /status answer, help... (for the timeline). */
  purpose?: string;
  /** An inline keyboard on the (last) message. */
  keyboard?: Button[][];
}

/** What must happen after the transaction commits: answers to button presses, cosmetic edits. */
export interface AfterCommit {
  callbackAnswers: { queryId: string; text: string; alert?: boolean }[];
  edits: { chatId: string; messageId: number; text: string; keyboard?: Button[][] }[];
}

/** One update being applied, inside the batch transaction. */
export interface Turn {
  core: CoreServices;
  /** Where this update's inbound writes go: the batch transaction with the cursor. */
  inbound: InboundBatch;
  after: AfterCommit;
  chatId: string;
  /** Telegram's date of the update (ms), or now for button presses. */
  at: number;
}

/**
 * The bot speaks through the durable outbox like everyone else: the line is in the timeline, it is
 * sent after the commit, and a crash never loses nor doubles it. enqueueAutomatic keeps the
 * requester's last message as the inbox preview.
 */
export function botSay(turn: Turn, conversationId: number, text: string, extras: TelegramPayloadExtras = {}): number {
  return enqueueAutomatic(turn.core, conversationId, 'telegram', {
    kind: 'auto_reply',
    text,
    purpose: extras.purpose ?? 'bot',
    ...(extras.keyboard ? { keyboard: extras.keyboard } : {}),
  });
}
