import { create } from 'zustand';
import type { PageId } from '../shell/pages';

/**
 * The page shown, and the Pengaturan tab to open with it: so an empty state or an alert can take
 * the officer straight to the setting that fixes it.
 */
interface NavigationState {
  page: PageId;
  /** The settings tab a link asked for; read once by Pengaturan when it opens. */
  settingsTab: string | null;
  go(page: PageId, settingsTab?: string): void;
  takeSettingsTab(): string | null;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  page: 'inbox',
  settingsTab: null,
  go: (page, settingsTab) => set({ page, settingsTab: settingsTab ?? null }),
  takeSettingsTab: () => {
    const tab = get().settingsTab;
    if (tab !== null) set({ settingsTab: null });
    return tab;
  },
}));
