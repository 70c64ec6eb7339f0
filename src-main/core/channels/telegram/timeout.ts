import { wordCoreMessage } from '../../../../src-common/messages';
import type { GrammySignal } from './media';

/**
 * A signal for one Bot API request: aborted when the channel stops or when the server stays
 * silent too long. grammy's own limit is 500 s, so a half-dead connection would otherwise hold
 * the poller (or the outbox, which sends one item at a time) for over eight minutes.
 */
export function requestSignal(stop: AbortSignal | null, timeoutMs: number): { signal: GrammySignal; timedOut(): boolean } {
  const timer = AbortSignal.timeout(timeoutMs);
  const signal = stop ? AbortSignal.any([stop, timer]) : timer;
  return { signal: signal as unknown as GrammySignal, timedOut: () => timer.aborted && !stop?.aborted };
}

/** Telegram did not answer in time; retried like a network loss. */
export class TelegramTimeoutError extends Error {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(wordCoreMessage('id', { code: 'channel.telegram.timeout', params: { method, seconds: Math.ceil(timeoutMs / 1000) } }));
    this.name = 'TelegramTimeoutError';
  }
}

/** Runs one request with requestSignal, turning its own timeout into TelegramTimeoutError. */
export async function withTimeout<T>(method: string, stop: AbortSignal | null, timeoutMs: number, call: (signal: GrammySignal) => Promise<T>): Promise<T> {
  const request = requestSignal(stop, timeoutMs);
  try {
    return await call(request.signal);
  } catch (error) {
    if (request.timedOut()) throw new TelegramTimeoutError(method, timeoutMs);
    throw error;
  }
}
