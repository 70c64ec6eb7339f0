import { join } from 'node:path';
import type { Input, Method, Output, PushEvents } from '../../src-preload/contract';
import { createCore, type Core } from '../../src-main/core/app';
import { startTelegram, stopTelegram, TELEGRAM_TOKEN_SECRET, type TelegramChannel, type TelegramOptions } from '../../src-main/core/channels/telegram';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { startBotApiEmulator, type BotApiEmulator, type EmulatorOptions } from '../peers/telegram';
import { ADMIN, memorySession, tempDataDir } from './core';

/** A clock that runs at real speed from a chosen instant (the outbox's retries need time to pass). */
export function shiftedClock(startMs: number): (() => number) & { advance(ms: number): void } {
  let offset = startMs - Date.now();
  return Object.assign(() => Date.now() + offset, {
    advance: (ms: number) => {
      offset += ms;
    },
  });
}

/** Monday 5 January 2026, 10:00 WITA: the office is open. */
export const MONDAY_10_WITA = Date.UTC(2026, 0, 5, 2, 0, 0);
/** Saturday 10 January 2026, 10:00 WITA: closed all day. */
export const SATURDAY_10_WITA = Date.UTC(2026, 0, 10, 2, 0, 0);

export interface TelegramHarness {
  emulator: BotApiEmulator;
  core: Core;
  channel: TelegramChannel;
  dir: string;
  /** Moves the shared clock (core and emulator) forward. */
  advance(ms: number): void;
  events: { name: keyof PushEvents; payload: unknown }[];
  statuses(): PushEvents['channel.status'][];
  must<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Stops the channel and builds a new core + channel on the same data directory (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const fastOutbox = { baseDelayMs: 100, maxDelayMs: 1_000, pollMs: 100 };

/** The real core on a temp data dir, a logged-in admin, and the Telegram channel on the emulator. */
export async function startTelegramHarness(
  options: { at?: number; emulator?: EmulatorOptions; telegram?: TelegramOptions; withToken?: boolean } = {},
): Promise<TelegramHarness> {
  const now = shiftedClock(options.at ?? MONDAY_10_WITA);
  const emulator = await startBotApiEmulator({ now, ...options.emulator });
  const temp = tempDataDir('pst-tg-');
  const session = memorySession();
  const events: TelegramHarness['events'] = [];
  // The emulator's rate limits are off unless a test asks; so are ours, to keep tests quick.
  const telegramOptions: TelegramOptions = {
    apiRoot: emulator.apiRoot,
    pollTimeoutSec: 1,
    backoffMs: { initial: 50, max: 400 },
    limits: { perChatBurst: 1000, perChatPerSecond: 1000, globalPerSecond: 1000 },
    ...options.telegram,
  };

  const build = async (first: boolean) => {
    const core = createCore({
      dataDir: temp.dir,
      host: 'browser',
      version: '0.0.0-test',
      cipher: new KeyFileCipher(join(temp.dir, 'secret.key')),
      now,
      outbox: fastOutbox,
    });
    core.services.events.subscribe((name, payload) => events.push({ name, payload }));
    if (first) {
      const setup = await core.dispatch('auth.setupAdmin', ADMIN, session);
      if (!setup.ok) throw new Error(setup.error.message);
      if (options.withToken !== false) core.services.secrets.set(TELEGRAM_TOKEN_SECRET, emulator.token);
    } else {
      const login = await core.dispatch('auth.login', { username: ADMIN.username, password: ADMIN.password }, session);
      if (!login.ok) throw new Error(login.error.message);
    }
    const channel = startTelegram(core.services, telegramOptions);
    await core.start();
    return { core, channel };
  };

  let current = await build(true);
  const harness: TelegramHarness = {
    emulator,
    get core() {
      return current.core;
    },
    get channel() {
      return current.channel;
    },
    dir: temp.dir,
    advance: (ms) => now.advance(ms),
    events,
    statuses: () => events.filter((e) => e.name === 'channel.status').map((e) => e.payload as PushEvents['channel.status']),
    async must(method, input) {
      const result = await current.core.dispatch(method, input, session);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.kind}: ${result.error.message}`);
      return result.value as Output<typeof method>;
    },
    async restart() {
      await stopTelegram(current.core.services, current.channel);
      await current.core.close();
      current = await build(false);
    },
    async close() {
      await stopTelegram(current.core.services, current.channel);
      await current.core.close();
      await emulator.close();
      temp.cleanup();
    },
  };
  return harness;
}

/** Polls a condition (database state) until it holds; the tests' way to wait for the connector. */
export async function eventually<T>(check: () => T | undefined | null | false, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
