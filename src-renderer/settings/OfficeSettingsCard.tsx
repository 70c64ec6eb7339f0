import {
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Language } from '../../src-preload/contract';
import { api } from '../api/client';
import { useT } from '../i18n';
import { useSession } from '../state/session';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  name: { minWidth: '320px', flexGrow: 1 },
});

/** Office name (shown in the header and to requesters) and the console's default language. */
export function OfficeSettingsCard() {
  const styles = useStyles();
  const t = useT();
  const settings = useSession((s) => s.settings);
  const setSettings = useSession((s) => s.setSettings);
  const [officeName, setOfficeName] = useState(settings?.officeName ?? '');
  const [language, setLanguage] = useState<Language>(settings?.language ?? 'id');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!officeName.trim()) {
      setNameError(t('auth.required'));
      return;
    }
    const result = await api.call('settings.update', { officeName: officeName.trim(), language });
    if (result.ok) {
      setSettings(result.value);
      setNameError(undefined);
      setMessage({ intent: 'success', text: t('common.saved') });
    } else {
      setNameError(result.error.issues?.find((i) => i.path === 'officeName')?.message);
      setMessage({ intent: 'error', text: result.error.message });
    }
  }

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h2">{t('settings.office')}</Subtitle2>} />
      <form className={styles.form} onSubmit={(e) => void save(e)} noValidate>
        <Field className={styles.name} label={t('settings.officeName')} required validationMessage={nameError}>
          <Input value={officeName} onChange={(_, d) => setOfficeName(d.value)} maxLength={120} />
        </Field>
        <Field label={t('settings.defaultLanguage')}>
          <Dropdown
            value={t(`language.${language}`)}
            selectedOptions={[language]}
            onOptionSelect={(_, d) => (d.optionValue === 'id' || d.optionValue === 'en') && setLanguage(d.optionValue)}
          >
            <Option value="id">{t('language.id')}</Option>
            <Option value="en">{t('language.en')}</Option>
          </Dropdown>
        </Field>
        <Button appearance="primary" type="submit">
          {t('common.save')}
        </Button>
      </form>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
