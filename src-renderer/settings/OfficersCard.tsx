import {
  Badge,
  Button,
  Card,
  CardHeader,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
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
import { KeyResetRegular, LockOpenRegular, MoreHorizontalRegular, PersonAddRegular, PersonProhibitedRegular, PersonSwapRegular } from '@fluentui/react-icons';
import type { OfficerView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { useState } from 'react';
import { useCall } from '../api/use-call';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { DisableDialog, ResetPasswordDialog, RoleDialog } from '../officers/OfficerDialogs';
import { useSession } from '../state/session';
import { CreateOfficerDialog } from './CreateOfficerDialog';

const useStyles = makeStyles({
  username: { fontFamily: 'monospace' },
  nowrap: { whiteSpace: 'nowrap' },
  badge: { marginLeft: '4px' },
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
  const me = useSession((s) => s.officer?.id);
  const [dialog, setDialog] = useState<{ kind: 'role' | 'disable' | 'reset'; officer: OfficerView } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
    void load();
  };
  const enable = (o: OfficerView) =>
    void unlocking
      .run(() => api.call('officers.update', { id: o.id, disabled: false }))
      .then((r) => r && finish(t('officers.enabledDone', { name: o.displayName })));

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
      {done && (
        <MessageBar intent="success" data-testid="officer-action-result">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
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
                  {o.mustChangePassword && !o.disabled && (
                    <Badge appearance="tint" color="warning" className={styles.badge}>
                      {t('officers.mustChange')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button size="small" appearance="subtle" icon={<MoreHorizontalRegular />} data-testid={`manage-${o.username}`}>
                        {t('officers.manage')}
                      </Button>
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList>
                        <MenuItem icon={<PersonSwapRegular />} onClick={() => setDialog({ kind: 'role', officer: o })}>
                          {t('officers.changeRole')}
                        </MenuItem>
                        {o.disabled ? (
                          <MenuItem icon={<PersonProhibitedRegular />} onClick={() => enable(o)}>
                            {t('officers.enable')}
                          </MenuItem>
                        ) : (
                          o.id !== me && (
                            <MenuItem icon={<PersonProhibitedRegular />} onClick={() => setDialog({ kind: 'disable', officer: o })}>
                              {t('officers.disable')}
                            </MenuItem>
                          )
                        )}
                        <MenuItem icon={<KeyResetRegular />} onClick={() => setDialog({ kind: 'reset', officer: o })}>
                          {t('officers.reset')}
                        </MenuItem>
                        <MenuItem icon={<LockOpenRegular />} title={t('settings.unlockHint')} onClick={() => unlock(o.username, o.displayName)}>
                          {t('settings.unlock')}
                        </MenuItem>
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {dialog?.kind === 'role' && <RoleDialog officer={dialog.officer} onClose={() => setDialog(null)} onDone={finish} />}
      {dialog?.kind === 'disable' && <DisableDialog officer={dialog.officer} colleagues={officers ?? []} onClose={() => setDialog(null)} onDone={finish} />}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          officer={dialog.officer}
          onClose={() => {
            setDialog(null);
            void load();
          }}
        />
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
