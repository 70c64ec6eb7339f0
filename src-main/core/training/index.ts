import type { CoreServices } from '../services';
import { officerQueries } from '../store/queries/officers';
import type { Scheduler } from './scheduler';
import { DEMO_LOGIN, isSeeded, seedTrainingHistory, type SeedHistoryResult } from './seed-history';
import { SimulatedChannel } from './simulated-channel';
import { DEFAULT_ARRIVALS, RequesterSimulator, type ArrivalOptions } from './simulator';

export { DEMO_LOGIN, isSeeded, seedTrainingHistory, type SeedHistoryResult } from './seed-history';
export { planHistory, HISTORY_OFFICERS, type PlannedAction } from './plan';
export { ManualScheduler, realScheduler, type Scheduler } from './scheduler';
export { SimulatedChannel, SIMULATED_MAIL_DOMAIN } from './simulated-channel';
export { RequesterSimulator, DEFAULT_ARRIVALS, type ArrivalOptions, type SimulatorOptions } from './simulator';
export { trainingDataDir, TRAINING_FOLDER } from './paths';

export interface TrainingOptions {
  /**
   * The demo (`npm run demo`): on an empty data dir, seed months of history and the demo login;
   * while running, new people write in now and then. Without it: simulated channels and answers only.
   */
  demo?: boolean;
  seed?: number;
  /** Consultations in the seeded history. */
  conversations?: number;
  /** 1 = human pace; smaller is faster. */
  pace?: number;
  scheduler?: Scheduler;
  /** New consultations while running; default: DEFAULT_ARRIVALS in the demo, none otherwise. */
  arrivals?: ArrivalOptions | false;
}

export interface RunningTraining {
  channels: { telegram: SimulatedChannel; email: SimulatedChannel };
  simulator: RequesterSimulator;
  /** What was seeded on this start (null: the data dir already had its history). */
  seeded: SeedHistoryResult | null;
  /** The login to print: present while the demo account exists. */
  login: typeof DEMO_LOGIN | null;
  stop(): void;
}

/**
 * Training mode (Mode latihan). Call after createCore({ trainingMode: true }) and BEFORE
 * core.start(), instead of startChannels(): registers the simulated Telegram and email channels as
 * the outbox's connectors (nothing leaves the machine), seeds the demo history on first start, and
 * starts the simulated requesters. Refuses a core that is not in training mode, and refuses to
 * share the outbox with a real connector.
 */
export async function startTraining(core: CoreServices, options: TrainingOptions = {}): Promise<RunningTraining> {
  if (!core.trainingMode) throw new Error('startTraining: the core is not in training mode');
  for (const [channel, connector] of core.connectors) {
    if (!(connector instanceof SimulatedChannel))
      throw new Error(`startTraining: a real ${channel} connector is registered; training mode must not send anything`);
  }
  const telegram = new SimulatedChannel(core, 'telegram');
  const email = new SimulatedChannel(core, 'email');
  core.connectors.set('telegram', telegram);
  core.connectors.set('email', email);

  let seeded: SeedHistoryResult | null = null;
  if (options.demo && !isSeeded(core) && officerQueries(core.db).count() === 0) {
    seeded = await seedTrainingHistory(core, {
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.conversations ? { conversations: options.conversations } : {}),
    });
  }
  const simulator = new RequesterSimulator(core, [telegram, email], {
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.pace !== undefined ? { pace: options.pace } : {}),
    arrivals: options.arrivals ?? (options.demo ? DEFAULT_ARRIVALS : false),
  });
  simulator.start();
  const login = officerQueries(core.db).byUsername(DEMO_LOGIN.username) ? DEMO_LOGIN : null;
  return {
    channels: { telegram, email },
    simulator,
    seeded,
    login,
    stop() {
      simulator.stop();
      for (const [channel, connector] of core.connectors) if (connector === telegram || connector === email) core.connectors.delete(channel);
    },
  };
}
