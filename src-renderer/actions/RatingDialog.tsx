import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AnswerVia } from '../../src-preload/contract';
import type { ActionState } from '../api/use-action';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';

type Via = AnswerVia;

/** A rating the requester gave by phone, in person or in a WhatsApp reply, entered by the officer. */
export function RatingDialog(props: {
  action: ActionState;
  defaultVia?: Via;
  onSubmit(score: number | null, feedback: string, via: Via): void;
  onClose(): void;
}) {
  const t = useT();
  const [score, setScore] = useState('5');
  const [feedback, setFeedback] = useState('');
  const [via, setVia] = useState<Via>(props.defaultVia ?? 'telepon');
  return (
    <FormDialog
      open
      title={t('actions.ratingTitle')}
      submitLabel={t('common.save')}
      busy={props.action.busy}
      error={props.action.error}
      onClose={props.onClose}
      onSubmit={() => props.onSubmit(score === 'none' ? null : Number(score), feedback.trim(), via)}
      testId="rating-dialog"
    >
      <Field label={t('actions.score')}>
        <RadioGroup layout="horizontal" value={score} onChange={(_, d) => setScore(d.value)}>
          {['1', '2', '3', '4', '5'].map((n) => (
            <Radio key={n} value={n} label={n} />
          ))}
          <Radio value="none" label={t('actions.noScore')} />
        </RadioGroup>
      </Field>
      <Field label={t('actions.feedback')}>
        <Textarea rows={3} value={feedback} onChange={(_, d) => setFeedback(d.value)} />
      </Field>
      <Field label={t('actions.via')}>
        <RadioGroup layout="horizontal" value={via} onChange={(_, d) => setVia(d.value as Via)}>
          <Radio value="telepon" label={t('complaintSource.telepon')} />
          <Radio value="langsung" label={t('complaintSource.langsung')} />
          <Radio value="whatsapp" label={t('whatsapp.ratingVia')} />
        </RadioGroup>
      </Field>
    </FormDialog>
  );
}
