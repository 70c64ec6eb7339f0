import { Combobox, Field, Option, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { RequesterMergeResult, RequesterSearchHit } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';

const SEARCH_DELAY_MS = 300;
const MIN_QUERY = 2;

interface Candidate {
  requesterId: number;
  label: string;
}

/** One person as the officer recognises them: name, institution, an address, and their latest consultation. */
function labelOf(hit: RequesterSearchHit, unknown: string, channelName: (c: NonNullable<RequesterSearchHit['latestChannel']>) => string): string {
  const who = [hit.name ?? unknown, hit.institution].filter(Boolean).join(' · ');
  const contact = hit.email ?? hit.whatsapp ?? (hit.telegramUsername ? `@${hit.telegramUsername}` : null);
  const latest = hit.latestChannel && hit.latestTicket ? ` (${channelName(hit.latestChannel)}, ${hit.latestTicket})` : '';
  return `${who}${contact ? ` — ${contact}` : ''}${latest}`;
}

/**
 * Picks the other record of the same person and merges it into this one (the core moves everything
 * over). The core searches every requester as the officer types, not just the loaded inbox rows.
 */
export function MergeRequesterDialog(props: {
  open: boolean;
  keepId: number;
  keepName: string;
  onClose(): void;
  onMerged(result: RequesterMergeResult): void;
}) {
  const t = useT();
  const action = useAction();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<RequesterSearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [missing, setMissing] = useState(false);
  const latestSearch = useRef(0);

  useEffect(() => {
    if (!props.open) return;
    setPicked(null);
    setQuery('');
    setHits(null);
    setMissing(false);
  }, [props.open]);

  // Debounced; an answer to an older query is dropped when a newer one was sent.
  useEffect(() => {
    const text = query.trim();
    const ticket = ++latestSearch.current;
    if (!props.open || picked || text.length < MIN_QUERY) {
      setSearching(false);
      if (!picked) setHits(null);
      return;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      void api.call('requesters.search', { query: text, limit: 20, exceptId: props.keepId }).then((result) => {
        if (ticket !== latestSearch.current) return;
        setSearching(false);
        setHits(result.ok ? result.value : []);
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, picked, props.open, props.keepId]);

  const candidates: Candidate[] | null =
    hits && hits.map((hit) => ({ requesterId: hit.id, label: labelOf(hit, t('common.unknownName'), (c) => t(`channel.${c}`)) }));

  async function submit() {
    if (!picked) {
      setMissing(true);
      return;
    }
    const result = await action.run(() => api.call('requesters.merge', { keepId: props.keepId, mergeId: picked.requesterId }));
    if (result) props.onMerged(result);
  }

  const hint = searching
    ? t('requester.mergeSearching')
    : candidates?.length === 0
      ? t('requester.mergeNone')
      : query.trim().length < MIN_QUERY && !picked
        ? t('requester.mergeTypeMore')
        : undefined;

  return (
    <FormDialog
      open={props.open}
      title={t('requester.mergeTitle')}
      submitLabel={t('requester.mergeDo')}
      busy={action.busy}
      error={action.error}
      onSubmit={() => void submit()}
      onClose={props.onClose}
      testId="merge-dialog"
    >
      <Text>{t('requester.mergeIntro', { name: props.keepName })}</Text>
      <Field
        label={t('requester.mergePick')}
        required
        validationState={missing && !picked ? 'error' : 'none'}
        validationMessage={missing && !picked ? t('requester.mergePickFirst') : undefined}
        hint={hint}
      >
        <Combobox
          freeform
          value={query}
          placeholder={t('requester.mergePickPlaceholder')}
          selectedOptions={picked ? [String(picked.requesterId)] : []}
          expandIcon={searching ? <Spinner size="extra-tiny" /> : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setPicked(null);
          }}
          onOptionSelect={(_, d) => {
            const found = candidates?.find((c) => String(c.requesterId) === d.optionValue) ?? null;
            setPicked(found);
            setMissing(false);
            setQuery(found?.label ?? '');
          }}
          data-testid="merge-picker"
        >
          {(candidates ?? []).map((c) => (
            <Option key={c.requesterId} value={String(c.requesterId)} text={c.label}>
              {c.label}
            </Option>
          ))}
        </Combobox>
      </Field>
      {picked && (
        <Text weight="semibold" data-testid="merge-confirm">
          {t('requester.mergeConfirm', { other: picked.label, name: props.keepName })}
        </Text>
      )}
    </FormDialog>
  );
}
