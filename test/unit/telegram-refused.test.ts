import { expect, it } from 'vitest';
import { refusedReason } from '../../src-main/core/channels/telegram/sender';

// Telegram's 400 descriptions as the Bot API sends them; the officer reads what to do, never them.
it('a message Telegram refuses is said as what the officer can do, never in Telegram’s words', () => {
  const cases: [string, RegExp][] = [
    ['Bad Request: chat not found', /hubungi lewat email atau telepon/],
    ['Bad Request: message is too long', /persingkat pesan/],
    ['Bad Request: file is too big', /lampirkan berkas lain/],
    ['Bad Request: wrong file identifier/HTTP URL specified', /lampirkan berkas lain/],
    ["Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 12", /format pesan/],
    ['Bad Request: some new reason Telegram invents', /Telegram menolak pesan ini \(400\)/],
  ];
  for (const [description, expected] of cases) {
    const reason = refusedReason(description);
    expect(reason).toMatch(expected);
    expect(reason).not.toMatch(/Bad Request|chat not found|entity|byte offset/i);
  }
});
