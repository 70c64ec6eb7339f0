import { makeStyles, tokens } from '@fluentui/react-components';
import { AttachRegular, ImageRegular } from '@fluentui/react-icons';
import type { AttachmentView } from '../../src-preload/contract';
import { formatBytes } from '../composer/files';
import { useT } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyle: 'none' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    maxWidth: '100%',
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  size: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
});

/**
 * A message's files by name, type and size. The contract has no way yet to fetch a file's bytes,
 * so images cannot be previewed nor files opened here; the title says so instead of pretending.
 */
export function Attachments(props: { attachments: AttachmentView[] }) {
  const styles = useStyles();
  const t = useT();
  if (props.attachments.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t('message.attachments', { n: props.attachments.length })}>
      {props.attachments.map((a) => (
        <li key={a.id} className={styles.chip} title={t('message.attachmentNoBytes')} data-testid="attachment">
          {a.mimeType.startsWith('image/') ? <ImageRegular aria-hidden /> : <AttachRegular aria-hidden />}
          <span className={styles.name}>{a.fileName}</span>
          <span className={styles.size}>{formatBytes(a.size)}</span>
        </li>
      ))}
    </ul>
  );
}
