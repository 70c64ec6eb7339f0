import { Button, Field, Input, SpinButton, Switch, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { useT } from '../i18n';
import { SettingsCard } from './SettingsCard';

/** The service standard's numbers: the SLA in working days, the SKM survey, the report topics. */
export function WorkflowSettings() {
  const t = useT();
  const [days, setDays] = useState(3);
  const [survey, setSurvey] = useState(true);
  const [topics, setTopics] = useState('');
  const [questions, setQuestions] = useState<string[]>([]);
  const [officeName, setOfficeName] = useState('');
  const [officeNumber, setOfficeNumber] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const loaded = useCall('workflow.getSettings', {});
  useEffect(() => {
    if (!loaded.data) return;
    setDays(loaded.data.slaWorkingDays);
    setSurvey(loaded.data.surveyEnabled);
    setTopics(loaded.data.topics.join('\n'));
    setQuestions(loaded.data.surveyQuestions);
    setOfficeName(loaded.data.whatsappOfficeName);
    setOfficeNumber(loaded.data.whatsappOfficeNumber);
  }, [loaded.data]);
  const save = () =>
    void action
      .run(() =>
        api.call('workflow.updateSettings', {
          slaWorkingDays: days,
          surveyEnabled: survey,
          ...(questions.length === 9 ? { surveyQuestions: questions.map((q) => q.trim()) } : {}),
          topics: topics
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
          whatsappOfficeName: officeName.trim(),
          whatsappOfficeNumber: officeNumber.trim(),
        }),
      )
      .then((r) => r && setSaved(true));
  return (
    <SettingsCard title={t('workflow.title')} intro={t('workflow.intro')} testId="workflow-settings">
      <Field label={t('workflow.slaDays')}>
        <SpinButton style={{ maxWidth: 160 }} min={1} max={30} value={days} onChange={(_, d) => setDays(d.value ?? (Number(d.displayValue) || days))} />
      </Field>
      <Switch checked={survey} onChange={(_, d) => setSurvey(d.checked)} label={t('workflow.survey')} />
      {survey && questions.length === 9 && (
        <fieldset data-testid="survey-questions" style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
          <legend>
            <Text weight="semibold">{t('workflow.surveyQuestions')}</Text>
          </legend>
          <Text size={200}>{t('workflow.surveyQuestionsHint')}</Text>
          {questions.map((q, i) => (
            <Field key={i} label={t('workflow.surveyQuestion', { n: i + 1 })}>
              <Textarea rows={2} value={q} onChange={(_, d) => setQuestions((all) => all.map((x, k) => (k === i ? d.value : x)))} />
            </Field>
          ))}
        </fieldset>
      )}
      <Field label={t('workflow.topics')} hint={t('workflow.topicsHint')}>
        <Textarea rows={6} value={topics} onChange={(_, d) => setTopics(d.value)} />
      </Field>
      <fieldset data-testid="whatsapp-office" style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        <legend>
          <Text weight="semibold">{t('whatsapp.settingsTitle')}</Text>
        </legend>
        <Text size={200}>{t('whatsapp.settingsIntro')}</Text>
        <Field label={t('whatsapp.officeName')}>
          <Input value={officeName} onChange={(_, d) => setOfficeName(d.value)} data-testid="whatsapp-office-name" />
        </Field>
        <Field label={t('whatsapp.officeNumber')}>
          <Input value={officeNumber} inputMode="tel" onChange={(_, d) => setOfficeNumber(d.value)} data-testid="whatsapp-office-number" />
        </Field>
      </fieldset>
      <div>
        <Button appearance="primary" disabled={action.busy} onClick={save}>
          {t('common.save')}
        </Button>
      </div>
      <ErrorBar error={loaded.error?.message ?? action.error} />
      {saved && <Text>{t('common.saved')}</Text>}
    </SettingsCard>
  );
}
