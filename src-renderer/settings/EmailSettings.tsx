import { Button, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Switch, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FormDialog } from '../components/FormDialog';
import type { EmailAccountInput, EmailConnectionCheck, EmailTls } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { reconnectChannel, useChannelStatus } from '../channels/status-store';
import { ErrorBar } from '../components/ErrorBar';
import { useT } from '../i18n';
import { ChannelStatusLine } from './ChannelStatusLine';
import { SettingsCard } from './SettingsCard';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  dropdown: { minWidth: 'auto', width: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // Scrolled into view clear of the wizard's sticky bar.
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, scrollMarginBottom: '96px' },
});

const TLS: readonly EmailTls[] = ['starttls', 'tls', 'none'];
type Form = Omit<EmailAccountInput, 'password' | 'syncSince' | 'tlsCaPem'> & { password: string };
const EMPTY: Form = {
  enabled: true,
  imapHost: '',
  imapPort: 993,
  imapTls: 'tls',
  smtpHost: '',
  smtpPort: 587,
  smtpTls: 'starttls',
  user: '',
  fromAddress: '',
  senderName: 'PST BPS Kabupaten Buleleng',
  password: '',
};

/** The office mailbox: IMAP in, SMTP out, tested live before saving. */
export function EmailSettings() {
  const styles = useStyles();
  const t = useT();
  const [form, setForm] = useState<Form>(EMPTY);
  const [hasPassword, setHasPassword] = useState(false);
  const [extra, setExtra] = useState<{ syncSince: number | null; tlsCaPem: string | null }>({ syncSince: null, tlsCaPem: null });
  const [checks, setChecks] = useState<{ imap: EmailConnectionCheck; smtp: EmailConnectionCheck } | null>(null);
  const status = useChannelStatus('email');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  // What the last test ran on: a save of the same settings after a failed test asks first.
  const [testedInput, setTestedInput] = useState<string | null>(null);
  const [confirmFailed, setConfirmFailed] = useState(false);
  const results = useRef<HTMLDivElement>(null);
  // The results appear under the buttons: bring them into view (the wizard's bar covers the bottom at 1366×768).
  useEffect(() => {
    if (checks) results.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [checks]);

  const account = useCall('email.getAccount', {});
  // The form starts from the saved account (none yet: the defaults above); the password never comes back.
  useEffect(() => {
    if (!account.data) return;
    const { hasPassword: has, syncSince, tlsCaPem, ...rest } = account.data;
    setForm({ ...rest, password: '' });
    setHasPassword(has);
    setExtra({ syncSince, tlsCaPem });
  }, [account.data]);

  const input = (): EmailAccountInput => {
    const { password, ...rest } = form;
    return {
      ...rest,
      ...extra,
      user: rest.user.trim(),
      imapHost: rest.imapHost.trim(),
      smtpHost: rest.smtpHost.trim(),
      fromAddress: rest.fromAddress.trim(),
      ...(password ? { password } : {}),
    };
  };
  const text = (key: 'imapHost' | 'smtpHost' | 'user' | 'fromAddress' | 'senderName' | 'password') => (_: unknown, d: { value: string }) =>
    setForm((f) => ({ ...f, [key]: d.value }));
  const port = (key: 'imapPort' | 'smtpPort') => (_: unknown, d: { value: string }) =>
    setForm((f) => ({ ...f, [key]: Number(d.value.replace(/\D/g, '')) || 0 }));
  const tls = (key: 'imapTls' | 'smtpTls', label: string) => (
    <Field label={label}>
      <Dropdown
        className={styles.dropdown}
        value={t(`tls.${form[key]}`)}
        selectedOptions={[form[key]]}
        onOptionSelect={(_, d) => d.optionValue && setForm((f) => ({ ...f, [key]: d.optionValue as EmailTls }))}
      >
        {TLS.map((x) => (
          <Option key={x} value={x}>
            {t(`tls.${x}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  async function test(): Promise<{ imap: EmailConnectionCheck; smtp: EmailConnectionCheck } | null> {
    const tried = input();
    const result = await action.run(() => api.call('email.testConnection', tried));
    if (result) {
      setChecks(result);
      setTestedInput(JSON.stringify(tried));
    }
    return result;
  }

  async function store() {
    setConfirmFailed(false);
    const r = await action.run(() => api.call('email.saveAccount', input()));
    if (!r) return;
    setHasPassword(r.hasPassword);
    setForm((f) => ({ ...f, password: '' }));
    setSaved(true);
  }

  /** Saves settings that were tested; settings that failed their test only once the admin confirms. */
  async function save() {
    setSaved(false);
    const current = JSON.stringify(input());
    const result = testedInput === current && checks ? checks : await test();
    if (!result) return;
    if (!result.imap.ok || !result.smtp.ok) return setConfirmFailed(true);
    await store();
  }

  return (
    <SettingsCard title={t('email.title')} intro={t('email.intro')} testId="email-settings">
      <div className={styles.grid}>
        <Field label={t('email.imapHost')} required>
          <Input value={form.imapHost} onChange={text('imapHost')} placeholder="imap.bps.go.id" />
        </Field>
        <Field label={t('email.imapPort')} required>
          <Input inputMode="numeric" value={String(form.imapPort)} onChange={port('imapPort')} />
        </Field>
        {tls('imapTls', t('email.imapTls'))}
        <Field label={t('email.smtpHost')} required>
          <Input value={form.smtpHost} onChange={text('smtpHost')} placeholder="smtp.bps.go.id" />
        </Field>
        <Field label={t('email.smtpPort')} required>
          <Input inputMode="numeric" value={String(form.smtpPort)} onChange={port('smtpPort')} />
        </Field>
        {tls('smtpTls', t('email.smtpTls'))}
        <Field label={t('email.user')} required>
          <Input value={form.user} onChange={text('user')} autoComplete="off" />
        </Field>
        <Field label={t('auth.password')} required={!hasPassword} hint={hasPassword ? t('email.passwordKept') : undefined}>
          <Input type="password" value={form.password} onChange={text('password')} autoComplete="new-password" />
        </Field>
        <Field label={t('email.fromAddress')} hint={t('email.fromHint')}>
          <Input value={form.fromAddress} onChange={text('fromAddress')} />
        </Field>
        <Field label={t('email.senderName')}>
          <Input value={form.senderName} onChange={text('senderName')} />
        </Field>
      </div>
      <Field label={t('email.tlsCa')} hint={t('email.tlsCaHint')}>
        <Textarea
          resize="vertical"
          rows={extra.tlsCaPem ? 4 : 2}
          value={extra.tlsCaPem ?? ''}
          placeholder="-----BEGIN CERTIFICATE-----"
          onChange={(_, d) => setExtra((e) => ({ ...e, tlsCaPem: d.value.trim() === '' ? null : d.value }))}
          data-testid="email-tls-ca"
        />
      </Field>
      <Switch checked={form.enabled} onChange={(_, d) => setForm((f) => ({ ...f, enabled: d.checked }))} label={t('email.enabled')} />
      <div className={styles.row}>
        <Button disabled={action.busy} onClick={() => void test()}>
          {action.busy ? t('channels.testing') : t('email.test')}
        </Button>
        <Button appearance="primary" disabled={action.busy} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </div>
      {checks && (
        <div data-testid="email-checks" ref={results} className={styles.results}>
          {(['imap', 'smtp'] as const).map((k) => (
            <MessageBar key={k} intent={checks[k].ok ? 'success' : 'error'}>
              <MessageBarBody>
                {k.toUpperCase()}: {checks[k].message}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      <ErrorBar error={action.error ?? account.error?.message ?? null} testId="email-error" />
      {saved && !action.error && (
        <MessageBar intent="success">
          <MessageBarBody>{t('email.saved')}</MessageBarBody>
        </MessageBar>
      )}
      <ChannelStatusLine status={status} onReconnect={() => void reconnectChannel('email')} />
      {confirmFailed && checks && (
        <FormDialog
          open
          title={t('email.saveFailedTitle')}
          submitLabel={t('email.saveAnyway')}
          busy={action.busy}
          error={null}
          onSubmit={() => void store()}
          onClose={() => setConfirmFailed(false)}
          testId="email-save-anyway"
        >
          <Text>{t('email.saveFailedIntro')}</Text>
          {(['imap', 'smtp'] as const)
            .filter((k) => !checks[k].ok)
            .map((k) => (
              <Text key={k} weight="semibold">
                {k.toUpperCase()}: {checks[k].message}
              </Text>
            ))}
        </FormDialog>
      )}
    </SettingsCard>
  );
}
