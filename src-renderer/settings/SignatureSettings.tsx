import { Button, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { SettingsCard } from './SettingsCard';

/**
 * The signed-in officer's own profile: the name colleagues and reports show, and the signature the
 * core adds under every email reply. Every role edits their own (auth.updateProfile), no admin needed.
 */
export function SignatureSettings() {
  const t = useT();
  const officer = useSession((s) => s.officer);
  const signedIn = useSession((s) => s.signedIn);
  const [displayName, setDisplayName] = useState(officer?.displayName ?? '');
  const [signature, setSignature] = useState(officer?.signature ?? '');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  if (!officer) return null;
  const edited = () => setSaved(false);
  async function save() {
    const updated = await action.run(() => api.call('auth.updateProfile', { displayName: displayName.trim(), signature: signature.trim() }));
    if (updated) {
      signedIn(updated);
      setSaved(true);
    }
  }
  return (
    <SettingsCard title={t('signature.title')} intro={t('signature.intro')} testId="signature-settings">
      <Field label={t('profile.displayName')} required>
        <Input
          value={displayName}
          maxLength={80}
          onChange={(_, d) => {
            setDisplayName(d.value);
            edited();
          }}
        />
      </Field>
      <Field label={t('signature.label', { name: officer.displayName })}>
        <Textarea
          rows={4}
          value={signature}
          onChange={(_, d) => {
            setSignature(d.value);
            edited();
          }}
          placeholder={t('signature.placeholder')}
        />
      </Field>
      <div>
        <Button appearance="primary" disabled={action.busy || displayName.trim() === ''} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </div>
      <ErrorBar error={action.error} />
      {saved && <Text>{t('common.saved')}</Text>}
    </SettingsCard>
  );
}
