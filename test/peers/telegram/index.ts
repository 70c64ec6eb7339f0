// Bot API emulator for tests: a real HTTP server on 127.0.0.1 that grammy (or fetch) talks to,
// plus a test-side client. The public API is described in README.md next to this file.
import { BotState } from './bot-state';
import { BotClient } from './client';
import { EmulatorServer, type RequestLogEntry } from './server';
import type { BotConfig, Clock, EmulatorOptions, FaultSpec, RateLimitConfig } from './types';

export { BotClient, testUser } from './client';
export type { CaptionOptions } from './client';
export type { RequestLogEntry } from './server';
export * from './types';

export const defaultBot: BotConfig = {
  token: '5108000001:AAHpstBulelengTestTokenDefault000000',
  username: 'pst_buleleng_test_bot',
  firstName: 'PST BPS Buleleng',
};

export class BotApiEmulator extends BotClient {
  private readonly clients = new Map<string, BotClient>();

  constructor(
    readonly apiRoot: string,
    readonly port: number,
    private readonly states: Map<string, BotState>,
    private readonly server: EmulatorServer,
    defaultState: BotState,
  ) {
    super(defaultState);
    for (const [token, state] of states) this.clients.set(token, token === defaultState.config.token ? this : new BotClient(state));
  }

  /** The test-side client of another registered bot. */
  forBot(token: string): BotClient {
    const client = this.clients.get(token);
    if (!client) throw new Error(`bot ${token} is not registered in the emulator`);
    return client;
  }

  /** Arms a fault for the next call(s) of `method` (case-insensitive; '*' = any method). */
  failNext(method: string, spec: FaultSpec): void {
    this.server.faults.arm(method, spec);
  }

  clearFaults(): void {
    this.server.faults.clear();
  }

  setUnreachable(unreachable: boolean): void {
    this.server.setUnreachable(unreachable);
  }

  /** Switches rate limiting for all bots (true = defaults; an object overrides some of them). */
  setRateLimits(setting: boolean | Partial<RateLimitConfig>): void {
    for (const state of this.states.values()) state.rateLimiter.configure(setting);
  }

  requestLog(): RequestLogEntry[] {
    return [...this.server.log];
  }

  async close(): Promise<void> {
    for (const state of this.states.values()) state.updates.close();
    await this.server.close();
  }
}

export async function startBotApiEmulator(options: EmulatorOptions = {}): Promise<BotApiEmulator> {
  const clock: Clock = options.now ?? Date.now;
  const configs = options.bots && options.bots.length > 0 ? options.bots : [defaultBot];
  const states = new Map<string, BotState>(configs.map((config) => [config.token, new BotState(config, clock, options)]));
  const server = new EmulatorServer(states, clock);
  const port = await server.listen();
  const first = states.get(configs[0]!.token)!;
  return new BotApiEmulator(`http://127.0.0.1:${port}`, port, states, server, first);
}

/** A clock tests move by hand: retention, rate limits, callback timeouts and dates follow it. */
export function manualClock(startMs = Date.UTC(2026, 0, 5, 1, 0, 0)): { now: Clock; advance(ms: number): void; set(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
