import { z } from 'zod';
import type { SettingsView } from '../../../src-preload/contract';
import { auditQueries } from '../store/queries/audit';
import { settingsQueries } from '../store/queries/settings';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, id, limit, text } from './schemas';

const DEFAULTS: SettingsView = { officeName: 'PST BPS Kabupaten Buleleng', language: 'id' };

const read = (db: Parameters<typeof settingsQueries>[0]): SettingsView => {
  const s = settingsQueries(db);
  return { officeName: s.get('officeName', DEFAULTS.officeName), language: s.get('language', DEFAULTS.language) };
};

export const settingsHandlers = {
  'settings.get': query<'settings.get'>({
    access: 'public',
    input: empty,
    run: (_input, { core }) => read(core.db),
  }),

  'settings.update': mutation<'settings.update'>({
    access: 'admin',
    input: z.strictObject({ officeName: text(120).optional(), language: z.enum(['id', 'en']).optional() }),
    run: (input, { core }) => {
      const s = settingsQueries(core.db);
      for (const [key, value] of Object.entries(input)) if (value !== undefined) s.set(key, value, core.now());
      return read(core.db);
    },
    audit: (input) => ({ entityType: 'settings', entityId: null, detail: input }),
  }),

  'audit.list': query<'audit.list'>({
    access: 'admin',
    input: z.strictObject({ beforeId: id.optional(), limit: limit(500, 100).optional() }),
    run: (input, { core }) => auditQueries(core.db).list(input.beforeId, input.limit ?? 100),
  }),
} satisfies HandlerMap;
