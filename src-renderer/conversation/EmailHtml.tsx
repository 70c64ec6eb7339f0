import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ImageRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useCall } from '../api/use-call';
import { useT } from '../i18n';
import { hasQuotedHtml, sanitizeEmailHtml } from './sanitize';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  frame: {
    width: '100%',
    height: '240px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    resize: 'vertical',
    overflow: 'auto',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * A mail's HTML as received, sanitized and shown in an iframe with `sandbox=""` (no scripts, no
 * same origin) and a strict CSP; remote images only after the officer allows them, for this mail.
 */
export function EmailHtml(props: { messageId: number; onFallback(): void }) {
  const styles = useStyles();
  const t = useT();
  const [allowRemote, setAllowRemote] = useState(false);
  const [foldQuotes, setFoldQuotes] = useState(true);

  const { data: original, error } = useCall('email.original', { messageId: props.messageId });

  const html = original?.html ?? null;
  const inlineImages = original?.inlineImages;
  const doc = useMemo(
    () => (html === null ? null : sanitizeEmailHtml(html, { allowRemoteImages: allowRemote, foldQuotes, inlineImages })),
    [html, allowRemote, foldQuotes, inlineImages],
  );

  if (error)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{error.message}</MessageBarBody>
      </MessageBar>
    );
  if (!original) return <Spinner size="tiny" label={t('email.loading')} />;
  if (!doc) return null;
  return (
    <div className={styles.root}>
      {doc.remoteImages > 0 && !allowRemote && (
        <MessageBar intent="info" data-testid="remote-images-blocked">
          <MessageBarBody>{t('email.remoteBlocked', { n: doc.remoteImages })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" icon={<ImageRegular />} onClick={() => setAllowRemote(true)}>
              {t('email.showImages')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <iframe className={styles.frame} sandbox="" srcDoc={doc.srcdoc} title={t('email.frameTitle')} referrerPolicy="no-referrer" data-testid="email-html" />
      <div className={styles.row}>
        {html !== null && hasQuotedHtml(html) && (
          <Button size="small" appearance="subtle" onClick={() => setFoldQuotes((f) => !f)}>
            {foldQuotes ? t('message.showQuoted') : t('message.hideQuoted')}
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={props.onFallback}>
          {t('email.plainText')}
        </Button>
      </div>
    </div>
  );
}
