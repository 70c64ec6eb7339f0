import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { BpsSettingsView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { SettingsCard } from './SettingsCard';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  key: { minWidth: '360px', flexGrow: 1 },
});

/** The office's BPS WebAPI key: tested live before it is saved, tested again by "Uji"; the key never comes back. */
export function BpsDataSettings() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const [settings, setSettings] = useState<BpsSettingsView | null>(null);
  const [key, setKey] = useState('');
  const [done, setDone] = useState<'saved' | 'tested' | null>(null);
  const action = useAction();
  const loaded = useCall('bpsData.getSettings', {});
  useEffect(() => {
    if (loaded.data) setSettings(loaded.data);
  }, [loaded.data]);

  async function run(what: 'saved' | 'tested' | null, call: () => ReturnType<typeof api.call<'bpsData.test'>>) {
    setDone(null);
    const value = await action.run(call);
    if (!value) return;
    setSettings(value);
    if (what === 'saved') setKey('');
    setDone(what);
  }

  return (
    <SettingsCard title={t('bpsSettings.title')} intro={t('bpsSettings.intro')} testId="bps-settings">
      <Text data-testid="bps-settings-state">
        {settings?.hasKey && settings.regency
          ? t('bpsSettings.connected', {
              name: settings.regency.name,
              domain: settings.regency.domain,
              at: settings.testedAt ? formatDateTime(settings.testedAt, language) : '–',
            })
          : t('bpsSettings.noKey')}
      </Text>
      <div className={styles.row}>
        <Field className={styles.key} label={settings?.hasKey ? t('bpsSettings.replaceKey') : t('bpsSettings.key')} hint={t('bpsSettings.keyHint')}>
          <Input type="password" autoComplete="off" value={key} onChange={(_, d) => setKey(d.value)} />
        </Field>
        <Button
          appearance="primary"
          disabled={!key.trim() || action.busy}
          onClick={() => void run('saved', () => api.call('bpsData.saveKey', { key: key.trim() }))}
        >
          {action.busy ? t('bpsSettings.testing') : t('bpsSettings.testSave')}
        </Button>
        {settings?.hasKey && (
          <>
            <Button disabled={action.busy} onClick={() => void run('tested', () => api.call('bpsData.test', {}))}>
              {t('bpsSettings.test')}
            </Button>
            <Button disabled={action.busy} onClick={() => void run(null, () => api.call('bpsData.removeKey', {}))}>
              {t('bpsSettings.remove')}
            </Button>
          </>
        )}
      </div>
      <ErrorBar error={action.error ?? loaded.error?.message ?? null} testId="bps-settings-error" />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{t(done === 'saved' ? 'bpsSettings.saved' : 'bpsSettings.tested')}</MessageBarBody>
        </MessageBar>
      )}
    </SettingsCard>
  );
}
