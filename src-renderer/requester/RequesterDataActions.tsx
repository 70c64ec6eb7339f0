import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular, HistoryDismissRegular } from '@fluentui/react-icons';
import type { BackupPurgeView } from '../../src-preload/contract';
import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';
import { useSession } from '../state/session';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  warning: { color: tokens.colorPaletteRedForeground1 },
});

const CONFIRM_WORD = 'HAPUS';

function saveJson(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A requester's UU PDP rights: a copy of their data, and erasure (supervisors and admins only). */
export function RequesterDataActions(props: { requesterId: number; name: string; onErased(): void }) {
  const t = useT();
  const styles = useStyles();
  const allowed = useSession((s) => s.officer?.role === 'supervisor' || s.officer?.role === 'admin');
  const isAdmin = useSession((s) => s.officer?.role === 'admin');
  const exporting = useAction();
  const erasing = useAction();
  const purging = useAction();
  const [alsoBackups, setAlsoBackups] = useState(true);
  const [purged, setPurged] = useState<BackupPurgeView | null>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState<{ m: number; a: number } | null>(null);
  if (!allowed) return null;

  // Older backups still hold the data until they rotate out; the admin can rewrite them now.
  const purgeBackups = () =>
    purging
      .run(() => api.call('backup.purgeRequester', { requesterId: props.requesterId }))
      .then((r) => {
        if (r) setPurged(r);
      });
  const exportData = () => void exporting.run(() => api.call('requesters.export', { id: props.requesterId })).then((r) => r && saveJson(r.fileName, r.json));
  const erase = () => {
    if (confirm.trim() !== CONFIRM_WORD || reason.trim() === '') return;
    void erasing
      .run(() => api.call('requesters.erase', { id: props.requesterId, reason: reason.trim() }))
      .then((r) => {
        if (!r) return;
        setOpen(false);
        setDone({ m: r.messages, a: r.attachments });
        props.onErased();
        if (isAdmin && alsoBackups) void purgeBackups();
      });
  };
  return (
    <>
      <div className={styles.row}>
        <Button size="small" icon={<ArrowDownloadRegular />} disabled={exporting.busy} onClick={exportData} data-testid="requester-export">
          {t('requesterData.export')}
        </Button>
        <Button size="small" icon={<DeleteRegular />} onClick={() => (setOpen(true), setReason(''), setConfirm(''))} data-testid="requester-erase">
          {t('requesterData.erase')}
        </Button>
        {isAdmin && (
          <Button
            size="small"
            icon={<HistoryDismissRegular />}
            disabled={purging.busy}
            onClick={() => void purgeBackups()}
            data-testid="requester-purge-backups"
          >
            {purging.busy ? t('requesterData.purging') : t('requesterData.purgeBackups')}
          </Button>
        )}
      </div>
      <ErrorBar error={exporting.error} />
      <ErrorBar error={purging.error} />
      {purged && (
        <MessageBar intent={purged.failed.length > 0 ? 'warning' : 'success'} data-testid="purge-result">
          <MessageBarBody>
            {t('requesterData.purged', { n: purged.rewritten.length, same: purged.unchanged.length })}
            {purged.failed.length > 0 && ` ${t('requesterData.purgeFailed', { names: purged.failed.join(', ') })}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{t('requesterData.erased', done)}</MessageBarBody>
        </MessageBar>
      )}
      <FormDialog
        open={open}
        title={t('requesterData.eraseTitle', { name: props.name })}
        submitLabel={t('requesterData.eraseButton')}
        busy={erasing.busy || confirm.trim() !== CONFIRM_WORD || reason.trim() === ''}
        error={erasing.error}
        onSubmit={erase}
        onClose={() => setOpen(false)}
        testId="erase-dialog"
      >
        <Text className={styles.warning}>{t('requesterData.eraseBody')}</Text>
        <Text>{t('requesterData.backupsNote')}</Text>
        {isAdmin && (
          <Checkbox
            checked={alsoBackups}
            onChange={(_, d) => setAlsoBackups(d.checked === true)}
            label={t('requesterData.alsoBackups')}
            data-testid="erase-also-backups"
          />
        )}
        <Field label={t('requesterData.reason')} hint={t('requesterData.reasonHint')} required>
          <Textarea rows={2} value={reason} onChange={(_, d) => setReason(d.value)} data-testid="erase-reason" />
        </Field>
        <Field label={t('requesterData.confirm')} required>
          <Input value={confirm} onChange={(_, d) => setConfirm(d.value)} data-testid="erase-confirm" />
        </Field>
      </FormDialog>
    </>
  );
}
