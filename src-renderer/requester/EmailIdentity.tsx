import { Badge, Button, Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ConversationDetail, IdentityHintView, RequesterIdentityView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { useT, type MessageKey } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  value: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * What the requester's mail says about them: the fields filled from their answer to the
 * acknowledgement (marked "dari email" until an officer confirms), and the suggestions read from
 * signatures, introductions, display names and other addresses, each applied or dismissed by a
 * click. Nothing here overwrites a field without the officer's click.
 */
export function EmailIdentity(props: { conversation: ConversationDetail; onChanged(detail: ConversationDetail): void }) {
  const styles = useStyles();
  const t = useT();
  const c = props.conversation;
  const requesterId = c.requester.id;
  const { data, reload } = useCall('requesters.identity', { requesterId }, { refreshOn: ['inbox.changed', 'message.changed'] });
  const action = useAction();

  async function decide(method: 'requesters.confirmFromEmail' | 'requesters.dismissSuggestions', hintIds: number[]) {
    const done: RequesterIdentityView | null = await action.run(() => api.call(method, { requesterId, hintIds }));
    if (!done) return;
    await reload();
    const fresh = await api.call('conversations.get', { id: c.id });
    if (fresh.ok) props.onChanged(fresh.value);
  }

  // The need belongs to its consultation: another consultation's need is not this one's to apply.
  const ours = (h: IdentityHintView) => h.field !== 'need' || h.conversationId === c.id;
  const fromEmail = data?.fromEmail.filter(ours) ?? [];
  const suggestions = data?.suggestions.filter(ours) ?? [];
  if (fromEmail.length === 0 && suggestions.length === 0) return null;
  const field = (h: IdentityHintView) => t(`identity.field.${h.field}` as MessageKey);
  const source = (h: IdentityHintView) => t(`identity.source.${h.source}` as MessageKey);
  return (
    <section className={styles.root} aria-label={t('identity.title')} data-testid="email-identity">
      <Subtitle2 as="h3">{t('identity.title')}</Subtitle2>
      {fromEmail.map((h) => (
        <div key={h.id} className={styles.item} data-testid="identity-from-email" data-field={h.field}>
          <div className={styles.row}>
            <Text weight="semibold">{field(h)}</Text>
            <Badge size="small" appearance="tint" color="informative">
              {t('identity.fromEmail')}
            </Badge>
          </div>
          <Text className={styles.value}>{h.value}</Text>
          <div className={styles.row}>
            <Button size="small" disabled={action.busy} onClick={() => void decide('requesters.confirmFromEmail', [h.id])}>
              {t('identity.confirm')}
            </Button>
            <Button size="small" appearance="subtle" disabled={action.busy} onClick={() => void decide('requesters.dismissSuggestions', [h.id])}>
              {t('identity.dismiss')}
            </Button>
          </div>
        </div>
      ))}
      {suggestions.map((h) => (
        <div key={h.id} className={styles.item} data-testid="identity-suggestion" data-field={h.field}>
          <Text weight="semibold">{field(h)}</Text>
          <Text className={styles.value}>{h.value}</Text>
          <Caption1 className={styles.muted}>{source(h)}</Caption1>
          <div className={styles.row}>
            <Button size="small" appearance="primary" disabled={action.busy} onClick={() => void decide('requesters.confirmFromEmail', [h.id])}>
              {h.source === 'address' ? t('identity.addAddress') : t('identity.apply')}
            </Button>
            <Button size="small" appearance="subtle" disabled={action.busy} onClick={() => void decide('requesters.dismissSuggestions', [h.id])}>
              {t('identity.dismiss')}
            </Button>
          </div>
        </div>
      ))}
      {suggestions.length > 1 && (
        <div>
          <Button
            size="small"
            disabled={action.busy}
            data-testid="identity-apply-all"
            onClick={() =>
              void decide(
                'requesters.confirmFromEmail',
                // One value per field: the first suggestion of each, as listed.
                suggestions.filter((h, i, all) => all.findIndex((o) => o.field === h.field) === i).map((h) => h.id),
              )
            }
          >
            {t('identity.applyAll')}
          </Button>
        </div>
      )}
      <ErrorBar error={action.error} testId="identity-error" />
    </section>
  );
}
