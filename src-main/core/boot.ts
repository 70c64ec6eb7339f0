import { createCore, type Core, type CoreOptions } from './app';
import { startChannels, type ChannelOptions } from './channels';
import { heldElsewhere } from './channels/held-elsewhere';
import { HOST_LOCK_HEARTBEAT_MS, HostLock, type HostLockResult } from './store/host-lock';
import { startTraining, type RunningTraining, type TrainingOptions } from './training';

export interface BootOptions extends CoreOptions {
  /** Connector options for the real channels (the tests' Bot API emulator, shorter timeouts). */
  channels?: ChannelOptions;
  /** Training mode's simulation; used only with trainingMode. */
  training?: TrainingOptions;
  /** How often a console without the host lock asks for it again (tests: shorter). */
  hostLockRetryMs?: number;
}

export interface BootedConsole {
  core: Core;
  /** Set once start() has run in training mode: the simulated channels and the demo login. */
  training: RunningTraining | null;
  /**
   * After start(): whether this console holds the host lock and runs the connectors, or which
   * console does. Null before start() and in training mode (which polls nothing real).
   */
  hostLock: HostLockResult | null;
  /** Channels first (or the simulation in training mode), then the core's background work. */
  start(): Promise<void>;
  /** The reverse order: nothing is polled or sent once the database closes. */
  stop(): Promise<void>;
}

/**
 * The one start/stop order every host uses (the Electron shell and the browser host). Opening the
 * database happens now and throws (NewerDatabaseError...) for the host to show; start() brings up
 * the channels BEFORE core.start(), so the outbox's crash recovery can ask the email connector
 * about mails that were being sent. Training mode starts simulated channels instead, so nothing
 * leaves the machine.
 *
 * Two consoles must never poll the same bot or mailbox: the connectors, the outbox and the
 * backups start only once this console holds the host lock. Without it the console still serves
 * its officers (reading, writing replies into the store) and asks for the lock again now and
 * then, so it takes over when the other console has been gone for a while.
 */
export function bootConsole(options: BootOptions): BootedConsole {
  const core = createCore(options);
  const lock = new HostLock(core.services.db);
  let stopChannels: (() => Promise<void> | void) | null = null;
  let retry: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = false;

  const startWork = async (): Promise<void> => {
    core.services.channels.clear();
    const channels = await startChannels(core.services, options.channels);
    stopChannels = () => channels.stop();
    await core.start();
    running = true;
  };

  const showHolder = (result: HostLockResult): void => {
    if (result.taken) return;
    for (const channel of ['telegram', 'email'] as const) {
      const stand = heldElsewhere(channel, result.holder, core.services.now());
      core.services.channels.set(channel, stand);
      core.services.events.emit('channel.status', stand.status()!);
    }
  };

  /** Without the lock: show who has it, and ask again now and then until it is free or stale. */
  const waitForLock = (result: HostLockResult): void => {
    if (result.taken) return;
    showHolder(result);
    if (retry) return;
    retry = setInterval(() => {
      if (stopped || running) return;
      const again = lock.acquire();
      booted.hostLock = again;
      if (!again.taken) return;
      if (retry) clearInterval(retry);
      retry = null;
      lock.keepAlive(onLost);
      startWork().catch((error: unknown) => console.error('[boot] connectors failed to start after taking the host lock', error));
    }, options.hostLockRetryMs ?? HOST_LOCK_HEARTBEAT_MS);
    retry.unref();
  };

  // Another console took the lock over (this one's heartbeats stalled past the stale time): stop
  // polling at once rather than poll side by side with it.
  const onLost = (): void => {
    console.error('[boot] the host lock was taken over by another console; stopping the connectors');
    const stop = stopChannels;
    stopChannels = null;
    running = false;
    void Promise.resolve(stop?.()).then(() => {
      if (stopped) return;
      const holder = lock.acquire();
      booted.hostLock = holder;
      if (holder.taken) {
        lock.keepAlive(onLost);
        return startWork();
      }
      waitForLock(holder);
    });
  };

  const booted: BootedConsole = {
    core,
    training: null,
    hostLock: null,
    async start() {
      if (core.services.trainingMode) {
        const training = await startTraining(core.services, options.training);
        booted.training = training;
        stopChannels = () => training.stop();
        await core.start();
        return;
      }
      const result = lock.acquire();
      booted.hostLock = result;
      if (result.taken) {
        lock.keepAlive(onLost);
        await startWork();
        return;
      }
      console.warn(`[boot] another console (${result.holder.hostname}, pid ${result.holder.pid}) runs the connectors; not polling here`);
      waitForLock(result);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (retry) clearInterval(retry);
      await stopChannels?.();
      core.services.channels.clear();
      // Released before the database closes, so the next console need not wait for it to go stale.
      if (!core.services.trainingMode) lock.release();
      await core.close();
    },
  };
  return booted;
}
