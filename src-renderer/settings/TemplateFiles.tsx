import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AttachRegular, DismissRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { TemplateView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { formatBytes, readFile } from '../composer/files';
import { useT } from '../i18n';

const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The files a standard answer brings into the composer (a guide PDF, a standard table). */
export function TemplateFiles(props: { template: TemplateView; onChange(template: TemplateView): void }) {
  const styles = useStyles();
  const t = useT();
  const action = useAction();
  const picker = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  async function add(list: FileList) {
    setTooLarge(null);
    for (const file of [...list]) {
      // The core refuses more than 5 MB; say so before reading a large file into memory.
      if (file.size > MAX_TEMPLATE_FILE_BYTES) return setTooLarge(t('templates.fileTooLarge', { name: file.name }));
      const read = await readFile(file);
      if ('tooLarge' in read) return setTooLarge(t('templates.fileTooLarge', { name: read.tooLarge }));
      const updated = await action.run(() =>
        api.call('templates.addFile', { templateId: props.template.id, fileName: read.fileName, mimeType: read.mimeType, contentBase64: read.contentBase64 }),
      );
      if (!updated) return;
      props.onChange(updated);
    }
  }

  return (
    <div data-testid="template-files">
      <Text weight="semibold" size={200}>
        {t('templates.files')}
      </Text>
      <div className={styles.list}>
        {props.template.files.map((f) => (
          <span key={f.id} className={styles.chip}>
            {f.fileName} · {formatBytes(f.size)}
            <Button
              size="small"
              appearance="transparent"
              icon={<DismissRegular />}
              aria-label={t('templates.removeFile', { name: f.fileName })}
              onClick={() => void action.run(() => api.call('templates.removeFile', { fileId: f.id })).then((u) => u && props.onChange(u))}
            />
          </span>
        ))}
        <input
          ref={picker}
          type="file"
          hidden
          onChange={(e) => e.target.files && void add(e.target.files).then(() => (e.target.value = ''))}
          data-testid="template-file-input"
        />
        <Button size="small" icon={<AttachRegular />} disabled={action.busy} onClick={() => picker.current?.click()}>
          {t('templates.addFile')}
        </Button>
      </div>
      <ErrorBar error={tooLarge ?? action.error} />
    </div>
  );
}
