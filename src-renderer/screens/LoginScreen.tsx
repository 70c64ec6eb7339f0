import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { AuthCard } from '../components/AuthCard';
import { useT } from '../i18n';
import { useSession } from '../state/session';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function LoginScreen() {
  const styles = useStyles();
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nowMissing = { username: !username.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    setBusy(true);
    setError(null);
    const result = await api.call('auth.login', { username: username.trim(), password });
    setBusy(false);
    if (result.ok) {
      signedIn(result.value);
      return;
    }
    // The server's words as given: wrong credentials, a lockout with its minutes, a disabled account.
    setError(result.error.message);
    setPassword('');
  }

  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('auth.username')} required validationMessage={missing.username ? t('auth.required') : undefined}>
          <Input name="username" autoComplete="username" value={username} onChange={(_, d) => setUsername(d.value)} autoFocus />
        </Field>
        <Field label={t('auth.password')} required validationMessage={missing.password ? t('auth.required') : undefined}>
          <Input name="password" type="password" autoComplete="current-password" value={password} onChange={(_, d) => setPassword(d.value)} />
        </Field>
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" type="submit" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {t('login.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
