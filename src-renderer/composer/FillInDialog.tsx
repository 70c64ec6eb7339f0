import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';

/**
 * The fill-ins of a standard answer ({isi:perkiraan tanggal rilis}), asked one field each right
 * after it is inserted. Skipped ones stay in the text, marked, and the composer will not send them.
 */
export function FillInDialog(props: { labels: string[]; onDone(answers: Record<string, string>): void; onClose(): void }) {
  const t = useT();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  return (
    <FormDialog
      open
      title={t('composer.fillInTitle')}
      submitLabel={t('composer.fillInApply')}
      busy={false}
      error={null}
      onSubmit={() => props.onDone(answers)}
      onClose={props.onClose}
      testId="fill-in-dialog"
    >
      {props.labels.map((label, i) => (
        <Field key={label} label={label}>
          <Input autoFocus={i === 0} value={answers[label] ?? ''} onChange={(_, d) => setAnswers((a) => ({ ...a, [label]: d.value }))} />
        </Field>
      ))}
    </FormDialog>
  );
}
