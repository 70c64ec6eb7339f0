import { describe, expect, it } from 'vitest';
import { wordCoreMessage, wordCoreMessages } from '../../src-common/messages';
import { coreMessagesEn } from '../../src-common/messages/en';
import { coreMessagesId, type CoreMessageCode } from '../../src-common/messages/id';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Values a sentence may name only in its own language (a weekday, a status label).
const LANGUAGE_BOUND = new Set(['weekdayId', 'weekdayEn', 'fromLabel', 'toLabel', 'from', 'to']);

describe('the core messages the renderer and the CLIs word', () => {
  it('have an English sentence for every Indonesian one, with the same values in it', () => {
    for (const code of Object.keys(coreMessagesId) as CoreMessageCode[]) {
      const id = coreMessagesId[code];
      const en = coreMessagesEn[code];
      expect(en.trim(), code).not.toBe('');
      const shared = (text: string) => placeholders(text).filter((p) => !LANGUAGE_BOUND.has(p!));
      expect(shared(en), code).toEqual(shared(id));
    }
  });

  it('word a channel status in either language, values filled in', () => {
    const detail = [
      { code: 'channel.email.smtp_unreachable' as const },
      { code: 'net.refused' as const },
      { code: 'channel.email.waiting' as const, params: { count: 2 } },
    ];
    expect(wordCoreMessages('id', detail)).toBe('Server SMTP tidak dapat dihubungi · server menolak sambungan (tidak berjalan?) · 2 surel menunggu dikirim');
    expect(wordCoreMessages('en', detail)).toBe(
      'The SMTP server cannot be reached · the server refused the connection (not running?) · 2 emails waiting to be sent',
    );
    expect(wordCoreMessage('en', { code: 'channel.telegram.rate_limited', params: { seconds: 30 } })).toBe('Telegram is limiting requests (429); waiting 30 s');
  });
});
