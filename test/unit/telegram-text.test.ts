import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswer } from '../../src-main/core/workflow/intake/dialogue';
import { SendRateLimiter } from '../../src-main/core/channels/telegram/rate-limit';
import { splitTelegramText as splitText } from '../../src-common/telegram-text';
import { planParts } from '../../src-main/core/channels/telegram/sender';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('splitText (messages over 4,096 characters)', () => {
  it('keeps every character, respects the limit and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('\n\n', '\n', ' ', '😀'.repeat(50))), { maxLength: 80 }),
        fc.integer({ min: 8, max: 600 }),
        (pieces, max) => {
          const text = pieces.join('');
          const parts = splitText(text, max);
          for (const p of parts) {
            expect(p.length).toBeLessThanOrEqual(max);
            expect(loneSurrogate.test(p)).toBe(loneSurrogate.test(text));
          }
          expect(parts.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        },
      ),
    );
  });

  it('prefers paragraph boundaries', () => {
    const a = 'a'.repeat(3000);
    const b = 'b'.repeat(3000);
    expect(splitText(`${a}\n\n${b}`)).toEqual([a, b]);
  });

  it('puts buttons on the last part only and files after the text', () => {
    const parts = planParts({
      kind: 'auto_reply',
      text: 'x'.repeat(5000),
      keyboard: [[{ text: 'Ya', data: 'i:o:1' }]],
      attachments: [{ sha256: 'f'.repeat(64), fileName: 'a.pdf', mimeType: 'application/pdf' }],
    });
    expect(parts.map((p) => p.kind)).toEqual(['text', 'text', 'file']);
    expect(parts[0]).not.toHaveProperty('keyboard');
    expect(parts[1]).toHaveProperty('keyboard');
  });

  it('renders star and survey buttons with callback data within 64 bytes', () => {
    const [rating] = planParts({ kind: 'rating_request', text: 'Nilai', ratingRequestId: 2_147_483_647 });
    const [survey] = planParts({ kind: 'survey', text: 'SKM', ratingRequestId: 2_147_483_647 });
    for (const part of [rating, survey]) {
      if (part?.kind !== 'text' || !part.keyboard) throw new Error('expected buttons');
      for (const b of part.keyboard.flat()) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
    }
  });
});

describe('intake answers', () => {
  it('normalizes WhatsApp numbers to +62 and rejects others', () => {
    expect(validateAnswer('whatsapp', '0812-3456-7890')).toEqual({ ok: true, value: '+6281234567890' });
    expect(validateAnswer('whatsapp', '+62 812 3456 7890')).toEqual({ ok: true, value: '+6281234567890' });
    expect(validateAnswer('whatsapp', '62812345678')).toEqual({ ok: true, value: '+62812345678' });
    expect(validateAnswer('whatsapp', '0362-22145')).toEqual({ ok: false });
    expect(validateAnswer('email', 'Ketut@Undiksha.ac.id')).toEqual({ ok: true, value: 'ketut@undiksha.ac.id' });
    expect(validateAnswer('email', 'ketut@')).toEqual({ ok: false });
    expect(validateAnswer('occupation', 'wiraswasta')).toEqual({ ok: true, value: 'Wiraswasta' });
    expect(validateAnswer('occupation', '3')).toEqual({ ok: true, value: 'ASN/TNI/Polri' });
    expect(validateAnswer('occupation', 'petani')).toEqual({ ok: false });
    expect(validateAnswer('name', '   ')).toEqual({ ok: false });
  });
});

describe('SendRateLimiter', () => {
  it('lets a burst through, then paces one chat at its rate and honours a 429 pause', async () => {
    let now = 0;
    const limiter = new SendRateLimiter({ perChatBurst: 2, perChatPerSecond: 1, globalPerSecond: 30 }, () => now);
    const wait = (chat: string) => (limiter as unknown as { tryTake(c: string): number }).tryTake(chat);
    expect([wait('a'), wait('a')]).toEqual([0, 0]);
    expect(wait('a')).toBe(1100); // one token at 1/s, plus the safety margin
    expect(wait('b')).toBe(0);
    now = 1100;
    expect(wait('a')).toBe(0);
    limiter.pauseUntil(5000);
    expect(wait('c')).toBe(3900);
  });
});
