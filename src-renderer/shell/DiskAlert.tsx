import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect } from 'react';
import { bytesText } from '../../src-common/bytes';
import { useCall } from '../api/use-call';
import { formatShort } from '../format/time';
import { useLanguage, useT } from '../i18n';

const useStyles = makeStyles({ bar: { borderRadius: 0, flexShrink: 0 } });

/**
 * A bar above every page while the data folder's disk is full: nothing new is saved (replies,
 * notes, arriving messages wait), reading still works. Says where to make room and how much is
 * left, and goes away by itself once there is room again.
 */
export function DiskAlert() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const { data, reload } = useCall('app.storage', {}, { refreshOn: ['storage.status'] });
  // While full, the free space shown follows what the officer frees.
  useEffect(() => {
    if (!data?.full) return;
    const timer = setInterval(() => void reload(), 15_000);
    return () => clearInterval(timer);
  }, [data?.full, reload]);
  if (!data?.full) return null;
  return (
    <MessageBar intent="error" className={styles.bar} data-testid="disk-alert">
      <MessageBarBody>
        <MessageBarTitle>{t('diskAlert.title')}</MessageBarTitle>
        {t('diskAlert.body', {
          since: data.since ? formatShort(data.since, language) : '—',
          folder: data.folder,
          free: data.freeBytes === null ? '?' : bytesText(data.freeBytes),
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
