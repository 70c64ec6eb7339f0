import type { HandlerMap } from './define';
import { query } from './define';
import { empty } from './schemas';
import { latestVersion } from '../store/migrate';
import { migrations } from '../store/migrations';

export const appHandlers = {
  'app.storage': query<'app.storage'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => core.disk.status(),
  }),

  'app.info': query<'app.info'>({
    access: 'public',
    input: empty,
    run: (_input, { core }) => ({
      name: 'PST Console',
      version: core.version,
      host: core.host,
      dataDir: core.dataDir,
      schemaVersion: latestVersion(migrations),
      trainingMode: core.trainingMode,
    }),
  }),
} satisfies HandlerMap;
