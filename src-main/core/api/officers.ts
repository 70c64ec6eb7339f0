import { z } from 'zod';
import { conflict, notFound } from '../errors';
import { hashPassword } from '../security/password';
import { officerQueries, toView } from '../store/queries/officers';
import { sessionQueries } from '../store/queries/sessions';
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
} satisfies HandlerMap;
