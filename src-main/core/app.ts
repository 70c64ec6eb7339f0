import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKind } from '../../src-preload/contract';
import { handlers } from './api';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './events';
import { SecretStore, type SecretCipher } from './security/secrets';
import type { CoreServices } from './services';
import { AttachmentStore } from './store/attachments';
import { openDatabase } from './store/db';

export interface CoreOptions {
  dataDir: string;
  host: HostKind;
  version: string;
  /** How this host protects secrets at rest. */
  cipher: SecretCipher;
  trainingMode?: boolean;
  now?: () => number;
}

export interface Core {
  services: CoreServices;
  dispatch: Dispatch;
  close(): void;
}

export const DATABASE_FILE = 'pst-console.sqlite3';

/** Builds the core once per process; both hosts and the tests call this and nothing else. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const services: CoreServices = {
    db,
    events: new EventBus(),
    secrets: new SecretStore(db, options.cipher),
    attachments: new AttachmentStore(join(options.dataDir, 'attachments')),
    dataDir: options.dataDir,
    host: options.host,
    version: options.version,
    trainingMode: options.trainingMode ?? false,
    now: options.now ?? Date.now,
  };
  return {
    services,
    dispatch: createDispatcher(services, handlers),
    close: () => db.close(),
  };
}
