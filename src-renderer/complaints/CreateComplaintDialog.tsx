import { Dropdown, Field, Input, Option, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ComplaintSource, ComplaintView, MessageView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { OfficeDateTimeField } from '../components/OfficeDateTimeField';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';
import { MANUAL_SOURCES } from './sources';

/**
 * Logs a complaint: typed in from the suggestion box, the online form, a call or a visit; or
 * promoted from a channel message (the core takes source, text and contact from the message).
 */
export function CreateComplaintDialog(props: { fromMessage?: MessageView; onCreated(complaint: ComplaintView): void; onClose(): void }) {
  const t = useT();
  const action = useAction();
  const [source, setSource] = useState<ComplaintSource>('kotak_saran');
  const [text, setText] = useState('');
  const [contactName, setContactName] = useState('');
  const [contact, setContact] = useState('');
  const [missing, setMissing] = useState(false);
  const m = props.fromMessage;
  // A note from the suggestion box may be read days after it was dropped: the date it was received counts.
  const [receivedAt, setReceivedAt] = useState<number | null>(() => Date.now());

  async function submit() {
    if (!m && (!text.trim() || receivedAt === null)) return setMissing(true);
    const created = await action.run(() =>
      api.call(
        'complaints.create',
        m
          ? { messageId: m.id }
          : {
              source,
              text: text.trim(),
              ...(contactName.trim() ? { contactName: contactName.trim() } : {}),
              ...(contact.trim() ? { contact: contact.trim() } : {}),
              ...(receivedAt !== null ? { receivedAt } : {}),
            },
      ),
    );
    if (created) props.onCreated(created);
  }

  return (
    <FormDialog
      open
      title={m ? t('complaints.promoteTitle') : t('complaints.create')}
      submitLabel={t('complaints.log')}
      busy={action.busy}
      error={action.error}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      testId="complaint-dialog"
    >
      {m ? (
        <>
          <Text>{t('complaints.promoteIntro')}</Text>
          <Text italic>“{m.text.length > 400 ? `${m.text.slice(0, 400)}…` : m.text}”</Text>
        </>
      ) : (
        <>
          <Field label={t('complaints.source')} required>
            <Dropdown
              value={t(`complaintSource.${source}`)}
              selectedOptions={[source]}
              onOptionSelect={(_, d) => d.optionValue && setSource(d.optionValue as ComplaintSource)}
            >
              {MANUAL_SOURCES.map((s) => (
                <Option key={s} value={s}>
                  {t(`complaintSource.${s}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('complaints.text')} required validationMessage={missing ? t('auth.required') : undefined}>
            <Textarea
              rows={4}
              value={text}
              onChange={(_, d) => {
                setText(d.value);
                setMissing(false);
              }}
            />
          </Field>
          <OfficeDateTimeField label={t('complaints.receivedAt')} value={receivedAt ?? Date.now()} onChange={setReceivedAt} testId="complaint-received" />
          <Field label={t('complaints.contactName')}>
            <Input value={contactName} onChange={(_, d) => setContactName(d.value)} />
          </Field>
          <Field label={t('complaints.contact')} hint={t('complaints.contactHint')}>
            <Input value={contact} onChange={(_, d) => setContact(d.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}
