/**
 * Login, the first admin account, officers and their roles.
 */
import type { ConversationStatus, Role } from './base';

export interface OfficerView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  signature: string;
  createdAt: number;
  lastLoginAt: number | null;
  /** Signed in with a one-time password from the admin: must choose their own before anything else. */
  mustChangePassword: boolean;
}

/** An open consultation of an officer (for handing them over when the officer is disabled). */
export interface OpenConsultationView {
  id: number;
  ticket: string;
  subject: string | null;
  requesterName: string | null;
  status: ConversationStatus;
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
  /**
   * Admin: a new one-time password, shown once; the officer must choose their own at the next
   * login. Their sessions end and a login lock on the name is lifted.
   */
  'officers.resetPassword': { input: { id: number }; output: { temporaryPassword: string } };
  /** Supervisor: the officer's consultations that are not finished yet. */
  'officers.openConsultations': { input: { id: number }; output: OpenConsultationView[] };
  /** Admin: hands every open consultation of one officer to another, or back to the queue (null). */
  'officers.handOver': { input: { fromId: number; toId: number | null }; output: { moved: number } };
  /** An officer edits their own display name and email signature. */
  'auth.updateProfile': { input: { displayName?: string; signature?: string }; output: OfficerView };
}
