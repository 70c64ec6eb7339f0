import {
  Badge,
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { LockOpenRegular, PersonAddRegular } from '@fluentui/react-icons';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { useState } from 'react';
import { useCall } from '../api/use-call';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { CreateOfficerDialog } from './CreateOfficerDialog';

const useStyles = makeStyles({
  username: { fontFamily: 'monospace' },
  nowrap: { whiteSpace: 'nowrap' },
});

/** Who can sign in, with their role; an admin adds officers here. */
export function OfficersCard() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const [creating, setCreating] = useState(false);
  const [createdName, setCreatedName] = useState<string | null>(null);

  const { data: officers, error, reload: load } = useCall('officers.list', {});
  // Lifts a login lock (too many wrong passwords) on that name from every PC.
  const unlocking = useAction();
  const [unlocked, setUnlocked] = useState<{ name: string; wasLocked: boolean } | null>(null);
  const unlock = (username: string, name: string) =>
    void unlocking.run(() => api.call('auth.unlock', { username })).then((r) => r && setUnlocked({ name, wasLocked: r.wasLocked }));

  return (
    <Card>
      <CardHeader
        header={<Subtitle2 as="h2">{t('settings.officers')}</Subtitle2>}
        action={
          <Button icon={<PersonAddRegular />} onClick={() => setCreating(true)}>
            {t('settings.addOfficer')}
          </Button>
        }
      />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      {createdName && (
        <MessageBar intent="success">
          <MessageBarBody>{t('settings.created', { name: createdName })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={unlocking.error} />
      {unlocked && (
        <MessageBar intent={unlocked.wasLocked ? 'success' : 'info'} data-testid="unlock-result">
          <MessageBarBody>{t(unlocked.wasLocked ? 'settings.unlocked' : 'settings.notLocked', { name: unlocked.name })}</MessageBarBody>
        </MessageBar>
      )}
      {officers && (
        <Table size="small" aria-label={t('settings.officers')} data-testid="officers-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('auth.displayName')}</TableHeaderCell>
              <TableHeaderCell>{t('auth.username')}</TableHeaderCell>
              <TableHeaderCell>{t('settings.role')}</TableHeaderCell>
              <TableHeaderCell>{t('settings.lastLogin')}</TableHeaderCell>
              <TableHeaderCell>{t('inbox.status')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {officers.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{o.displayName}</TableCell>
                <TableCell className={styles.username}>{o.username}</TableCell>
                <TableCell>{t(`role.${o.role}`)}</TableCell>
                <TableCell className={styles.nowrap}>{o.lastLoginAt === null ? t('settings.never') : formatDateTime(o.lastLoginAt, language)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={o.disabled ? 'danger' : 'success'}>
                    {o.disabled ? t('settings.disabled') : t('settings.active')}
                  </Badge>
                </TableCell>
                <TableCell>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<LockOpenRegular />}
                    disabled={unlocking.busy}
                    onClick={() => unlock(o.username, o.displayName)}
                    title={t('settings.unlockHint')}
                  >
                    {t('settings.unlock')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <CreateOfficerDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(officer) => {
          setCreating(false);
          setCreatedName(officer.displayName);
          void load();
        }}
      />
    </Card>
  );
}
