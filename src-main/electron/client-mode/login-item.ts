// Starting with Windows on the host PC: what to hand to app.setLoginItemSettings. Pure: no electron here.
import type { StartConfig } from './config';

/** Passed by the log-in start: open in the tray, no window over the officer's desktop. */
export const HIDDEN_ARG = '--hidden';

export interface LoginItem {
  openAtLogin: boolean;
  args: string[];
}

/** Only a host PC starts with Windows (its connectors must run while the room is open), and only if the admin leaves it on. */
export function loginItemFor(config: StartConfig | null): LoginItem {
  const on = config?.mode === 'host' && config.openAtLogin;
  return { openAtLogin: on, args: on ? [HIDDEN_ARG] : [] };
}

/** Whether this start came from the Windows log-in (stays in the tray until the icon is clicked). */
export function startsHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}
