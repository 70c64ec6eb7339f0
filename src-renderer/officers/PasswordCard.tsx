import { useT } from '../i18n';
import { SettingsCard } from '../settings/SettingsCard';
import { PasswordForm } from './PasswordForm';

/** Profil saya: every officer changes their own password here. */
export function PasswordCard() {
  const t = useT();
  return (
    <SettingsCard title={t('password.cardTitle')} testId="password-card">
      <PasswordForm onChanged={() => undefined} />
    </SettingsCard>
  );
}
