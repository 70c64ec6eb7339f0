import { Combobox, Field, Option, Text } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ConversationSummary, RequesterMergeResult } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';

interface Candidate {
  requesterId: number;
  label: string;
}

/** Other requesters as the inbox knows them: one per person, labelled by name, institution, channel and latest ticket. */
function candidatesFrom(items: ConversationSummary[], exceptId: number, unknown: string, channelName: (c: ConversationSummary['channel']) => string): Candidate[] {
  const seen = new Map<number, Candidate>();
  for (const c of items) {
    if (c.requesterId === exceptId || seen.has(c.requesterId)) continue;
    const who = [c.requesterName ?? unknown, c.institution].filter(Boolean).join(' · ');
    seen.set(c.requesterId, { requesterId: c.requesterId, label: `${who} (${channelName(c.channel)}, ${c.ticket})` });
  }
  return [...seen.values()];
}

/** Picks the other record of the same person and merges it into this one (the core moves everything over). */
export function MergeRequesterDialog(props: { open: boolean; keepId: number; keepName: string; onClose(): void; onMerged(result: RequesterMergeResult): void }) {
  const t = useT();
  const action = useAction();
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (!props.open) return;
    setPicked(null);
    setQuery('');
    void action.run(() => api.call('inbox.list', { sort: 'activity', limit: 500 })).then((page) => page && setItems(page.items));
  }, [props.open]);

  const candidates = useMemo(
    () => candidatesFrom(items ?? [], props.keepId, t('common.unknownName'), (c) => t(`channel.${c}`)),
    [items, props.keepId, t],
  );
  const shown = candidates.filter((c) => c.label.toLowerCase().includes(query.trim().toLowerCase()));

  async function submit() {
    if (!picked) {
      setMissing(true);
      return;
    }
    const result = await action.run(() => api.call('requesters.merge', { keepId: props.keepId, mergeId: picked.requesterId }));
    if (result) props.onMerged(result);
  }

  return (
    <FormDialog open={props.open} title={t('requester.mergeTitle')} submitLabel={t('requester.mergeDo')} busy={action.busy} error={action.error} onSubmit={() => void submit()} onClose={props.onClose} testId="merge-dialog">
      <Text>{t('requester.mergeIntro', { name: props.keepName })}</Text>
      {items && candidates.length === 0 ? (
        <Text>{t('requester.mergeNone')}</Text>
      ) : (
        <Field label={t('requester.mergePick')} required validationMessage={missing && !picked ? t('requester.mergePickFirst') : undefined}>
          <Combobox
            freeform
            value={query}
            placeholder={t('requester.mergePickPlaceholder')}
            selectedOptions={picked ? [String(picked.requesterId)] : []}
            onChange={(e) => {
              setQuery(e.target.value);
              setPicked(null);
            }}
            onOptionSelect={(_, d) => {
              const found = candidates.find((c) => String(c.requesterId) === d.optionValue) ?? null;
              setPicked(found);
              setMissing(false);
              setQuery(found?.label ?? '');
            }}
          >
            {shown.map((c) => (
              <Option key={c.requesterId} value={String(c.requesterId)} text={c.label}>
                {c.label}
              </Option>
            ))}
          </Combobox>
        </Field>
      )}
      {picked && <Text weight="semibold" data-testid="merge-confirm">{t('requester.mergeConfirm', { other: picked.label, name: props.keepName })}</Text>}
    </FormDialog>
  );
}
