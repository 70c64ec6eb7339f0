import { Button, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Switch, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
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

/** The start of the day `days` from today, on this PC's clock (the office's WITA). */
function localMidnight(days: number): number {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

const dateInputValue = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The office mailbox: IMAP in, SMTP out, tested live before saving. */
export function EmailSettings() {
  const styles = useStyles();
  const t = useT();
  const [form, setForm] = useState<Form>(EMPTY);
  const [hasPassword, setHasPassword] = useState(false);
  const [extra, setExtra] = useState<{ syncSince: number | null; tlsCaPem: string | null }>({ syncSince: null, tlsCaPem: null });
  // The office's other addresses, typed as a list: their mail in the inbox is the office's own.
  const [aliases, setAliases] = useState('');
  const [checks, setChecks] = useState<{ imap: EmailConnectionCheck; smtp: EmailConnectionCheck } | null>(null);
  const status = useChannelStatus('email');
  const [saved, setSaved] = useState(false);
  const action = useAction();

  const account = useCall('email.getAccount', {});
  // The form starts from the saved account (none yet: the defaults above); the password never comes back.
  useEffect(() => {
    if (!account.data) return;
    const { hasPassword: has, syncSince, tlsCaPem, officeAliases, ...rest } = account.data;
    setForm({ ...rest, password: '' });
    setAliases((officeAliases ?? []).join(', '));
    setHasPassword(has);
    setExtra({ syncSince, tlsCaPem });
  }, [account.data]);

  // A first connection takes the last 30 days unless the admin picks another date (or clears it for all).
  useEffect(() => {
    if (account.loading || account.error || account.data) return;
    setExtra((e) => (e.syncSince !== null ? e : { ...e, syncSince: localMidnight(-30) }));
  }, [account.loading, account.error, account.data]);

  const input = (): EmailAccountInput => {
    const { password, ...rest } = form;
    return {
      ...rest,
      ...extra,
      user: rest.user.trim(),
      imapHost: rest.imapHost.trim(),
      smtpHost: rest.smtpHost.trim(),
      fromAddress: rest.fromAddress.trim(),
      officeAliases: aliases.split(/[\s,;]+/).filter((a) => a !== ''),
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
      <Field label={t('email.syncSince')} hint={t('email.syncSinceHint')}>
        <Input
          type="date"
          value={extra.syncSince === null ? '' : dateInputValue(extra.syncSince)}
          onChange={(_, d) => setExtra((e) => ({ ...e, syncSince: d.value ? new Date(`${d.value}T00:00:00`).getTime() : null }))}
          data-testid="email-sync-since"
        />
      </Field>
      <Field label={t('email.officeAliases')} hint={t('email.officeAliasesHint')}>
        <Input value={aliases} onChange={(_, d) => setAliases(d.value)} placeholder="pst5108@bps.go.id, bps5108@bps.go.id" data-testid="email-office-aliases" />
      </Field>
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
        <Button disabled={action.busy} onClick={() => void action.run(() => api.call('email.testConnection', input())).then((r) => r && setChecks(r))}>
          {action.busy ? t('channels.testing') : t('email.test')}
        </Button>
        <Button
          appearance="primary"
          disabled={action.busy}
          onClick={() =>
            void action
              .run(() => api.call('email.saveAccount', input()))
              .then((r) => {
                if (!r) return;
                setHasPassword(r.hasPassword);
                setForm((f) => ({ ...f, password: '' }));
                setSaved(true);
              })
          }
        >
          {t('common.save')}
        </Button>
      </div>
      {checks && (
        <div data-testid="email-checks">
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
    </SettingsCard>
  );
}
