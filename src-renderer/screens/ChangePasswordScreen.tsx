import { Button } from '@fluentui/react-components';
import { api } from '../api/client';
import { AuthCard } from '../components/AuthCard';
import { useT } from '../i18n';
import { PasswordForm } from '../officers/PasswordForm';
import { useSession } from '../state/session';

/** After a reset by the admin: the one-time password is replaced before the console opens. */
export function ChangePasswordScreen() {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const logout = useSession((s) => s.logout);
  const reload = async () => {
    const status = await api.call('auth.status', {});
    if (status.ok && status.value.officer) signedIn(status.value.officer);
  };
  return (
    <AuthCard title={t('password.forcedTitle')} intro={t('password.forcedIntro')}>
      <PasswordForm onChanged={() => void reload()} submitLabel={t('password.forcedSubmit')} />
      <Button appearance="subtle" onClick={() => void logout()}>
        {t('password.logout')}
      </Button>
    </AuthCard>
  );
}
