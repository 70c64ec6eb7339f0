import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { AttachRegular, DocumentErrorRegular, ImageRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { AttachmentView, PendingFileView } from '../../src-preload/contract';
import { api } from '../api/client';
import { formatBytes } from '../composer/files';
import { formatShort } from '../format/time';
import { useCoreText, useLanguage, useT } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyle: 'none' },
  chip: {
    display: 'inline-flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    maxWidth: '100%',
  },
  line: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  size: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  thumb: { maxWidth: '220px', maxHeight: '160px', objectFit: 'contain', borderRadius: tokens.borderRadiusSmall, alignSelf: 'flex-start' },
  action: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The file's bytes as a Blob (base64 from the core), fetched once and shared by preview, open and save. */
async function fetchBlob(id: number): Promise<Blob> {
  const result = await api.call('attachments.get', { id });
  if (!result.ok) throw new Error(result.error.message);
  const binary = atob(result.value.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: result.value.mimeType || 'application/octet-stream' });
}

function AttachmentChip(props: { attachment: AttachmentView }) {
  const styles = useStyles();
  const t = useT();
  const a = props.attachment;
  const isImage = a.mimeType.startsWith('image/');
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urlRef = useRef<string | null>(null);
  const chipRef = useRef<HTMLLIElement>(null);
  const loading = useRef<Promise<string | null> | null>(null);

  // One Blob URL per chip, released when the message leaves the screen.
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      urlRef.current = null;
    },
    [],
  );

  function load(): Promise<string | null> {
    if (urlRef.current) return Promise.resolve(urlRef.current);
    loading.current ??= (async () => {
      setBusy(true);
      setError(null);
      try {
        const made = URL.createObjectURL(await fetchBlob(a.id));
        urlRef.current = made;
        setUrl(made);
        return made;
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        loading.current = null;
        return null;
      } finally {
        setBusy(false);
      }
    })();
    return loading.current;
  }

  // Images load their thumbnail once they scroll into view, not all at once with the timeline.
  useEffect(() => {
    const element = chipRef.current;
    if (!isImage || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void load();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [a.id, isImage]);

  async function follow(download: boolean) {
    const href = await load();
    if (!href) return;
    const link = document.createElement('a');
    link.href = href;
    if (download) link.download = a.fileName;
    else {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
    link.click();
  }

  return (
    <li ref={chipRef} className={styles.chip} data-testid="attachment" data-file-name={a.fileName}>
      {isImage && url && <img className={styles.thumb} src={url} alt={a.fileName} data-testid="attachment-preview" />}
      <span className={styles.line}>
        {isImage ? <ImageRegular aria-hidden /> : <AttachRegular aria-hidden />}
        <span className={styles.name}>{a.fileName}</span>
        <span className={styles.size}>{formatBytes(a.size)}</span>
        {busy && <Spinner size="extra-tiny" aria-label={t('common.loading')} />}
        <Button className={styles.action} size="small" appearance="transparent" onClick={() => void follow(false)}>
          {t('message.attachmentOpen')}
        </Button>
        <Button className={styles.action} size="small" appearance="transparent" onClick={() => void follow(true)}>
          {t('message.attachmentSave')}
        </Button>
      </span>
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

/** A file the channel has not fetched yet: said plainly, with when it is tried again and a button to try now. */
function PendingFileChip(props: { file: PendingFileView }) {
  const styles = useStyles();
  const t = useT();
  const coreText = useCoreText();
  const language = useLanguage((s) => s.language);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const f = props.file;
  async function retry() {
    setBusy(true);
    setError(null);
    const result = await api.call('attachments.retryDownload', { id: f.id });
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  }
  const when =
    f.state === 'pending' && f.nextTryAt ? t('message.fileNextTry', { at: formatShort(f.nextTryAt, language) }) : t('message.fileGaveUp', { n: f.attempts });
  return (
    <li className={styles.chip} data-testid="pending-file" data-file-name={f.fileName} data-state={f.state}>
      <span className={styles.line}>
        <DocumentErrorRegular aria-hidden />
        <span className={styles.name}>{f.fileName}</span>
        <span className={styles.error}>{t('message.fileNotDownloaded')}</span>
        {busy && <Spinner size="extra-tiny" aria-label={t('common.loading')} />}
        <Button className={styles.action} size="small" appearance="transparent" disabled={busy} onClick={() => void retry()}>
          {t('message.fileRetry')}
        </Button>
      </span>
      <span className={styles.size}>
        {f.error ? `${coreText([f.error])}. ` : ''}
        {when}
      </span>
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

/** A message's files: images previewed, every file opened or saved from the core's bytes; files not fetched yet said so. */
export function Attachments(props: { attachments: AttachmentView[]; pending?: PendingFileView[] | undefined }) {
  const styles = useStyles();
  const t = useT();
  const pending = props.pending ?? [];
  if (props.attachments.length === 0 && pending.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t('message.attachments', { n: props.attachments.length + pending.length })}>
      {props.attachments.map((a) => (
        <AttachmentChip key={a.id} attachment={a} />
      ))}
      {pending.map((f) => (
        <PendingFileChip key={`p${f.id}`} file={f} />
      ))}
    </ul>
  );
}
