import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKind } from '../../src-preload/contract';
import { handlers } from './api';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './events';
import { PresenceBoard } from './domain/presence';
import { SecretStore, type SecretCipher } from './security/secrets';
import type { BpsDataOptions, CoreServices } from './services';
import { AttachmentStore } from './store/attachments';
import { DiskWatch } from './store/disk';
import { LoginThrottle } from './security/login-throttle';
import { MemorySessions } from './security/memory-sessions';
import { SessionEndings } from './security/session-endings';
import { openDatabase } from './store/db';
import { SearchIndexer } from './store/search-index';
import { OutboxWorker, type OutboxOptions } from './outbox/worker';
import { MaintenanceScheduler, type MaintenanceOptions } from './backup/scheduler';
import { purgeBlobs } from './privacy/blobs';
import { initWorkflow } from './workflow/init';

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  version: string;
  /** How this host protects secrets at rest. */
  cipher: SecretCipher;
  trainingMode?: boolean;
  now?: () => number;
  outbox?: OutboxOptions;
  /** Scheduled backup and personal-data retention; off in training mode. */
  maintenance?: MaintenanceOptions;
  /** BPS WebAPI: another address (the tests' emulator) or shorter waits. */
  bpsData?: BpsDataOptions;
}

export interface Core {
  services: CoreServices;
  dispatch: Dispatch;
  outbox: OutboxWorker;
  maintenance: MaintenanceScheduler;
  /** Starts background work (the outbox worker); hosts call it once the connectors are registered. */
  start(): Promise<void>;
  /** Stops background work and closes the database. */
  close(): Promise<void>;
}

export const DATABASE_FILE = 'pst-console.sqlite3';

/** Builds the core once per process; both hosts and the tests call this and nothing else. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const events = new EventBus();
  const now = options.now ?? Date.now;
  const services: CoreServices = {
    db,
    events,
    secrets: new SecretStore(db, options.cipher),
    attachments: new AttachmentStore(join(options.dataDir, 'attachments')),
    dataDir: options.dataDir,
    disk: new DiskWatch(options.dataDir, events, now),
    memorySessions: new MemorySessions(),
    loginThrottle: new LoginThrottle(),
    sessionEndings: new SessionEndings(),
    lan: { apply: () => undefined, urls: () => [], problem: () => null },
    // Through services.now: tests move the clock after the core is built.
    presence: new PresenceBoard(
      () => services.now(),
      (presence) => events.emit('presence.changed', { presence }),
    ),
    host: options.host,
    version: options.version,
    trainingMode: options.trainingMode ?? false,
    now,
    connectors: new Map(),
    channels: new Map(),
    bpsData: options.bpsData,
    // Deferred: a handler enqueues inside its transaction; the worker must see the committed row.
    kickOutbox: () => setImmediate(() => outbox.kick()),
  };
  const outbox = new OutboxWorker(services, services.connectors, options.outbox);
  initWorkflow(services);
  const maintenance = new MaintenanceScheduler(services, options.maintenance);
  const searchIndexer = new SearchIndexer(db, events);
  return {
    services,
    dispatch: createDispatcher(services, handlers),
    outbox,
    maintenance,
    start: async () => {
      // Attachment files of an erasure interrupted by a crash go now.
      purgeBlobs(services);
      if (!services.trainingMode) maintenance.start();
      searchIndexer.start();
      await outbox.start();
    },
    close: async () => {
      searchIndexer.stop();
      await maintenance.stop();
      await outbox.stop();
      services.disk.stop();
      db.close();
    },
  };
}
