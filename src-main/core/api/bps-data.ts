import { z } from 'zod';
import type { BpsRegion, BpsSettingsView } from '../../../src-preload/contract';
import { linksSent } from '../bpsdata/links';
import { BPS_KEY_SECRET, findRegency, reasonOf, savedRegency, saveRegency, searchCatalogue } from '../bpsdata/search';
import { AppError, conflict, notFound, refuseInTraining } from '../errors';
import type { CoreServices } from '../services';
import { mutation, query, type HandlerMap } from './define';
import { empty, id } from './schemas';

function settingsView(core: CoreServices): BpsSettingsView {
  const hasKey = core.secrets.has(BPS_KEY_SECRET);
  const regency = hasKey ? savedRegency(core) : null;
  return { hasKey, regency: regency ? { domain: regency.domain, name: regency.name } : null, testedAt: regency?.testedAt ?? null };
}

/**
 * The live test of a key: Bali's list of regencies, in which the regency must be found. Its failure
 * is said as what the officer can do; a refused key is invalid input, anything else means BPS
 * could not be asked.
 */
async function checkKey(core: CoreServices, key: string): Promise<BpsRegion> {
  try {
    return await findRegency(core, key);
  } catch (error) {
    const reason = reasonOf(error);
    throw new AppError(reason.code === 'bps.key_rejected' ? 'invalid_input' : 'channel_unavailable', reason);
  }
}

export const bpsDataHandlers = {
  'bpsData.getSettings': query<'bpsData.getSettings'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => settingsView(core),
  }),

  'bpsData.saveKey': mutation<'bpsData.saveKey', BpsRegion>({
    access: 'admin',
    input: z.strictObject({
      key: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{16,128}$/, 'Kunci WebAPI BPS berupa huruf dan angka tanpa spasi (contoh 20b7b629ff…)'),
    }),
    prepare: (input, { core }) => {
      refuseInTraining(core);
      return checkKey(core, input.key);
    },
    run: (input, { core }, regency) => {
      core.secrets.set(BPS_KEY_SECRET, input.key);
      saveRegency(core, regency);
      return settingsView(core);
    },
    // Never the key.
    audit: (_input, output) => ({ entityType: 'bps_key', entityId: null, detail: { regency: output.regency?.domain ?? null } }),
  }),

  'bpsData.removeKey': mutation<'bpsData.removeKey'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => {
      core.secrets.delete(BPS_KEY_SECRET);
      return settingsView(core);
    },
    audit: () => ({ entityType: 'bps_key', entityId: null }),
  }),

  'bpsData.test': mutation<'bpsData.test', BpsRegion>({
    access: 'admin',
    input: empty,
    prepare: (_input, { core }) => {
      refuseInTraining(core);
      const key = core.secrets.get(BPS_KEY_SECRET);
      if (!key) throw conflict({ code: 'bps.no_key' });
      return checkKey(core, key);
    },
    run: (_input, { core }, regency) => {
      saveRegency(core, regency);
      return settingsView(core);
    },
    audit: (_input, output) => ({ entityType: 'bps_key', entityId: null, detail: { regency: output.regency?.domain ?? null } }),
  }),

  // A read, though it saves what BPS answered: the cache is a copy of BPS's catalogue, not a
  // decision of the office, so it takes no audit row and needs no transaction of its own.
  'bpsData.search': query<'bpsData.search'>({
    access: 'officer',
    input: z.strictObject({
      keyword: z.string().trim().min(2).max(200),
      kind: z.enum(['table', 'publication', 'pressRelease']),
      page: z.number().int().min(1).max(100).optional(),
    }),
    run: (input, { core }) => searchCatalogue(core, input.keyword, input.kind, input.page ?? 1),
  }),

  'bpsData.linksSent': query<'bpsData.linksSent'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id }),
    run: (input, { core }) => {
      if (!core.db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(input.conversationId)) throw notFound({ code: 'conversations.not_found' });
      return linksSent(core.db, input.conversationId);
    },
  }),
} satisfies HandlerMap;
