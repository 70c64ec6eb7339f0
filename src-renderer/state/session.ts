import { create } from 'zustand';
import type { AppInfo, OfficerView, SettingsView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useLanguage } from '../i18n';

export type SessionPhase = 'loading' | 'failed' | 'expired' | 'setup' | 'login' | 'ready';

interface SessionState {
  phase: SessionPhase;
  officer: OfficerView | null;
  info: AppInfo | null;
  settings: SettingsView | null;
  error: string | null;
  /** The first-run wizard is on screen (after the admin account, or opened again from Pengaturan). */
  wizard: boolean;
  startWizard(): void;
  endWizard(): void;
  /** Asks the core who we are and which screen to show. */
  load(): Promise<void>;
  /** After setup or login: the core answered with the officer now signed in. */
  signedIn(officer: OfficerView): void;
  logout(): Promise<void>;
  /** The host's token is gone (HTTP 401): nothing works until the console is reopened. */
  expire(): void;
  setSettings(settings: SettingsView): void;
  /** After a `forbidden` answer: if the login itself has ended, go back to the login screen. */
  recheck(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  officer: null,
  info: null,
  settings: null,
  error: null,
  wizard: false,
  startWizard: () => set({ wizard: true }),
  endWizard: () => set({ wizard: false }),

  async load() {
    if (get().phase === 'expired') return;
    set({ phase: 'loading', error: null });
    const [status, info, settings] = await Promise.all([api.call('auth.status', {}), api.call('app.info', {}), api.call('settings.get', {})]);
    if (get().phase === 'expired') return;
    if (!status.ok) {
      set({ phase: 'failed', error: status.error.message });
      return;
    }
    if (settings.ok) useLanguage.getState().applyDefault(settings.value.language);
    set({
      info: info.ok ? info.value : null,
      settings: settings.ok ? settings.value : null,
      officer: status.value.officer,
      phase: status.value.needsSetup ? 'setup' : status.value.officer ? 'ready' : 'login',
    });
  },

  signedIn(officer) {
    set({ officer, phase: 'ready', error: null });
  },

  async logout() {
    await api.call('auth.logout', {});
    if (get().phase === 'expired') return;
    set({ officer: null, phase: 'login', wizard: false });
  },

  expire() {
    set({ phase: 'expired', officer: null });
  },

  setSettings(settings) {
    set({ settings });
  },

  async recheck() {
    if (get().phase !== 'ready') return;
    const status = await api.call('auth.status', {});
    if (status.ok && status.value.officer === null && get().phase === 'ready') set({ officer: null, phase: 'login' });
  },
}));
