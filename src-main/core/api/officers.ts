import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { OpenConsultationView } from '../../../src-preload/contract';
import { conflict, invalidInput, notFound } from '../errors';
import { hashPassword } from '../security/password';
import { officerQueries, toView } from '../store/queries/officers';
import { sessionQueries } from '../store/queries/sessions';
import { loadConversation } from '../workflow/conversation';
import * as flow from '../workflow/transitions';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, id, password, role, text, username } from './schemas';

export const officerHandlers = {
  'officers.list': query<'officers.list'>({
    access: 'supervisor',
    input: empty,
    run: (_input, { core }) => officerQueries(core.db).list(),
  }),

  'officers.create': mutation<'officers.create', string>({
    access: 'admin',
    input: z.strictObject({ username, displayName: text(80), role, password }),
    prepare: (input) => hashPassword(input.password),
    run: (input, { core }, passwordHash) => {
      const officers = officerQueries(core.db);
      if (officers.byUsername(input.username)) throw conflict({ code: 'officers.username_taken', params: { username: input.username } });
      const newId = officers.insert({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, now: core.now() });
      return toView(officers.byId(newId)!);
    },
    audit: (input, out) => ({ entityType: 'officer', entityId: out.id, detail: { role: input.role } }),
  }),

  'officers.update': mutation<'officers.update', string | undefined>({
    access: 'admin',
    input: z.strictObject({
      id,
      displayName: text(80).optional(),
      role: role.optional(),
      disabled: z.boolean().optional(),
      signature: z.string().max(2000).optional(),
      password: password.optional(),
    }),
    prepare: async (input) => (input.password ? hashPassword(input.password) : undefined),
    run: (input, { core }, passwordHash) => {
      const officers = officerQueries(core.db);
      const current = officers.byId(input.id);
      if (!current) throw notFound({ code: 'officers.not_found' });
      const losesAdmin = current.role === 'admin' && !current.disabled && ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
      if (losesAdmin && officers.countActiveAdmins() <= 1) throw conflict({ code: 'officers.last_admin' });
      officers.update(input.id, { ...input, passwordHash });
      if (input.disabled === true || passwordHash) {
        sessionQueries(core.db).deleteForOfficer(input.id);
        core.memorySessions.deleteForOfficer(input.id);
      }
      // A new password from the admin also lifts a login lock on the name.
      if (passwordHash) core.loginThrottle.clear(current.username);
      return toView(officers.byId(input.id)!);
    },
    // The password itself never enters the audit log; only that it changed.
    audit: ({ password: pw, ...rest }) => ({ entityType: 'officer', entityId: rest.id, detail: { ...rest, passwordChanged: pw !== undefined } }),
  }),

  'officers.resetPassword': mutation<'officers.resetPassword', { temporaryPassword: string; passwordHash: string }>({
    access: 'admin',
    input: z.strictObject({ id }),
    prepare: async () => {
      const temporaryPassword = oneTimePassword();
      return { temporaryPassword, passwordHash: await hashPassword(temporaryPassword) };
    },
    run: (input, { core }, { temporaryPassword, passwordHash }) => {
      const officers = officerQueries(core.db);
      const current = officers.byId(input.id);
      if (!current) throw notFound({ code: 'officers.not_found' });
      officers.update(input.id, { passwordHash, mustChangePassword: true });
      sessionQueries(core.db).deleteForOfficer(input.id);
      core.memorySessions.deleteForOfficer(input.id);
      core.loginThrottle.clear(current.username);
      return { temporaryPassword };
    },
    // That it was reset, never the password.
    audit: (input) => ({ entityType: 'officer', entityId: input.id, detail: { passwordReset: true } }),
  }),

  'officers.openConsultations': query<'officers.openConsultations'>({
    access: 'supervisor',
    input: z.strictObject({ id }),
    run: (input, { core }) =>
      core.db
        .prepare(
          `SELECT c.id, c.ticket, c.subject, c.status, coalesce(r.name, i.display_name) AS requesterName
             FROM conversations c JOIN requesters r ON r.id = c.requester_id
             LEFT JOIN channel_identities i ON i.id = (SELECT min(id) FROM channel_identities WHERE requester_id = r.id)
            WHERE c.assignee_id = ? AND c.status NOT IN ('resolved', 'rated')
            ORDER BY c.id`,
        )
        .all(input.id) as OpenConsultationView[],
  }),

  'officers.handOver': mutation<'officers.handOver'>({
    access: 'admin',
    input: z.strictObject({ fromId: id, toId: id.nullable() }),
    run: (input, { core, officer }) => {
      if (input.fromId === input.toId) throw invalidInput({ code: 'officers.hand_over_same' });
      if (!officerQueries(core.db).byId(input.fromId)) throw notFound({ code: 'officers.not_found' });
      const ids = core.db
        .prepare("SELECT id FROM conversations WHERE assignee_id = ? AND status NOT IN ('resolved', 'rated') ORDER BY id")
        .pluck()
        .all(input.fromId) as number[];
      // Each one through the workflow's own assignment: its timeline says who took it over and who decided.
      for (const conversationId of ids)
        flow.assign(core, loadConversation(core.db, conversationId), input.toId, { officerId: officer!.id, name: officer!.displayName });
      return { moved: ids.length };
    },
    audit: (input, out) => ({ entityType: 'officer', entityId: input.fromId, detail: { toId: input.toId, moved: out.moved } }),
  }),
} satisfies HandlerMap;

/** Easy to read out and type: no 0/O, 1/l/I. 12 characters from 55 symbols is about 69 bits. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function oneTimePassword(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}
