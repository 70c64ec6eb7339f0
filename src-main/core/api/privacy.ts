import { z } from 'zod';
import type { PrivacySettingsView } from '../../../src-preload/contract';
import { notFound } from '../errors';
import { anonymiseRequesters } from '../privacy/anonymise';
import { exportRequester } from '../privacy/export';
import { readLastRetention, readRetentionMonths, runRetention, writeRetentionMonths } from '../privacy/retention';
import { scrubDatabaseFiles } from '../privacy/scrub';
import type { CoreServices } from '../services';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, id, text } from './schemas';

function view(core: CoreServices): PrivacySettingsView {
  const last = readLastRetention(core.db);
  return {
    retentionMonths: readRetentionMonths(core.db),
    lastRun: last && {
      at: last.at,
      cutoff: last.cutoff,
      requesters: last.stats.requesters,
      conversations: last.stats.conversations,
      messages: last.stats.messages,
      attachments: last.stats.attachments,
    },
  };
}

export const privacyHandlers = {
  'privacy.getSettings': query<'privacy.getSettings'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => view(core),
  }),

  'privacy.saveSettings': mutation<'privacy.saveSettings'>({
    access: 'admin',
    input: z.strictObject({ retentionMonths: z.number().int().min(0).max(240) }),
    run: (input, { core }) => {
      writeRetentionMonths(core.db, input.retentionMonths, core.now());
      return view(core);
    },
    audit: (input) => ({ entityType: 'settings', entityId: 'privacy', detail: input }),
  }),

  /** Its own transactions in batches and its own audit row ('privacy.retention'); this row says who asked. */
  'privacy.runRetention': mutation<'privacy.runRetention', null>({
    access: 'admin',
    input: empty,
    prepare: async (_input, { core }) => {
      runRetention(core);
      return null;
    },
    run: (_input, { core }) => view(core),
    audit: (_input, out) => ({ entityType: 'privacy', entityId: null, detail: { requesters: out.lastRun?.requesters ?? 0 } }),
  }),

  'requesters.export': mutation<'requesters.export'>({
    access: 'supervisor',
    input: z.strictObject({ id }),
    run: (input, { core }) => exportRequester(core, input.id),
    // Who took a copy of whose data, and when; not the data itself.
    audit: (input, out) => ({ entityType: 'requester', entityId: input.id, detail: { fileName: out.fileName, bytes: Buffer.byteLength(out.json) } }),
  }),

  'requesters.erase': mutation<'requesters.erase'>({
    access: 'supervisor',
    input: z.strictObject({ id, reason: text(500) }),
    run: (input, { core }) => {
      if (core.db.prepare('SELECT 1 FROM requesters WHERE id = ?').get(input.id) === undefined) throw notFound({ code: 'requesters.not_found' });
      const stats = anonymiseRequesters(core, [input.id]);
      const conversationIds = core.db.prepare('SELECT id FROM conversations WHERE requester_id = ?').pluck().all(input.id) as number[];
      if (conversationIds.length > 0) core.events.emit('inbox.changed', { conversationIds });
      return stats;
    },
    // The requester by id only: no name, no address (the reason is the supervisor's own words).
    audit: (input, out) => ({ entityType: 'requester', entityId: input.id, detail: { reason: input.reason, ...out } }),
    // Files, the WAL's old pages and free space go after the commit (the file list is in the same
    // transaction, so a crash only delays them).
    afterCommit: (_out, { core }) => void scrubDatabaseFiles(core),
  }),
} satisfies HandlerMap;
