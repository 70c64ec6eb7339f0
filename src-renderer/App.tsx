import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { CenteredMessage } from './components/CenteredMessage';
import { useLanguage, useT } from './i18n';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SetupWizard } from './settings/SetupWizard';
import { AppFrame } from './shell/AppFrame';
import { useSession } from './state/session';

/** Picks the screen from the session: first run, login, or the console itself. */
export function App() {
  const phase = useSession((s) => s.phase);
  const error = useSession((s) => s.error);
  const load = useSession((s) => s.load);
  const wizard = useSession((s) => s.wizard);
  const mustChangePassword = useSession((s) => s.officer?.mustChangePassword === true);
  const language = useLanguage((s) => s.language);
  const t = useT();

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      {phase === 'loading' && <CenteredMessage busy text={t('common.loading')} />}
      {phase === 'failed' && (
        <CenteredMessage intent="error" title={t('common.errorTitle')} text={error ?? ''} onRetry={() => void load()} retryLabel={t('common.retry')} />
      )}
      {phase === 'expired' && <CenteredMessage intent="warning" text={t('auth.sessionExpired')} />}
      {phase === 'setup' && <SetupScreen />}
      {phase === 'login' && <LoginScreen />}
      {phase === 'ready' && (mustChangePassword ? <ChangePasswordScreen /> : wizard ? <SetupWizard /> : <AppFrame />)}
    </FluentProvider>
  );
}
