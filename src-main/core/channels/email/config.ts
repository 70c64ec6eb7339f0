import type { EmailAccountView } from '../../../../src-preload/contract';
import type { CoreServices } from '../../services';
import { settingsQueries } from '../../store/queries/settings';

/** The stored account (settings row `email.account`); the password lives only in the secret store. */
export type EmailAccountSettings = Omit<EmailAccountView, 'hasPassword'>;

/** Everything a connector needs to log in. */
export interface EmailAccount extends EmailAccountSettings {
  password: string;
}

export const EMAIL_SETTINGS_KEY = 'email.account';
export const EMAIL_PASSWORD_SECRET = 'email.password';

export function readEmailSettings(core: CoreServices): EmailAccountSettings | null {
  return settingsQueries(core.db).get<EmailAccountSettings | null>(EMAIL_SETTINGS_KEY, null);
}

/** The account with its password, or null when none is configured (or it has no password yet). */
export function readEmailAccount(core: CoreServices): EmailAccount | null {
  const settings = readEmailSettings(core);
  const password = core.secrets.get(EMAIL_PASSWORD_SECRET);
  return settings && password !== null ? { ...settings, password } : null;
}

/** Writes the settings, and the password when one is given (absent = keep the stored one). */
export function writeEmailAccount(core: CoreServices, settings: EmailAccountSettings, password?: string): void {
  settingsQueries(core.db).set(EMAIL_SETTINGS_KEY, settings, core.now());
  if (password !== undefined) core.secrets.set(EMAIL_PASSWORD_SECRET, password);
}

export function emailAccountView(core: CoreServices): EmailAccountView | null {
  const settings = readEmailSettings(core);
  return settings ? { ...settings, hasPassword: core.secrets.has(EMAIL_PASSWORD_SECRET) } : null;
}

export const senderAddress = (account: EmailAccountSettings): string => (account.fromAddress.trim() || account.user).toLowerCase();

/** The office's own addresses: the login (when it is an address), the sender address and the aliases. */
export function officeAddresses(account: EmailAccountSettings): Set<string> {
  const all = [account.user, account.fromAddress, ...(account.officeAliases ?? [])].map((a) => a.trim().toLowerCase());
  return new Set(all.filter((a) => a.includes('@')));
}
