import { OCCUPATIONS } from '../../../../src-common/occupations';
import type { IntakeChannel, IntakeChoice } from '../../workflow/intake/dialogue';
import { botSay, type Button, type Turn } from './bot-say';
import { readChat, writeChat } from './store';

/**
 * The intake dialogue (workflow/intake) on Telegram: choices become inline buttons, whose presses
 * come back as callback data ("i:o:<occupation>", "i:e:<field>", "i:a:need" for the offered need), and the dialogue state is kept
 * per private chat in telegram_chats.
 */
export function telegramIntake(turn: Turn): IntakeChannel {
  return {
    core: turn.core,
    at: turn.at,
    say: (conversationId, text, purpose, choices) => void botSay(turn, conversationId, text, { purpose, ...(choices ? { keyboard: buttonsOf(choices) } : {}) }),
    readState: () => readChat(turn.core.db, turn.chatId),
    writeState: (state) => writeChat(turn.core.db, { ...state, chatId: turn.chatId }),
  };
}

function buttonsOf(choices: IntakeChoice[][]): Button[][] {
  return choices.map((row) =>
    row.map((choice): Button => {
      if ('correct' in choice) return { text: choice.label, data: `i:e:${choice.correct}` };
      if ('acceptOffered' in choice) return { text: choice.label, data: `i:a:${choice.acceptOffered}` };
      const index = OCCUPATIONS.indexOf(choice.answer.value as (typeof OCCUPATIONS)[number]);
      if (choice.answer.step !== 'occupation' || index < 0) throw new Error(`no Telegram button for an answer to ${choice.answer.step}`);
      return { text: choice.label, data: `i:o:${index}` };
    }),
  );
}
