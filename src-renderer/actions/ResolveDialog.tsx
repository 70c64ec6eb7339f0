import { Dropdown, Field, Option, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionState } from '../api/use-action';
import { useCall } from '../api/use-call';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';

/** Closing a consultation: what was given (summary) and the topic for the weekly report. */
export function ResolveDialog(props: { initialTopic: string | null; action: ActionState; onSubmit(summary: string, topic: string): void; onClose(): void }) {
  const t = useT();
  const [topic, setTopic] = useState(props.initialTopic ?? '');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<{ summary?: boolean; topic?: boolean }>({});
  const settings = useCall('workflow.getSettings', {});
  const topics = settings.data?.topics ?? null;
  const loadError = settings.error?.message ?? null;

  return (
    <FormDialog
      open
      title={t('actions.resolveTitle')}
      submitLabel={t('actions.resolve')}
      busy={props.action.busy}
      error={props.action.error ?? loadError}
      onClose={props.onClose}
      onSubmit={() => {
        const found = { summary: !summary.trim(), topic: !topic };
        setErrors(found);
        if (!found.summary && !found.topic) props.onSubmit(summary.trim(), topic);
      }}
      testId="resolve-dialog"
    >
      <Field label={t('actions.summary')} hint={t('actions.summaryHint')} required validationMessage={errors.summary ? t('auth.required') : undefined}>
        <Textarea
          rows={4}
          value={summary}
          onChange={(_, d) => {
            setSummary(d.value);
            setErrors((e) => ({ ...e, summary: false }));
          }}
        />
      </Field>
      <Field label={t('facts.topic')} required validationMessage={errors.topic ? t('auth.required') : undefined}>
        <Dropdown
          value={topic}
          selectedOptions={topic ? [topic] : []}
          placeholder={t('actions.topicPick')}
          onOptionSelect={(_, d) => {
            setTopic(d.optionValue ?? '');
            setErrors((e) => ({ ...e, topic: false }));
          }}
        >
          {(topics ?? []).map((x) => (
            <Option key={x} value={x}>
              {x}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </FormDialog>
  );
}
