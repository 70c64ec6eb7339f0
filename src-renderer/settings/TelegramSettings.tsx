import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TelegramSettingsView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { reconnectChannel, useChannelStatus } from '../channels/status-store';
import { ErrorBar } from '../components/ErrorBar';
import { useT } from '../i18n';
import { ChannelStatusLine } from './ChannelStatusLine';
import { SettingsCard } from './SettingsCard';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  token: { minWidth: '360px', flexGrow: 1 },
});

/** The bot token: tested live (getMe) by the core before it is saved; the token never comes back. */
export function TelegramSettings() {
  const styles = useStyles();
  const t = useT();
  const [settings, setSettings] = useState<TelegramSettingsView | null>(null);
  const status = useChannelStatus('telegram');
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();

  const loaded = useCall('telegram.getSettings', {});
  useEffect(() => {
    if (loaded.data) setSettings(loaded.data);
  }, [loaded.data]);

  async function save() {
    setSaved(false);
    const value = await action.run(() => api.call('telegram.saveToken', { token: token.trim() }));
    if (value) {
      setSettings(value);
      setToken('');
      setSaved(true);
    }
  }

  return (
    <SettingsCard title={t('telegram.title')} intro={t('telegram.intro')} testId="telegram-settings">
      {settings?.hasToken && (
        <Text data-testid="telegram-bot">
          {t('telegram.connectedAs', { bot: settings.botUsername ? `@${settings.botUsername}` : (settings.botId ?? '?') })}
        </Text>
      )}
      <div className={styles.row}>
        <Field className={styles.token} label={settings?.hasToken ? t('telegram.replaceToken') : t('telegram.token')} hint={t('telegram.tokenHint')}>
          <Input type="password" autoComplete="off" value={token} onChange={(_, d) => setToken(d.value)} placeholder="123456789:AA…" />
        </Field>
        <Button appearance="primary" disabled={!token.trim() || action.busy} onClick={() => void save()}>
          {action.busy ? t('channels.testing') : t('telegram.testSave')}
        </Button>
        {settings?.hasToken && (
          <Button onClick={() => void action.run(() => api.call('telegram.removeToken', {})).then((v) => v && setSettings(v))}>{t('telegram.remove')}</Button>
        )}
      </div>
      <ErrorBar error={action.error ?? loaded.error?.message ?? null} testId="telegram-error" />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t('telegram.saved')}</MessageBarBody>
        </MessageBar>
      )}
      <ChannelStatusLine status={status} onReconnect={() => void reconnectChannel('telegram')} />
    </SettingsCard>
  );
}
