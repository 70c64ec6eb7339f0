import { join } from 'node:path';
import type { Input, Method, Output, Result } from '../../src-preload/contract';
import type { SessionSlot } from '../../src-main/core/api/define';
import { createCore, type Core } from '../../src-main/core/app';
import type { OutboxOptions } from '../../src-main/core/outbox/worker';
import type { BpsDataOptions } from '../../src-main/core/services';
import { KeyFileCipher } from '../../src-main/core/security/secrets';

import { tempDataDir } from './temp';

export { tempDataDir };

/** A session slot like the browser host's cookie: one per simulated caller. */
export function memorySession(): SessionSlot & { token: string | null } {
  const slot = {
    token: null as string | null,
    get: () => slot.token,
    set: (t: string | null) => {
      slot.token = t;
    },
  };
  return slot;
}

export interface TestCore extends Core {
  dir: string;
  /** Calls a contract method as a caller with its own session; returns the Result as data. */
  call<M extends Method>(method: M, input: Input<M>, session?: SessionSlot): Promise<Result<Output<M>>>;
  /** Like call, but throws on an error result: for arranging a test, not for asserting. */
  must<M extends Method>(method: M, input: Input<M>, session?: SessionSlot): Promise<Output<M>>;
  /** The default caller's session. */
  session: ReturnType<typeof memorySession>;
  dispose(): Promise<void>;
}

/** A core on a temp data dir, as the hosts build it, with helpers to call the contract. */
export function startTestCore(
  options: { now?: () => number; dir?: string; trainingMode?: boolean; outbox?: OutboxOptions; bpsData?: BpsDataOptions } = {},
): TestCore {
  const temp = options.dir ? null : tempDataDir();
  const dir = options.dir ?? temp!.dir;
  const core = createCore({
    dataDir: dir,
    host: 'browser',
    version: '0.0.0-test',
    cipher: new KeyFileCipher(join(dir, 'secret.key')),
    now: options.now,
    trainingMode: options.trainingMode,
    outbox: options.outbox,
    // Never BPS's public WebAPI from a test: a closed port on loopback unless a test gives its emulator.
    bpsData: options.bpsData ?? { apiRoot: UNREACHABLE_BPS_API_ROOT },
  });
  const session = memorySession();
  const call = (async (method: Method, input: unknown, s?: SessionSlot) => core.dispatch(method, input, s ?? session)) as TestCore['call'];
  return {
    ...core,
    dir,
    session,
    call,
    async must(method, input, s) {
      const result = await call(method, input, s);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.kind}: ${result.error.message}`);
      return result.value;
    },
    async dispose() {
      await core.close();
      temp?.cleanup();
    },
  };
}

/** A loopback port nothing listens on (discard): a BPS call from a test that forgot its emulator fails at once. */
export const UNREACHABLE_BPS_API_ROOT = 'http://127.0.0.1:9/v1/api';

export const ADMIN = { username: 'admin', displayName: 'Admin PST', password: 'rahasia-admin-123' };

/** A core with the first-run admin created and logged in on `session`. */
export async function startCoreWithAdmin(options: { now?: () => number; outbox?: OutboxOptions; bpsData?: BpsDataOptions } = {}): Promise<TestCore> {
  const core = startTestCore(options);
  await core.must('auth.setupAdmin', ADMIN);
  return core;
}
