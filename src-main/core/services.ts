import type { Channel, HostKind } from '../../src-preload/contract';
import type { ChannelConnector, RunningChannel } from './domain/connector';
import type { PresenceBoard } from './domain/presence';
import type { EventBus } from './events';
import type { LoginThrottle } from './security/login-throttle';
import type { MemorySessions } from './security/memory-sessions';
import type { SecretStore } from './security/secrets';
import type { Db } from './store/db';
import type { AttachmentStore } from './store/attachments';
import type { DiskWatch } from './store/disk';

/** The WebAPI client's settings; declared here so the services stay below the features that use them. */
export interface BpsDataOptions {
  apiRoot?: string;
  requestTimeoutMs?: number;
  minIntervalMs?: number;
  retryDelaysMs?: readonly number[];
}

/** Everything the handlers and connectors share; built once per process by createCore(). */
export interface CoreServices {
  db: Db;
  events: EventBus;
  secrets: SecretStore;
  attachments: AttachmentStore;
  dataDir: string;
  /** Whether the data folder's disk is full, as the last failed write found it. */
  disk: DiskWatch;
  /** Logins made while the disk was full (no session row could be written). */
  memorySessions: MemorySessions;
  /** Wrong-password counts per typed name and caller, in memory. */
  loginThrottle: LoginThrottle;
  /** Who has which consultation open, in every console of this core (memory only). */
  presence: PresenceBoard;
  host: HostKind;
  version: string;
  trainingMode: boolean;
  /** The clock; tests replace it to put the console at a chosen instant. */
  now(): number;
  /** Connectors by channel; the outbox sends through them. */
  connectors: Map<Channel, ChannelConnector>;
  /** The channels running in this core, by channel (empty in training mode and in most tests). */
  channels: Map<Channel, RunningChannel>;
  /** Where and how fast BPS's WebAPI is asked (the tests' emulator, shorter waits); absent: the public service. */
  bpsData?: BpsDataOptions;
  /** Wake the outbox worker after enqueueing (a no-op until the core is started). */
  kickOutbox(): void;
}
