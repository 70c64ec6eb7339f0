import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ReportIdentity } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { useT } from '../i18n';
import { SettingsCard } from './SettingsCard';
import { toBase64 } from '../composer/files';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  logoRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  logo: { width: '56px', height: '56px', objectFit: 'contain', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

/** The letterhead logo: shown as it will print, replaced by a file, or removed. */
function LogoField() {
  const styles = useStyles();
  const t = useT();
  const current = useCall('reports.getLogo', {});
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const action = useAction();
  useEffect(() => {
    if (current.data) setDataUrl(current.data.dataUrl);
  }, [current.data]);
  const picker = useRef<HTMLInputElement>(null);
  const store = (contentBase64: string | null) => void action.run(() => api.call('reports.setLogo', { contentBase64 })).then((r) => r && setDataUrl(r.dataUrl));
  return (
    <Field label={t('reports.logo')} hint={t('reports.logoHint')}>
      <div className={styles.logoRow}>
        {dataUrl ? <img src={dataUrl} alt={t('reports.logo')} className={styles.logo} data-testid="report-logo-preview" /> : <Text>{t('reports.noLogo')}</Text>}
        {/* The browser's own file field speaks the OS's language: hidden behind a button of ours. */}
        <input
          ref={picker}
          type="file"
          hidden
          accept="image/png,image/jpeg"
          data-testid="report-logo-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.arrayBuffer().then((buffer) => store(toBase64(buffer)));
            e.target.value = '';
          }}
        />
        <Button size="small" disabled={action.busy} onClick={() => picker.current?.click()}>
          {dataUrl ? t('reports.replaceLogo') : t('reports.chooseLogo')}
        </Button>
        {dataUrl && (
          <Button size="small" onClick={() => store(null)}>
            {t('reports.removeLogo')}
          </Button>
        )}
      </div>
      <ErrorBar error={action.error} testId="report-logo-error" />
    </Field>
  );
}

const FIELDS: readonly { key: keyof ReportIdentity; max: number; nip?: boolean }[] = [
  { key: 'officeName', max: 120 },
  { key: 'address', max: 200 },
  { key: 'phone', max: 60 },
  { key: 'email', max: 120 },
  { key: 'city', max: 60 },
  { key: 'headTitle', max: 120 },
  { key: 'headName', max: 120 },
  { key: 'headNip', max: 26, nip: true },
  { key: 'makerTitle', max: 120 },
  { key: 'makerName', max: 120 },
  { key: 'makerNip', max: 26, nip: true },
];

/** Pengaturan › Laporan: the letterhead and the signatories printed on every report (admin). */
export function ReportIdentitySettings() {
  const styles = useStyles();
  const t = useT();
  const loaded = useCall('reports.getIdentity', {});
  const [form, setForm] = useState<ReportIdentity | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (loaded.data) setForm(loaded.data);
  }, [loaded.data]);
  const save = () =>
    form &&
    void action
      .run(() => api.call('reports.updateIdentity', form))
      .then((r) => {
        if (!r) return;
        setForm(r);
        setSaved(true);
      });
  return (
    <SettingsCard title={t('reports.identityTitle')} intro={t('reports.identityIntro')} testId="report-identity">
      {form && (
        <div className={styles.grid}>
          {FIELDS.map((f) => (
            <Field key={f.key} label={t(`reports.${f.key}`)} hint={f.nip ? t('reports.nipHint') : undefined}>
              <Input
                value={form[f.key]}
                maxLength={f.max}
                inputMode={f.nip ? 'numeric' : undefined}
                onChange={(_, d) => {
                  setSaved(false);
                  setForm({ ...form, [f.key]: d.value });
                }}
              />
            </Field>
          ))}
        </div>
      )}
      <LogoField />
      <div>
        <Button appearance="primary" disabled={action.busy || !form} onClick={save}>
          {t('common.save')}
        </Button>
      </div>
      <ErrorBar error={loaded.error?.message ?? action.error} />
      {saved && <Text>{t('common.saved')}</Text>}
    </SettingsCard>
  );
}
