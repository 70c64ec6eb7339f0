import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { PersonAddRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { OCCUPATIONS } from '../../src-common/occupations';
import type { AnswerVia, RequesterSearchHit } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';
import { useInbox } from '../state/inbox';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  hits: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxHeight: '140px', overflowY: 'auto' },
  known: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const EMPTY = { name: '', institution: '', occupation: '', email: '', whatsapp: '' };

/**
 * "Konsultasi baru": a visitor at the PST desk or a caller. Looks for the person among known
 * requesters first (by name, email or number), so one person keeps one history.
 */
export function WalkInDialog(props: { onClose(): void }) {
  const t = useT();
  const styles = useStyles();
  const saving = useAction();
  const select = useInbox((s) => s.select);
  const [via, setVia] = useState<AnswerVia>('langsung');
  const [fields, setFields] = useState(EMPTY);
  const [known, setKnown] = useState<RequesterSearchHit | null>(null);
  const [hits, setHits] = useState<RequesterSearchHit[]>([]);
  const [need, setNeed] = useState('');
  const [answered, setAnswered] = useState(false);
  const [answer, setAnswer] = useState({ text: '', summary: '', topic: '' });
  const { data: settings } = useCall('workflow.getSettings', {});
  const topics = settings?.topics ?? [];

  // Known requesters matching what is typed in the name, email or number.
  const probe = [fields.name, fields.email, fields.whatsapp].find((v) => v.trim().length >= 3)?.trim() ?? '';
  useEffect(() => {
    if (known || probe.length < 3) return setHits([]);
    const timer = setTimeout(() => {
      void api.call('requesters.search', { query: probe, limit: 5 }).then((r) => r.ok && setHits(r.value));
    }, 250);
    return () => clearTimeout(timer);
  }, [probe, known]);

  const set = (key: keyof typeof EMPTY) => (_: unknown, d: { value: string }) => setFields((f) => ({ ...f, [key]: d.value }));
  // A WhatsApp consultation is the number's: it must be known.
  const numberKnown = via !== 'whatsapp' || (known ? known.whatsapp !== null || fields.whatsapp.trim() !== '' : fields.whatsapp.trim() !== '');
  const ready =
    numberKnown &&
    need.trim() !== '' &&
    (known !== null || fields.name.trim() !== '') &&
    (!answered || (answer.text.trim() && answer.summary.trim() && answer.topic));
  const submit = () => {
    if (!ready) return;
    const requester = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
    void saving
      .run(() =>
        api.call('conversations.createWalkIn', {
          via,
          ...(known ? { requesterId: known.id } : {}),
          ...(Object.keys(requester).length > 0 ? { requester } : {}),
          need: need.trim(),
          ...(answered ? { answer: { text: answer.text.trim(), summary: answer.summary.trim(), topic: answer.topic } } : {}),
        }),
      )
      .then((created) => {
        if (!created) return;
        select(created.id);
        props.onClose();
      });
  };

  return (
    <FormDialog
      open
      title={t('walkIn.title')}
      submitLabel={t('walkIn.submit')}
      busy={saving.busy || !ready}
      error={saving.error}
      onSubmit={submit}
      onClose={props.onClose}
      testId="walk-in-dialog"
    >
      <RadioGroup layout="horizontal" value={via} onChange={(_, d) => setVia(d.value as AnswerVia)} aria-label={t('walkIn.via')}>
        <Radio value="langsung" label={t('walkIn.viaDesk')} />
        <Radio value="telepon" label={t('walkIn.viaPhone')} />
        <Radio value="whatsapp" label={t('walkIn.viaWhatsapp')} />
      </RadioGroup>
      {known ? (
        <div className={styles.known} data-testid="walk-in-known">
          <Text weight="semibold">{known.name ?? known.email ?? known.whatsapp}</Text>
          <Text size={200}>{t('walkIn.knownCount', { n: known.conversations })}</Text>
          <Button size="small" appearance="subtle" onClick={() => setKnown(null)}>
            {t('walkIn.someoneElse')}
          </Button>
        </div>
      ) : (
        <>
          <div className={styles.row}>
            <Field label={t('walkIn.name')} required>
              <Input value={fields.name} onChange={set('name')} />
            </Field>
            <Field label={t('walkIn.institution')} hint={t('walkIn.institutionHint')}>
              <Input value={fields.institution} onChange={set('institution')} />
            </Field>
            <Field label={t('walkIn.occupation')}>
              <Select value={fields.occupation} onChange={set('occupation')}>
                <option value="">—</option>
                {OCCUPATIONS.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </Select>
            </Field>
            <Field label={t('walkIn.whatsapp')} required={via === 'whatsapp'}>
              <Input value={fields.whatsapp} onChange={set('whatsapp')} />
            </Field>
            <Field label={t('walkIn.email')}>
              <Input type="email" value={fields.email} onChange={set('email')} />
            </Field>
          </div>
          {hits.length > 0 && (
            <div className={styles.hits} data-testid="walk-in-hits">
              <Text size={200}>{t('walkIn.maybeKnown')}</Text>
              {hits.map((h) => (
                <Button key={h.id} size="small" appearance="subtle" icon={<PersonAddRegular />} onClick={() => setKnown(h)}>
                  {[h.name, h.institution, h.email ?? h.whatsapp].filter(Boolean).join(' · ')} ({t('walkIn.knownCount', { n: h.conversations })})
                </Button>
              ))}
            </div>
          )}
        </>
      )}
      <Field label={t('walkIn.need')} required hint={t('walkIn.needHint')}>
        <Textarea rows={3} value={need} onChange={(_, d) => setNeed(d.value)} />
      </Field>
      <Checkbox checked={answered} onChange={(_, d) => setAnswered(d.checked === true)} label={t('walkIn.answered')} />
      {answered && (
        <>
          <Field label={t('walkIn.answerText')} required>
            <Textarea rows={2} value={answer.text} onChange={(_, d) => setAnswer((a) => ({ ...a, text: d.value }))} />
          </Field>
          <div className={styles.row}>
            <Field label={t('walkIn.summary')} required>
              <Input value={answer.summary} onChange={(_, d) => setAnswer((a) => ({ ...a, summary: d.value }))} />
            </Field>
            <Field label={t('walkIn.topic')} required>
              <Select value={answer.topic} onChange={(_, d) => setAnswer((a) => ({ ...a, topic: d.value }))}>
                <option value="">—</option>
                {topics.map((topic) => (
                  <option key={topic}>{topic}</option>
                ))}
              </Select>
            </Field>
          </div>
        </>
      )}
    </FormDialog>
  );
}
