import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { AuthCard } from '../components/AuthCard';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../src-common/accounts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type FieldName = 'username' | 'displayName' | 'password' | 'confirm';
type Errors = Partial<Record<FieldName, string>>;

/** First run: the one admin account that can then create every other officer. */
export function SetupScreen() {
  const styles = useStyles();
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const startWizard = useSession((s) => s.startWizard);
  // Training mode comes with its own settings and simulated channels: nothing to set up.
  const training = useSession((s) => s.info?.trainingMode ?? false);
  const [values, setValues] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const validate = (): Errors => {
    const found: Errors = {};
    if (!values.username.trim()) found.username = t('auth.required');
    else if (!USERNAME_PATTERN.test(values.username.trim())) found.username = t('auth.usernameFormat');
    if (!values.displayName.trim()) found.displayName = t('auth.required');
    if (values.password.length < MIN_PASSWORD_LENGTH) found.password = t('auth.passwordShort', { n: MIN_PASSWORD_LENGTH });
    if (values.confirm !== values.password) found.confirm = t('auth.passwordMismatch');
    return found;
  };

  const change = (name: FieldName) => (_: unknown, data: { value: string }) => {
    setValues((v) => ({ ...v, [name]: data.value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await api.call('auth.setupAdmin', {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
    });
    setBusy(false);
    if (result.ok) {
      signedIn(result.value);
      if (!training) startWizard();
      return;
    }
    // The server's field messages go next to the fields they name; the rest above the button.
    const fieldErrors: Errors = {};
    for (const issue of result.error.issues ?? []) {
      if (issue.path === 'username' || issue.path === 'displayName' || issue.path === 'password') fieldErrors[issue.path] = issue.message;
    }
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0 || result.error.kind !== 'invalid_input') setFormError(result.error.message);
  }

  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('auth.username')} required validationMessage={errors.username}>
          <Input name="username" autoComplete="username" value={values.username} onChange={change('username')} autoFocus />
        </Field>
        <Field label={t('auth.displayName')} required hint={t('auth.displayNameHint')} validationMessage={errors.displayName}>
          <Input name="displayName" autoComplete="name" value={values.displayName} onChange={change('displayName')} />
        </Field>
        <Field label={t('auth.password')} required hint={t('auth.passwordHint')} validationMessage={errors.password}>
          <Input name="password" type="password" autoComplete="new-password" value={values.password} onChange={change('password')} />
        </Field>
        <Field label={t('auth.passwordConfirm')} required validationMessage={errors.confirm}>
          <Input name="confirm" type="password" autoComplete="new-password" value={values.confirm} onChange={change('confirm')} />
        </Field>
        {formError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{formError}</MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" type="submit" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {t('setup.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
