import {
  Button,
  Combobox,
  Divider,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ChatRegular, PeopleSwapRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import type { ConversationDetail } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { EmailIdentity } from './EmailIdentity';
import { useT } from '../i18n';
import { MergeRequesterDialog } from './MergeRequesterDialog';
import { RequesterDataActions } from './RequesterDataActions';
import { RequesterHistory } from './RequesterHistory';
import { RequirementsChecklist } from './RequirementsChecklist';
import { OCCUPATIONS } from '../../src-common/occupations';
import { whatsappLink } from '../../src-common/whatsapp';
import { changedFields, validateRequester, type FormErrors, type RequesterForm } from './validation';
import { ServiceFacts } from './ServiceFacts';

const useStyles = makeStyles({
  root: {
    width: '320px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const formOf = (c: ConversationDetail): RequesterForm => ({
  name: c.requester.name ?? '',
  institution: c.requester.institution ?? '',
  occupation: c.requester.occupation ?? '',
  email: c.requester.email ?? '',
  whatsapp: c.requester.whatsapp ?? '',
  need: c.need ?? '',
});

/** Who asks and what for: the identity fields, the need, what is still missing, how to reach them. */
export function RequesterPanel(props: { conversation: ConversationDetail; onChanged(detail: ConversationDetail): void }) {
  const styles = useStyles();
  const t = useT();
  const c = props.conversation;
  const [form, setForm] = useState(() => formOf(c));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState<number | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const serverForm = JSON.stringify(formOf(c));
  // Another officer or the bot changed the fields: show theirs.
  useEffect(() => setForm(JSON.parse(serverForm) as RequesterForm), [serverForm]);

  const set = (key: keyof RequesterForm) => (_: unknown, d: { value: string }) => {
    setForm((f) => ({ ...f, [key]: d.value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateRequester(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const changes = changedFields(formOf(c), form);
    if (!changes.requester && changes.need === undefined) return;
    const detail = await save.run(() => api.call('conversations.updateRequirements', { id: c.id, ...changes }));
    if (detail) {
      props.onChanged(detail);
      setSaved(true);
    }
  }

  // The merged record's fields may have filled empty ones here: show the requester as the core now has it.
  async function afterMerge(moved: number) {
    setMerging(false);
    setMerged(moved);
    setHistoryKey((k) => k + 1);
    const fresh = await api.call('conversations.get', { id: c.id });
    if (fresh.ok) props.onChanged(fresh.value);
  }

  const message = (e: FormErrors[keyof FormErrors]) =>
    e === 'email' ? t('requester.emailInvalid') : e === 'whatsapp' ? t('requester.whatsappInvalid') : undefined;
  return (
    <aside className={styles.root} aria-label={t('requester.title')} data-testid="requester-panel">
      <Subtitle2 as="h3">{t('requester.title')}</Subtitle2>
      <RequirementsChecklist missing={c.requirementsMissing} />
      <EmailIdentity conversation={c} onChanged={props.onChanged} />
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('requirement.name')} size="small">
          <Input size="small" value={form.name} onChange={set('name')} />
        </Field>
        <Field label={t('requirement.institution')} size="small">
          <Input size="small" value={form.institution} onChange={set('institution')} />
        </Field>
        <Field label={t('requirement.occupation')} size="small">
          <Combobox
            size="small"
            freeform
            value={form.occupation}
            selectedOptions={form.occupation ? [form.occupation] : []}
            onOptionSelect={(_, d) => set('occupation')(null, { value: d.optionValue ?? '' })}
            onChange={(e) => set('occupation')(null, { value: e.target.value })}
            placeholder={t('requester.occupationPick')}
          >
            {OCCUPATIONS.map((o) => (
              <Option key={o} value={o}>
                {o}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Field label={t('requirement.email')} size="small" validationMessage={message(errors.email)}>
          <Input size="small" type="email" value={form.email} onChange={set('email')} />
        </Field>
        <Field label={t('requirement.whatsapp')} size="small" hint={t('requester.whatsappHint')} validationMessage={message(errors.whatsapp)}>
          <Input size="small" type="tel" value={form.whatsapp} onChange={set('whatsapp')} />
        </Field>
        <Field label={t('requirement.need')} size="small">
          <Textarea size="small" rows={3} resize="vertical" value={form.need} onChange={set('need')} />
        </Field>
        <ErrorBar error={save.error} testId="requester-error" />
        {saved && !save.error && (
          <MessageBar intent="success">
            <MessageBarBody>{t('common.saved')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" size="small" disabled={save.busy}>
            {t('requester.save')}
          </Button>
          {c.requester.whatsapp && (
            <Link href={whatsappLink(c.requester.whatsapp)} target="_blank" rel="noopener noreferrer" data-testid="whatsapp-link">
              <ChatRegular aria-hidden /> {t('requester.whatsappChat')}
            </Link>
          )}
        </div>
      </form>
      {c.requester.telegramUsername && (
        <Text size={200} className={styles.muted}>
          Telegram: @{c.requester.telegramUsername}
        </Text>
      )}
      <Divider />
      <ServiceFacts conversation={c} />
      <Divider />
      <Subtitle2 as="h3">{t('requester.history')}</Subtitle2>
      <RequesterHistory requesterId={c.requester.id} currentId={c.id} reloadKey={historyKey} />
      {merged !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{t('requester.merged', { n: merged })}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button size="small" icon={<PeopleSwapRegular />} onClick={() => setMerging(true)}>
          {t('requester.merge')}
        </Button>
      </div>
      <RequesterDataActions
        requesterId={c.requester.id}
        name={c.requester.name ?? t('common.unknownName')}
        onErased={() => void afterMerge(0).then(() => setMerged(null))}
      />
      <MergeRequesterDialog
        open={merging}
        keepId={c.requester.id}
        keepName={c.requester.name ?? t('common.unknownName')}
        onClose={() => setMerging(false)}
        onMerged={(r) => void afterMerge(r.movedConversations)}
      />
    </aside>
  );
}
