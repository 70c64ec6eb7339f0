import type { Role } from '../../src-preload/contract';
import type { MessageKey } from '../i18n';

export type PageId = 'inbox' | 'complaints' | 'reports' | 'settings';

export interface PageDef {
  id: PageId;
  label: MessageKey;
  /** The lowest role that sees the page. */
  minRole: Role;
}

const PAGES: readonly PageDef[] = [
  { id: 'inbox', label: 'nav.inbox', minRole: 'officer' },
  { id: 'complaints', label: 'nav.complaints', minRole: 'officer' },
  { id: 'reports', label: 'nav.reports', minRole: 'supervisor' },
  // Every officer edits their own profile here; the office-wide tabs stay for admins.
  { id: 'settings', label: 'nav.settings', minRole: 'officer' },
];

const RANK: Record<Role, number> = { officer: 1, supervisor: 2, admin: 3 };

/** Mirrors the core's rule (an admin may do what a supervisor may); the core still checks every call. */
export const roleAllows = (role: Role, minRole: Role): boolean => RANK[role] >= RANK[minRole];

export const pagesFor = (role: Role): PageDef[] => PAGES.filter((p) => roleAllows(role, p.minRole));
