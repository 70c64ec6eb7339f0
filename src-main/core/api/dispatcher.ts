import { roleAllows } from '../../../src-common/roles';
import type { Method, OfficerView, Result } from '../../../src-preload/contract';
import { AppError, diskFullError, forbidden, isDiskFull, unexpectedError } from '../errors';
import type { CoreServices } from '../services';
import { auditQueries } from '../store/queries/audit';
import { officerQueries, toView } from '../store/queries/officers';
import { sessionQueries } from '../store/queries/sessions';
import type { Access, HandlerContext, HandlerDef, HandlerMap, SessionSlot } from './define';

export const allows = (access: Access, officer: OfficerView | null): boolean => access === 'public' || (officer !== null && roleAllows(officer.role, access));

/** Resolves the caller's session to an enabled officer, or null. */
function currentOfficer(core: CoreServices, session: SessionSlot): OfficerView | null {
  const token = session.get();
  if (!token) return null;
  const officerId = sessionQueries(core.db).touch(token, core.now()) ?? core.memorySessions.officerOf(token, core.now(), true);
  const officer = officerId === null ? null : officerQueries(core.db).byId(officerId);
  if (!officer || officer.disabled) return null;
  return toView(officer);
}

/** Whether a session belongs to an enabled officer now, without counting as use of the session. */
export function sessionIsLive(core: CoreServices, token: string): boolean {
  const officerId = sessionQueries(core.db).peek(token, core.now()) ?? core.memorySessions.officerOf(token, core.now(), false);
  const officer = officerId === null ? null : officerQueries(core.db).byId(officerId);
  return officer !== null && !officer.disabled;
}

const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['auth.status', 'auth.changePassword', 'auth.logout', 'app.info', 'app.storage', 'settings.get']);

export type Dispatch = (method: string, input: unknown, session: SessionSlot) => Promise<Result<unknown>>;

/**
 * The one entry every host calls: validates the input (zod), checks the role, runs the handler,
 * audits mutations in the same transaction, and turns every failure into data with a fixed kind.
 */
export function createDispatcher(core: CoreServices, handlers: HandlerMap): Dispatch {
  const table = handlers as Record<string, HandlerDef<Method> | undefined>;
  return async (method, rawInput, session) => {
    const def = Object.hasOwn(table, method) ? table[method] : undefined;
    if (!def)
      return { ok: false, error: new AppError('not_found', { code: 'error.unknown_method', params: { method: String(method).slice(0, 80) } }).toApiError() };
    try {
      // Who first, then what: a caller without the role learns nothing about valid inputs.
      const officer = currentOfficer(core, session);
      if (!allows(def.access, officer)) {
        throw forbidden({ code: officer ? 'auth.role_not_allowed' : 'auth.sign_in_first' });
      }
      // Signed in with a one-time password: nothing but choosing one's own until it is done.
      if (officer?.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) throw forbidden({ code: 'auth.must_change_password' });
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return { ok: false, error: new AppError('invalid_input', { code: 'error.invalid_input' }, issues).toApiError() };
      }
      const ctx: HandlerContext = { core, session, officer };
      const input = parsed.data;
      if (def.kind === 'query') return { ok: true, value: await def.run(input, ctx) };
      if (def.kind === 'scratch') {
        if (!officer) throw forbidden({ code: 'auth.sign_in_first' });
        return { ok: true, value: core.db.transaction(() => def.run(input, { ...ctx, officer }))() };
      }

      const prepared = def.prepare ? await def.prepare(input, ctx) : undefined;
      const commit = core.db.transaction(() => {
        const output = def.run(input, ctx, prepared);
        const record = def.audit(input, output, ctx);
        auditQueries(core.db).write({
          at: core.now(),
          officerId: record.actorId ?? ctx.officer?.id ?? null,
          action: method,
          entityType: record.entityType,
          entityId: record.entityId,
          detail: record.detail,
        });
        return output;
      });
      let value;
      try {
        value = commit();
      } catch (error) {
        if (!def.whenDiskFull || !isDiskFull(error)) throw error;
        core.disk.reportFull();
        console.error(`[api] ${method}: the disk is full; answered without writing`);
        value = def.whenDiskFull(input, ctx, prepared);
      }
      if (def.afterCommit) {
        try {
          def.afterCommit(value, ctx, input);
        } catch (error) {
          console.error(`[api] ${method}: work after the commit failed`, error);
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      if (isDiskFull(error)) {
        core.disk.reportFull();
        console.error(`[api] ${method}: the disk is full`, (error as { code?: string }).code);
        return { ok: false, error: diskFullError(core.dataDir).toApiError() };
      }
      console.error(`[api] ${method} failed`, error);
      return { ok: false, error: unexpectedError() };
    }
  };
}
