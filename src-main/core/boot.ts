import { createCore, type Core, type CoreOptions } from './app';
import { startChannels, type ChannelOptions } from './channels';
import { startTraining, type RunningTraining, type TrainingOptions } from './training';

export interface BootOptions extends CoreOptions {
  /** Connector options for the real channels (the tests' Bot API emulator, shorter timeouts). */
  channels?: ChannelOptions;
  /** Training mode's simulation; used only with trainingMode. */
  training?: TrainingOptions;
}

export interface BootedConsole {
  core: Core;
  /** Set once start() has run in training mode: the simulated channels and the demo login. */
  training: RunningTraining | null;
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
 */
export function bootConsole(options: BootOptions): BootedConsole {
  const core = createCore(options);
  let stopChannels: (() => Promise<void> | void) | null = null;
  let stopped = false;
  const booted: BootedConsole = {
    core,
    training: null,
    async start() {
      if (core.services.trainingMode) {
        const training = await startTraining(core.services, options.training);
        booted.training = training;
        stopChannels = () => training.stop();
      } else {
        const channels = await startChannels(core.services, options.channels);
        stopChannels = () => channels.stop();
      }
      await core.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopChannels?.();
      await core.close();
    },
  };
  return booted;
}
