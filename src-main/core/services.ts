import type { Channel, CoreMessage, HostKind } from '../../src-preload/contract';
import type { ChannelConnector, RunningChannel } from './domain/connector';
import type { PresenceBoard } from './domain/presence';
import type { EventBus } from './events';
import type { LoginThrottle } from './security/login-throttle';
import type { MemorySessions } from './security/memory-sessions';
import type { SecretStore } from './security/secrets';
import type { SessionEndings } from './security/session-endings';
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

/**
 * The office-network listener, as the host that runs it lets the API drive it. Declared here so
 * the core knows the shape but not the host; a host without one (tests, training) leaves the no-op.
 */
export interface LanControl {
  /** The stored settings changed: start, restart or stop the listener (asynchronously). */
  apply(): void;
  /** The addresses the other PCs open now; empty while not listening. */
  urls(): string[];
  /** Why it is not listening although switched on; null otherwise. */
  problem(): CoreMessage | null;
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
  /** Sessions ended through the API: each host closes their event streams. */
  sessionEndings: SessionEndings;
  /** The office-network listener of the host that runs one. */
  lan: LanControl;
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
