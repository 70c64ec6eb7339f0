import { Dropdown, Field, Option, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ComplaintStatus, ComplaintView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';
import { COMPLAINT_STATUSES } from './sources';

/** Handling a complaint: its status and the response given. */
export function EditComplaintDialog(props: { complaint: ComplaintView; onSaved(c: ComplaintView): void; onClose(): void }) {
  const t = useT();
  const action = useAction();
  const c = props.complaint;
  const [status, setStatus] = useState<ComplaintStatus>(c.status);
  const [response, setResponse] = useState(c.response ?? '');
  async function submit() {
    const saved = await action.run(() => api.call('complaints.update', { id: c.id, status, response: response.trim() || null }));
    if (saved) props.onSaved(saved);
  }
  return (
    <FormDialog
      open
      title={t('complaints.handleTitle')}
      submitLabel={t('common.save')}
      busy={action.busy}
      error={action.error}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      testId="complaint-edit-dialog"
    >
      <Text italic>“{c.text}”</Text>
      <Field label={t('complaints.status')}>
        <Dropdown
          value={t(`complaintStatus.${status}`)}
          selectedOptions={[status]}
          onOptionSelect={(_, d) => d.optionValue && setStatus(d.optionValue as ComplaintStatus)}
        >
          {COMPLAINT_STATUSES.map((s) => (
            <Option key={s} value={s}>
              {t(`complaintStatus.${s}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('complaints.response')}>
        <Textarea rows={4} value={response} onChange={(_, d) => setResponse(d.value)} />
      </Field>
    </FormDialog>
  );
}
