import { ingestUpdates } from '../../inbound/ingest';
import type { CoreServices } from '../../services';
import type { AfterCommit, Turn } from './bot-say';
import { onCallback } from './updates/callback';
import { onEdit } from './updates/edit';
import { onMembership } from './updates/membership';
import { onMessage } from './updates/message';
import type { PreparedUpdate } from './updates/normalize';

export type { PreparedUpdate } from './updates/normalize';

/**
 * Applies one getUpdates batch through ingestUpdates (the one inbound path) in ONE transaction
 * together with the new offset (DESIGN §3): the messages, the dialogue state, the bot's replies
 * (outbox rows) and the cursor commit together or not at all. Each update runs isolated, so one
 * that fails is logged and skipped instead of wedging the channel. Returns what must happen
 * after the commit (button answers, cosmetic edits).
 */
export function applyBatch(core: CoreServices, account: string, prepared: readonly PreparedUpdate[], nextOffset: number): AfterCommit {
  const after: AfterCommit = { callbackAnswers: [], edits: [] };
  ingestUpdates(core, { channel: 'telegram', account, value: { offset: nextOffset } }, (inbound) => {
    const base: Omit<Turn, 'chatId' | 'at'> = { core, after, inbound };
    for (const p of prepared) {
      const u = p.update;
      inbound.isolated(`telegram update ${u.update_id}`, () => {
        if (u.message) onMessage(base, u.message, p);
        else if (u.edited_message) onEdit(base, u.edited_message, p);
        else if (u.callback_query) onCallback(base, u.callback_query);
        else if (u.my_chat_member) onMembership(base, u.my_chat_member);
      });
    }
  });
  return after;
}
