import { Button, Field, Input, MessageBar, MessageBarBody, SpinButton, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PrivacySettingsView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { SettingsCard } from './SettingsCard';
import { OfficeTimeInput } from '../components/OfficeInputs';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Pengaturan › Cadangan & privasi: the backup's state and settings, and the retention period. */
export function BackupPrivacySettings() {
  return (
    <>
      <BackupCard />
      <PrivacyCard />
    </>
  );
}

function BackupCard() {
  const t = useT();
  const styles = useStyles();
  const language = useLanguage((s) => s.language);
  const [folder, setFolder] = useState('');
  const [time, setTime] = useState('15:45');
  const [keep, setKeep] = useState(7);
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const run = useAction();
  const { data: status, error: loadError, reload: load } = useCall('backup.status', {});
  useEffect(() => {
    if (!status) return;
    setFolder(status.settings.folder ?? '');
    setTime(status.settings.time);
    setKeep(status.settings.keep);
  }, [status]);

  const submit = () =>
    void save
      .run(() => api.call('backup.saveSettings', { folder: folder.trim() === '' ? null : folder.trim(), time, keep }))
      .then(async (r) => {
        if (!r) return;
        setSaved(true);
        await load();
      });
  const backupNow = () => void run.run(() => api.call('backup.run', {})).then(() => load());

  const last = status?.last ?? null;
  return (
    <SettingsCard title={t('backup.title')} intro={t('backup.intro')} testId="backup-settings">
      {status && status.settings.folder === null && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('backup.noFolder')}</MessageBarBody>
        </MessageBar>
      )}
      {status && status.settings.folder !== null && !status.folderAvailable && (
        <MessageBar intent="error">
          <MessageBarBody>{t('backup.folderMissing')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.facts} data-testid="backup-facts">
        <Text className={styles.label}>{t('backup.last')}</Text>
        <Text data-testid="backup-last">
          {last === null ? (
            t('backup.none')
          ) : (
            <>
              {formatDateTime(last.at, language)} · <span className={last.ok ? styles.ok : styles.failed}>{last.ok ? t('backup.ok') : t('backup.failed')}</span>
              {last.ok && last.sizeBytes !== null && ` · ${megabytes(last.sizeBytes)}`}
              {last.error && ` · ${last.error}`}
            </>
          )}
        </Text>
        <Text className={styles.label}>{t('backup.next')}</Text>
        <Text>{status?.nextAt ? formatDateTime(status.nextAt, language) : t('backup.nextNone')}</Text>
        {status && status.backups.length > 0 && (
          <>
            <Text className={styles.label}>{t('backup.folder')}</Text>
            <Text>{t('backup.list', { n: status.backups.length })}</Text>
          </>
        )}
      </div>
      <div>
        <Button
          appearance="primary"
          disabled={run.busy || status?.settings.folder == null}
          icon={run.busy ? <Spinner size="tiny" /> : undefined}
          onClick={backupNow}
        >
          {run.busy ? t('backup.running') : t('backup.runNow')}
        </Button>
      </div>
      <ErrorBar error={run.error} />
      <Field label={t('backup.folder')} hint={t('backup.folderHint')}>
        <Input value={folder} onChange={(_, d) => (setFolder(d.value), setSaved(false))} data-testid="backup-folder" />
      </Field>
      <div className={styles.row}>
        <OfficeTimeInput label={t('backup.time')} value={time} onChange={(value) => (setTime(value), setSaved(false))} testId="backup-time" />
        <Field label={t('backup.keep')}>
          <SpinButton min={1} max={365} value={keep} onChange={(_, d) => setKeep(d.value ?? (Number(d.displayValue) || keep))} style={{ maxWidth: 120 }} />
        </Field>
      </div>
      <Text size={200} className={styles.label}>
        {t('backup.secretsNote')}
      </Text>
      <div>
        <Button disabled={save.busy} onClick={submit}>
          {t('common.save')}
        </Button>
      </div>
      <ErrorBar error={loadError?.message ?? save.error} />
      {saved && !save.error && <Text>{t('common.saved')}</Text>}
    </SettingsCard>
  );
}

function PrivacyCard() {
  const t = useT();
  const styles = useStyles();
  const language = useLanguage((s) => s.language);
  const [view, setView] = useState<PrivacySettingsView | null>(null);
  const [months, setMonths] = useState(24);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const loaded = useCall('privacy.getSettings', {});
  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    setMonths(loaded.data.retentionMonths);
  }, [loaded.data]);
  const apply = (v: PrivacySettingsView | null) => v && setView(v);
  return (
    <SettingsCard title={t('privacy.title')} intro={t('privacy.intro')} testId="privacy-settings">
      <Field label={t('privacy.months')} hint={t('privacy.monthsHint')}>
        <SpinButton
          min={0}
          max={240}
          value={months}
          onChange={(_, d) => (setMonths(d.value ?? (Number(d.displayValue) || 0)), setSaved(false))}
          style={{ maxWidth: 140 }}
        />
      </Field>
      {view?.lastRun && (
        <Text size={200} className={styles.label}>
          {t('privacy.lastRun', { at: formatDateTime(view.lastRun.at, language), n: view.lastRun.requesters })}
        </Text>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={action.busy}
          onClick={() => void action.run(() => api.call('privacy.saveSettings', { retentionMonths: months })).then((v) => (apply(v), setSaved(v !== null)))}
        >
          {t('common.save')}
        </Button>
        <Button disabled={action.busy || months === 0} onClick={() => void action.run(() => api.call('privacy.runRetention', {})).then(apply)}>
          {t('privacy.runNow')}
        </Button>
      </div>
      <ErrorBar error={loaded.error?.message ?? action.error} />
      {saved && !action.error && <Text>{t('common.saved')}</Text>}
    </SettingsCard>
  );
}
