import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Switch, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { LanSettings as LanSettingsInput, LanView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { formatDateTime } from '../format/time';
import { useCoreText, useLanguage, useT } from '../i18n';
import { LanSessions } from './LanSessions';
import { SettingsCard } from './SettingsCard';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-start', flexWrap: 'wrap' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  small: { width: '120px' },
  subnets: { minWidth: '280px', flexGrow: 1 },
  fingerprint: {
    fontFamily: 'Consolas, "Courier New", monospace',
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  url: { fontFamily: 'Consolas, "Courier New", monospace', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Form = Omit<LanSettingsInput, 'allowedSubnets' | 'port' | 'idleMinutes'> & { subnets: string; port: string; idle: string };

const toForm = (view: LanView): Form => ({
  enabled: view.settings.enabled,
  bindAddresses: view.settings.bindAddresses,
  subnets: view.settings.allowedSubnets.join('\n'),
  port: String(view.settings.port),
  idle: String(view.settings.idleMinutes),
});

/** Pengaturan › Beberapa PC (admin): the switch, where and to whom it listens, the fingerprint, the sessions. */
export function LanSettings() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const coreText = useCoreText();
  const loaded = useCall('lan.get', {}, { refreshOn: ['lan.changed'] });
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const view = loaded.data;
  useEffect(() => {
    if (view && form === null) setForm(toForm(view));
  }, [view, form]);

  if (!view || !form) return <ErrorBar error={loaded.error?.message ?? null} />;

  const toggleAddress = (address: string, on: boolean) =>
    setForm({ ...form, bindAddresses: on ? [...form.bindAddresses, address] : form.bindAddresses.filter((a) => a !== address) });
  const subnetLines = form.subnets
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

  async function save() {
    setSaved(false);
    const value = await action.run(() =>
      api.call('lan.set', {
        enabled: form!.enabled,
        bindAddresses: form!.bindAddresses,
        port: Number(form!.port),
        allowedSubnets: subnetLines,
        idleMinutes: Number(form!.idle),
      }),
    );
    if (!value) return;
    setForm(toForm(value));
    setSaved(true);
    void loaded.reload();
  }

  // A chosen address that is not among the interfaces now (a loopback address, a network card that
  // is unplugged) stays listed and ticked, so saving does not drop it unseen.
  const choices = [
    ...view.interfaces,
    ...form.bindAddresses.filter((a) => !view.interfaces.some((i) => i.address === a)).map((address) => ({ name: '–', address, cidr: null, internal: false })),
  ];
  const suggestions = view.interfaces.filter((i) => form.bindAddresses.includes(i.address) && i.cidr && !subnetLines.includes(i.cidr));

  return (
    <>
      <SettingsCard title={t('lan.title')} intro={t('lan.intro')} testId="lan-settings">
        <Switch
          checked={form.enabled}
          label={`${t('lan.switch')}: ${form.enabled ? t('lan.on') : t('lan.off')}`}
          onChange={(_, d) => setForm({ ...form, enabled: d.checked })}
          data-testid="lan-switch"
        />
        <Field label={t('lan.addresses')} hint={t('lan.addressesHint')}>
          <div className={styles.column}>
            {choices.length === 0 && <Text>{t('lan.noInterfaces')}</Text>}
            {choices.map((i) => (
              <Checkbox
                key={`${i.name}-${i.address}`}
                label={`${i.address} (${i.name})`}
                checked={form.bindAddresses.includes(i.address)}
                onChange={(_, d) => toggleAddress(i.address, d.checked === true)}
              />
            ))}
          </div>
        </Field>
        <div className={styles.row}>
          <Field label={t('lan.port')}>
            <Input className={styles.small} type="number" value={form.port} onChange={(_, d) => setForm({ ...form, port: d.value })} data-testid="lan-port" />
          </Field>
          <Field label={t('lan.idle')}>
            <Input className={styles.small} type="number" value={form.idle} onChange={(_, d) => setForm({ ...form, idle: d.value })} data-testid="lan-idle" />
          </Field>
        </div>
        <Field className={styles.subnets} label={t('lan.subnets')} hint={t('lan.subnetsHint')}>
          <Textarea resize="vertical" value={form.subnets} onChange={(_, d) => setForm({ ...form, subnets: d.value })} data-testid="lan-subnets" />
        </Field>
        {suggestions.length > 0 && (
          <div className={styles.row}>
            {suggestions.map((i) => (
              <Button key={i.cidr} size="small" onClick={() => setForm({ ...form, subnets: [...subnetLines, i.cidr!].join('\n') })}>
                {t('lan.suggestSubnet', { cidr: i.cidr! })}
              </Button>
            ))}
          </div>
        )}
        {view.settings.enabled && !form.enabled && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('lan.offWarning')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button appearance="primary" disabled={action.busy} onClick={() => void save()} data-testid="lan-save">
            {action.busy ? t('lan.saving') : t('lan.save')}
          </Button>
        </div>
        <ErrorBar error={action.error} testId="lan-error" />
        {saved && !action.error && (
          <MessageBar intent="success">
            <MessageBarBody>{t('lan.saved')}</MessageBarBody>
          </MessageBar>
        )}
        {view.problem && (
          <MessageBar intent="error">
            <MessageBarBody>{coreText([view.problem])}</MessageBarBody>
          </MessageBar>
        )}
        <Field label={t('lan.open')}>
          {view.urls.length === 0 ? (
            <Text className={styles.muted}>{t('lan.notRunning')}</Text>
          ) : (
            view.urls.map((url) => (
              <Text key={url} className={styles.url} data-testid="lan-url">
                {url}
              </Text>
            ))
          )}
        </Field>
        <Field label={t('lan.fingerprint')} hint={t('lan.fingerprintHint')}>
          {view.certificate ? (
            <div className={styles.column}>
              <Text className={styles.fingerprint} data-testid="lan-fingerprint">
                {/* Lines break only between pairs, so no pair is split when it is read out. */}
                {view.certificate.fingerprint.split(':').map((pair, i, all) => (
                  <span key={i}>
                    {pair}
                    {i < all.length - 1 && (
                      <>
                        :<wbr />
                      </>
                    )}
                  </span>
                ))}
              </Text>
              <Text size={200} className={styles.muted}>
                {view.certificate.source === 'imported' ? t('lan.certImported') : t('lan.certSelf')} ·{' '}
                {t('lan.certValid', { date: formatDateTime(view.certificate.validTo, language) })}
              </Text>
            </div>
          ) : (
            <Text className={styles.muted}>{t('lan.noCert')}</Text>
          )}
        </Field>
      </SettingsCard>
      <CertificateImport onImported={() => void loaded.reload()} />
      <LanSessions />
    </>
  );
}

interface PemFile {
  name: string;
  text: string;
}

function CertificateImport(props: { onImported(): void }) {
  const t = useT();
  const styles = useStyles();
  const action = useAction();
  const [cert, setCert] = useState<PemFile | null>(null);
  const [key, setKey] = useState<PemFile | null>(null);
  const [done, setDone] = useState(false);
  async function importIt() {
    setDone(false);
    const value = await action.run(() => api.call('lan.importCertificate', { certificatePem: cert!.text, privateKeyPem: key!.text }));
    if (!value) return;
    setDone(true);
    setCert(null);
    setKey(null);
    props.onImported();
  }
  return (
    <SettingsCard title={t('lan.importTitle')} intro={t('lan.importIntro')} testId="lan-import">
      <div className={styles.row}>
        <PemPicker label={t('lan.chooseCert')} accept=".pem,.crt,.cer" chosen={cert} onChosen={setCert} />
        <PemPicker label={t('lan.chooseKey')} accept=".pem,.key" chosen={key} onChosen={setKey} />
        <Button appearance="primary" disabled={!cert || !key || action.busy} onClick={() => void importIt()}>
          {t('lan.import')}
        </Button>
      </div>
      <ErrorBar error={action.error} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{t('lan.imported')}</MessageBarBody>
        </MessageBar>
      )}
    </SettingsCard>
  );
}

/** A button that reads one PEM file from this PC (the text only; nothing is uploaded until Impor). */
function PemPicker(props: { label: string; accept: string; chosen: PemFile | null; onChosen(file: PemFile): void }) {
  const t = useT();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.column}>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then((text) => props.onChosen({ name: file.name, text }));
        }}
      />
      <Button onClick={() => input.current?.click()}>{props.label}</Button>
      {props.chosen && <Text size={200}>{t('lan.chosen', { name: props.chosen.name })}</Text>}
    </div>
  );
}
