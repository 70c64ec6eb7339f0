import { Button, Tooltip } from '@fluentui/react-components';
import { AlertOffRegular, AlertOnRegular, AlertRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useT } from '../i18n';
import { notificationsSupported } from './use-notifications';

/** Asks for permission on the officer's click (never at load), then shows the state. */
export function NotificationButton() {
  const t = useT();
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    notificationsSupported() ? Notification.permission : 'unsupported',
  );
  if (permission === 'unsupported') return null;
  if (permission === 'granted')
    return (
      <Tooltip content={t('notify.onHint')} relationship="description">
        <Button appearance="subtle" size="small" icon={<AlertOnRegular />} data-testid="notifications-on">
          {t('notify.on')}
        </Button>
      </Tooltip>
    );
  if (permission === 'denied')
    return (
      <Tooltip content={t('notify.deniedHint')} relationship="description">
        <Button appearance="subtle" size="small" icon={<AlertOffRegular />} disabled>
          {t('notify.denied')}
        </Button>
      </Tooltip>
    );
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={<AlertRegular />}
      onClick={() => void Notification.requestPermission().then(setPermission)}
      data-testid="notifications-enable"
    >
      {t('notify.enable')}
    </Button>
  );
}
