import type { Role } from '../src-preload/contract';

/** Each role can do what the ones below it can: officer < supervisor < admin. */
const RANK: Record<Role, number> = { officer: 1, supervisor: 2, admin: 3 };

/** Whether an officer with `role` may do what needs at least `minRole`. */
export const roleAllows = (role: Role, minRole: Role): boolean => RANK[role] >= RANK[minRole];
