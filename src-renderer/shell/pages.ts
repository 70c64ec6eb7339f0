import { roleAllows } from '../../src-common/roles';
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

/** Mirrors the core's rule (an admin may do what a supervisor may); the core still checks every call. */

export const pagesFor = (role: Role): PageDef[] => PAGES.filter((p) => roleAllows(role, p.minRole));
