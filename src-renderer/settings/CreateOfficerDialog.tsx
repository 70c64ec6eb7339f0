import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { OfficerView, Role } from '../../src-preload/contract';
import { api } from '../api/client';
import { useT } from '../i18n';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../src-common/accounts';

const ROLES: readonly Role[] = ['officer', 'supervisor', 'admin'];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type FieldName = 'username' | 'displayName' | 'password';
const EMPTY = { username: '', displayName: '', password: '', role: 'officer' as Role };

export function CreateOfficerDialog(props: { open: boolean; onClose(): void; onCreated(officer: OfficerView): void }) {
  const styles = useStyles();
  const t = useT();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (name: FieldName) => (_: unknown, d: { value: string }) => setValues((v) => ({ ...v, [name]: d.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (!USERNAME_PATTERN.test(values.username.trim())) found.username = t('auth.usernameFormat');
    if (!values.displayName.trim()) found.displayName = t('auth.required');
    if (values.password.length < MIN_PASSWORD_LENGTH) found.password = t('auth.passwordShort', { n: MIN_PASSWORD_LENGTH });
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await api.call('officers.create', { ...values, username: values.username.trim(), displayName: values.displayName.trim() });
    setBusy(false);
    if (result.ok) {
      setValues(EMPTY);
      props.onCreated(result.value);
      return;
    }
    const fieldErrors: Partial<Record<FieldName, string>> = {};
    for (const issue of result.error.issues ?? []) {
      if (issue.path === 'username' || issue.path === 'displayName' || issue.path === 'password') fieldErrors[issue.path] = issue.message;
    }
    setErrors(fieldErrors);
    setFormError(result.error.message);
  }

  return (
    <Dialog open={props.open} onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{t('settings.addOfficer')}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={t('auth.username')} required validationMessage={errors.username}>
                <Input value={values.username} onChange={set('username')} autoComplete="off" />
              </Field>
              <Field label={t('auth.displayName')} required validationMessage={errors.displayName}>
                <Input value={values.displayName} onChange={set('displayName')} autoComplete="off" />
              </Field>
              <Field label={t('settings.role')} required>
                <Dropdown
                  value={t(`role.${values.role}`)}
                  selectedOptions={[values.role]}
                  onOptionSelect={(_, d) => d.optionValue && setValues((v) => ({ ...v, role: d.optionValue as Role }))}
                >
                  {ROLES.map((role) => (
                    <Option key={role} value={role}>
                      {t(`role.${role}`)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label={t('auth.password')} required hint={t('auth.passwordHint')} validationMessage={errors.password}>
                <Input type="password" value={values.password} onChange={set('password')} autoComplete="new-password" />
              </Field>
              {formError && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{formError}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t('settings.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
