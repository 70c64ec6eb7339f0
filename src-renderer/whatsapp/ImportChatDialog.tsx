import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ConversationDetail, WhatsappImportView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { FormDialog } from '../components/FormDialog';
import { readFile, type PendingFile } from '../composer/files';
import { useT } from '../i18n';
import { useInbox } from '../state/inbox';

const useStyles = makeStyles({
  done: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * "Impor chat WhatsApp": the .txt or .zip the office phone's "Ekspor chat" produced, into the
 * open WhatsApp consultation or a new one. The same chat imported again adds only what is new.
 */
export function ImportChatDialog(props: { into?: ConversationDetail; onClose(): void; onImported?(result: WhatsappImportView): void }) {
  const t = useT();
  const styles = useStyles();
  const action = useAction();
  const select = useInbox((s) => s.select);
  const [file, setFile] = useState<PendingFile | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [number, setNumber] = useState(props.into?.requester.whatsapp ?? '');
  const [result, setResult] = useState<WhatsappImportView | null>(null);
  // The office phone runs on WITA; a phone elsewhere in Indonesia wrote its own zone's clock.
  const [zone, setZone] = useState<'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura'>('Asia/Makassar');

  const pick = async (list: FileList | null) => {
    setFileError(null);
    const chosen = list?.[0];
    if (!chosen) return setFile(null);
    const read = await readFile(chosen);
    if ('tooLarge' in read) return setFileError(t('composer.tooLarge', { names: read.tooLarge }));
    setFile(read);
  };
  const submit = () => {
    if (result) {
      select(result.conversation.id);
      return props.onClose();
    }
    if (!file) return;
    void action
      .run(() =>
        api.call('whatsapp.importChat', {
          fileName: file.fileName,
          contentBase64: file.contentBase64,
          ...(props.into ? { conversationId: props.into.id } : {}),
          ...(number.trim() ? { requesterNumber: number.trim() } : {}),
          ...(zone !== 'Asia/Makassar' ? { timeZone: zone } : {}),
        }),
      )
      .then((done) => {
        if (!done) return;
        setResult(done);
        props.onImported?.(done);
      });
  };

  return (
    <FormDialog
      open
      title={t('whatsapp.importTitle')}
      submitLabel={result ? t('whatsapp.open') : t('whatsapp.importSubmit')}
      busy={action.busy || (!result && file === null)}
      error={action.error ?? fileError}
      onSubmit={submit}
      onClose={props.onClose}
      testId="whatsapp-import-dialog"
    >
      {result ? (
        <div className={styles.done} data-testid="whatsapp-import-result">
          <Text weight="semibold">{result.conversation.ticket}</Text>
          <Text>{t('whatsapp.imported', { added: result.added, already: result.alreadyThere })}</Text>
          {result.missingFiles.length > 0 && <Text size={200}>{t('whatsapp.missingFiles', { names: result.missingFiles.join(', ') })}</Text>}
        </div>
      ) : (
        <>
          <Text size={200}>{t('whatsapp.importIntro')}</Text>
          <Text size={200}>{props.into ? t('whatsapp.importInto', { ticket: props.into.ticket }) : t('whatsapp.importNew')}</Text>
          <Field label={t('whatsapp.file')} required>
            <div className={styles.file}>
              {/* The browser's own file field speaks the OS's language: hidden behind a button of ours. */}
              <input
                ref={picker}
                type="file"
                hidden
                accept=".txt,.zip,text/plain,application/zip"
                onChange={(e) => void pick(e.target.files)}
                data-testid="whatsapp-import-file"
              />
              <Button onClick={() => picker.current?.click()}>{t('whatsapp.chooseFile')}</Button>
              <Text size={200}>{file ? file.fileName : t('whatsapp.noFile')}</Text>
            </div>
          </Field>
          <Field label={t('whatsapp.number')} hint={t('whatsapp.numberHint')}>
            <Input value={number} onChange={(_, d) => setNumber(d.value)} inputMode="tel" data-testid="whatsapp-import-number" />
          </Field>
          <Field label={t('whatsapp.phoneZone')}>
            <Select value={zone} onChange={(_, d) => setZone(d.value as typeof zone)} data-testid="whatsapp-import-zone">
              <option value="Asia/Makassar">WITA (UTC+8)</option>
              <option value="Asia/Jakarta">WIB (UTC+7)</option>
              <option value="Asia/Jayapura">WIT (UTC+9)</option>
            </Select>
          </Field>
        </>
      )}
    </FormDialog>
  );
}
