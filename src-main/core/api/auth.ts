import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { AppError, conflict } from '../errors';
import { hashPassword, verifyPassword } from '../security/password';
import { officerQueries, toView } from '../store/queries/officers';
import { sessionQueries } from '../store/queries/sessions';
import { remoteIdleMs } from './lan';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, password, text, username } from './schemas';

// A fixed pause after every failure slows guessing even below the lock threshold.
const FAILURE_DELAY_MS = 400;
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const wrongCredentials = () => new AppError('forbidden', { code: 'auth.wrong_credentials' });

export const authHandlers = {
  'auth.status': query<'auth.status'>({
    access: 'public',
    input: empty,
    run: (_input, { core, officer }) => ({ needsSetup: officerQueries(core.db).count() === 0, officer }),
  }),

  'auth.setupAdmin': mutation<'auth.setupAdmin', string>({
    access: 'public',
    input: z.strictObject({ username, displayName: text(80), password }),
    prepare: (input) => hashPassword(input.password),
    run: (input, { core, session }, passwordHash) => {
      const officers = officerQueries(core.db);
      // Checked inside the transaction: two first-run forms racing create one admin, not two.
      if (officers.count() > 0) throw conflict({ code: 'auth.admin_exists' });
      const id = officers.insert({ username: input.username, displayName: input.displayName, role: 'admin', passwordHash, now: core.now() });
      officers.recordLogin(id, core.now());
      session.set(sessionQueries(core.db).create(id, core.now()));
      return toView(officers.byId(id)!);
    },
    audit: (_input, out) => ({ entityType: 'officer', entityId: out.id, actorId: out.id }),
  }),

  'auth.login': mutation<'auth.login', number>({
    access: 'public',
    input: z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }),
    // Counted per typed name and caller whether the name exists or not (see LoginThrottle): the
    // answers and their timing are the same for a real name and a made-up one.
    prepare: async (input, { core, session }) => {
      const caller = session.caller ?? 'local';
      const now = core.now();
      const refusal = core.loginThrottle.refusal(input.username, caller, now);
      if (refusal) {
        const minutes = Math.ceil((refusal.until - now) / 60_000);
        throw new AppError('forbidden', { code: refusal.scope === 'caller' ? 'auth.caller_paused' : 'auth.locked_out', params: { minutes } });
      }
      const officer = officerQueries(core.db).byUsername(input.username);
      // Verify even for an unknown name so the response time does not tell which names exist.
      const valid = await verifyPassword(input.password, officer?.passwordHash ?? DUMMY_HASH);
      if (!officer || !valid || officer.disabled) {
        if (!valid) core.loginThrottle.failed(input.username, caller, now);
        await sleep(FAILURE_DELAY_MS);
        if (officer && valid && officer.disabled) throw new AppError('forbidden', { code: 'auth.account_disabled' });
        throw wrongCredentials();
      }
      core.loginThrottle.succeeded(input.username, caller);
      return officer.id;
    },
    run: (_input, { core, session }, officerId) => {
      officerQueries(core.db).recordLogin(officerId, core.now());
      const previous = session.get();
      if (previous) sessionQueries(core.db).delete(previous);
      // From another PC: its address is kept (the admin's session list) and it ends sooner when idle.
      const origin = session.remote ? { remoteAddress: session.caller ?? null, idleMs: remoteIdleMs(core.db) } : {};
      session.set(sessionQueries(core.db).create(officerId, core.now(), origin));
      return toView(officerQueries(core.db).byId(officerId)!);
    },
    audit: (_input, out, { session }) => ({
      entityType: 'officer',
      entityId: out.id,
      actorId: out.id,
      detail: { remoteAddress: session.remote ? (session.caller ?? null) : null },
    }),
    // On a full disk the officer still gets in (to read, and to see the disk bar): a session
    // in memory, no last-login time, no audit row.
    whenDiskFull: (_input, { core, session }, officerId) => {
      session.set(core.memorySessions.create(officerId, core.now()));
      return toView(officerQueries(core.db).byId(officerId)!);
    },
  }),

  /** The admin lifts a login lock of a name, for every caller (a restart of the console clears them all). */
  'auth.unlock': mutation<'auth.unlock'>({
    access: 'admin',
    input: z.strictObject({ username: z.string().trim().min(1).max(40) }),
    run: (input, { core }) => ({ wasLocked: core.loginThrottle.clear(input.username) }),
    audit: (input, out) => ({ entityType: 'officer', entityId: null, detail: { username: input.username, ...out } }),
  }),

  'auth.logout': mutation<'auth.logout'>({
    access: 'officer',
    input: empty,
    run: (_input, { core, session }) => {
      const token = session.get();
      if (token) {
        sessionQueries(core.db).delete(token);
        core.memorySessions.delete(token);
      }
      session.set(null);
      return null;
    },
    audit: (_input, _out, { officer }) => ({ entityType: 'officer', entityId: officer?.id ?? null }),
  }),

  'auth.changePassword': mutation<'auth.changePassword', string>({
    access: 'officer',
    input: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: password }),
    prepare: async (input, { core, officer }) => {
      const record = officerQueries(core.db).byId(officer!.id)!;
      if (!(await verifyPassword(input.currentPassword, record.passwordHash))) throw new AppError('forbidden', { code: 'auth.current_password_wrong' });
      return hashPassword(input.newPassword);
    },
    run: (_input, { core, officer, session }, passwordHash) => {
      officerQueries(core.db).update(officer!.id, { passwordHash, mustChangePassword: false });
      // Every other login of this officer ends; this one continues with a fresh token.
      sessionQueries(core.db).deleteForOfficer(officer!.id);
      core.memorySessions.deleteForOfficer(officer!.id);
      session.set(sessionQueries(core.db).create(officer!.id, core.now()));
      return null;
    },
    audit: (_input, _out, { officer }) => ({ entityType: 'officer', entityId: officer!.id }),
  }),

  'auth.updateProfile': mutation<'auth.updateProfile'>({
    access: 'officer',
    input: z.strictObject({ displayName: text(80).optional(), signature: z.string().max(2000).optional() }),
    run: (input, { core, officer }) => {
      officerQueries(core.db).update(officer!.id, input);
      return toView(officerQueries(core.db).byId(officer!.id)!);
    },
    audit: (input, out) => ({ entityType: 'officer', entityId: out.id, detail: input }),
  }),
} satisfies HandlerMap;
