/**
 * Login, the first admin account, officers and their roles.
 */
import type { Role } from './base';

export interface OfficerView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  signature: string;
  createdAt: number;
  lastLoginAt: number | null;
}

export interface AuthStatus {
  /** True until the first admin account exists: the renderer shows the first-run screen. */
  needsSetup: boolean;
  officer: OfficerView | null;
}

export interface AuthMethods {
  'auth.status': { input: Record<string, never>; output: AuthStatus };
  'auth.setupAdmin': {
    input: { username: string; displayName: string; password: string };
    output: OfficerView;
  };
  'auth.login': { input: { username: string; password: string }; output: OfficerView };
  /** Admin: lifts the login lock on a name for every caller; wasLocked says whether there was one. */
  'auth.unlock': { input: { username: string }; output: { wasLocked: boolean } };
  'auth.logout': { input: Record<string, never>; output: null };
  'auth.changePassword': {
    input: { currentPassword: string; newPassword: string };
    output: null;
  };

  'officers.list': { input: Record<string, never>; output: OfficerView[] };
  'officers.create': {
    input: { username: string; displayName: string; role: Role; password: string };
    output: OfficerView;
  };
  'officers.update': {
    input: {
      id: number;
      displayName?: string;
      role?: Role;
      disabled?: boolean;
      signature?: string;
      password?: string;
    };
    output: OfficerView;
  };
  /** An officer edits their own display name and email signature. */
  'auth.updateProfile': { input: { displayName?: string; signature?: string }; output: OfficerView };
}
