import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../src-common/accounts';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useT } from '../i18n';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' } });

/** Current password, a new one twice: the officer's own change, or the one forced after a reset. */
export function PasswordForm(props: { onChanged(): void; submitLabel?: string }) {
  const styles = useStyles();
  const t = useT();
  const saving = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const tooShort = next.length < MIN_PASSWORD_LENGTH;
  const differs = repeat !== next;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setDone(false);
    if (!current || tooShort || differs) return;
    void saving
      // Its value is null: succeeded() tells a success from a refusal.
      .succeeded(() => api.call('auth.changePassword', { currentPassword: current, newPassword: next }))
      .then((ok) => {
        if (!ok) return;
        setCurrent('');
        setNext('');
        setRepeat('');
        setTried(false);
        setDone(true);
        props.onChanged();
      });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="password-form">
      <Field label={t('password.current')} required validationMessage={tried && !current ? t('auth.required') : undefined}>
        <Input type="password" autoComplete="current-password" value={current} onChange={(_, d) => setCurrent(d.value)} />
      </Field>
      <Field
        label={t('password.new')}
        required
        hint={t('password.hint', { n: MIN_PASSWORD_LENGTH })}
        validationMessage={tried && tooShort ? t('password.tooShort', { n: MIN_PASSWORD_LENGTH }) : undefined}
      >
        <Input type="password" autoComplete="new-password" value={next} onChange={(_, d) => setNext(d.value)} />
      </Field>
      <Field label={t('password.repeat')} required validationMessage={tried && differs ? t('password.differs') : undefined}>
        <Input type="password" autoComplete="new-password" value={repeat} onChange={(_, d) => setRepeat(d.value)} />
      </Field>
      {saving.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{saving.error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{t('password.changed')}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={saving.busy} icon={saving.busy ? <Spinner size="tiny" /> : undefined}>
          {props.submitLabel ?? t('password.submit')}
        </Button>
      </div>
    </form>
  );
}
