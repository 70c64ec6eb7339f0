import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionState } from '../api/use-action';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';

/** Asks for a reason (required or optional) before a status change. */
export function ReasonDialog(props: {
  title: string;
  label: string;
  submitLabel: string;
  required: boolean;
  action: ActionState;
  onSubmit(reason: string): void;
  onClose(): void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <FormDialog
      open
      title={props.title}
      submitLabel={props.submitLabel}
      busy={props.action.busy}
      error={props.action.error}
      onClose={props.onClose}
      onSubmit={() => {
        if (props.required && !reason.trim()) return setMissing(true);
        props.onSubmit(reason.trim());
      }}
      testId="reason-dialog"
    >
      <Field label={props.label} required={props.required} validationMessage={missing ? t('auth.required') : undefined}>
        <Textarea
          rows={3}
          value={reason}
          onChange={(_, d) => {
            setReason(d.value);
            setMissing(false);
          }}
        />
      </Field>
    </FormDialog>
  );
}
