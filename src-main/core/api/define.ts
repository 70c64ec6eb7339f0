import type { z } from 'zod';
import type { Input, Method, OfficerView, Output, Role } from '../../../src-preload/contract';
import type { CoreServices } from '../services';

/** Who may call a method: anyone (before login), or an officer of at least this role. */
export type Access = 'public' | Role;

/** Where a host keeps the officer's login for one caller (a cookie, or one Electron window). */
export interface SessionSlot {
  get(): string | null;
  set(token: string | null): void;
  /** Where the calls come from: the remote address, or 'window' for the desktop app's own window. */
  readonly caller?: string;
  /**
   * True on the office-network listener: a login here is a session from another PC, which
   * remembers the caller's address and ends after the admin's idle time.
   */
  readonly remote?: boolean;
}

export interface HandlerContext {
  core: CoreServices;
  session: SessionSlot;
  /** The logged-in officer, or null for public methods called before login. */
  officer: OfficerView | null;
}

export interface AuditRecord {
  entityType: string | null;
  entityId: string | number | null;
  detail?: unknown;
  /** Who acted, when it is not the caller's session (login, first-run setup). */
  actorId?: number;
}

type Schema<M extends Method> = z.ZodType<Input<M>, unknown>;

/** A read: may be async, writes nothing. */
export interface QueryDef<M extends Method> {
  kind: 'query';
  access: Access;
  input: Schema<M>;
  run(input: Input<M>, ctx: HandlerContext): Output<M> | Promise<Output<M>>;
}

/**
 * A write. `run` is synchronous and executes in ONE transaction together with its audit-log row,
 * so a failure changes nothing. Slow async work (password hashing, a network check) goes in
 * `prepare`, which runs first, outside the transaction.
 */
export interface MutationDef<M extends Method, P> {
  kind: 'mutation';
  access: Access;
  input: Schema<M>;
  prepare?(input: Input<M>, ctx: HandlerContext): Promise<P>;
  run(input: Input<M>, ctx: HandlerContext, prepared: P): Output<M>;
  audit(input: Input<M>, output: Output<M>, ctx: HandlerContext): AuditRecord;
  /**
   * Work that cannot run inside a transaction (VACUUM, a WAL checkpoint), done after the commit
   * and before the answer. The change has committed whatever happens here, so a failure is
   * logged, not returned.
   */
  afterCommit?(output: Output<M>, ctx: HandlerContext, input: Input<M>): void;
  /**
   * What to answer when the transaction failed because the disk is full, instead of the
   * disk-full error: only for a call that must work anyway (a login) and can do without its
   * writes. It writes nothing to the store.
   */
  whenDiskFull?(input: Input<M>, ctx: HandlerContext, prepared: P): Output<M>;
}

/**
 * A write of the caller's own unfinished work (a composer draft): one transaction like a mutation,
 * but no audit row. Drafts are saved every few seconds while an officer types and record no
 * decision; what is finally sent is audited by its own mutation. Only for state that belongs to
 * the calling officer alone.
 */
export interface ScratchWriteDef<M extends Method> {
  kind: 'scratch';
  access: Exclude<Access, 'public'>;
  input: Schema<M>;
  run(input: Input<M>, ctx: HandlerContext & { officer: OfficerView }): Output<M>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each mutation has its own prepared type
export type HandlerDef<M extends Method> = QueryDef<M> | MutationDef<M, any> | ScratchWriteDef<M>;

export type HandlerMap = { [M in Method]?: HandlerDef<M> };
export type Handlers = { [M in Method]: HandlerDef<M> };

export const query = <M extends Method>(def: Omit<QueryDef<M>, 'kind'>): QueryDef<M> => ({ kind: 'query', ...def });
export const mutation = <M extends Method, P = undefined>(def: Omit<MutationDef<M, P>, 'kind'>): MutationDef<M, P> => ({
  kind: 'mutation',
  ...def,
});
export const scratchWrite = <M extends Method>(def: Omit<ScratchWriteDef<M>, 'kind'>): ScratchWriteDef<M> => ({ kind: 'scratch', ...def });

/**
 * Joins the per-domain maps into one. A method defined twice is a programming error that must
 * stop the console at start-up, not silently shadow a handler.
 */
export function combineHandlers(...maps: HandlerMap[]): HandlerMap {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (name in all) throw new Error(`Duplicate handler for contract method "${name}"`);
      all[name] = def;
    }
  }
  return all as HandlerMap;
}
