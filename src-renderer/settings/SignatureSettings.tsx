import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { SettingsCard } from './SettingsCard';

/** The signature the core adds under every email reply of the signed-in officer. */
export function SignatureSettings() {
  const t = useT();
  const officer = useSession((s) => s.officer);
  const signedIn = useSession((s) => s.signedIn);
  const [signature, setSignature] = useState(officer?.signature ?? '');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  if (!officer) return null;
  return (
    <SettingsCard title={t('signature.title')} intro={t('signature.intro')} testId="signature-settings">
      <Field label={t('signature.label', { name: officer.displayName })}>
        <Textarea rows={4} value={signature} onChange={(_, d) => { setSignature(d.value); setSaved(false); }} placeholder={t('signature.placeholder')} />
      </Field>
      <div>
        <Button
          appearance="primary"
          disabled={action.busy}
          onClick={() => void action.run(() => api.call('officers.update', { id: officer.id, signature: signature.trim() })).then((r) => { if (r) { signedIn(r); setSaved(true); } })}
        >
          {t('common.save')}
        </Button>
      </div>
      <ErrorBar error={action.error} />
      {saved && <Text>{t('common.saved')}</Text>}
    </SettingsCard>
  );
}
