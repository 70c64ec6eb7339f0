import { Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { SettingsCard } from './SettingsCard';

const useStyles = makeStyles({
  address: { fontFamily: 'Consolas, "Courier New", monospace' },
  nowrap: { whiteSpace: 'nowrap' },
});

/** Every live session, this PC's and the other PCs'; the admin ends another's with "Akhiri sesi". */
export function LanSessions() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const sessions = useCall('lan.listSessions', {}, { refreshOn: ['lan.changed'] });
  const action = useAction();
  const end = async (id: string) => {
    if (await action.run(() => api.call('lan.endSession', { id }))) void sessions.reload();
  };
  return (
    <SettingsCard
      title={t('lan.sessionsTitle')}
      intro={t('lan.sessionsIntro')}
      testId="lan-sessions"
      action={
        <Button size="small" appearance="subtle" onClick={() => void sessions.reload()}>
          {t('lan.refresh')}
        </Button>
      }
    >
      {sessions.data?.length === 0 && <Text>{t('lan.noSessions')}</Text>}
      {sessions.data && sessions.data.length > 0 && (
        <Table size="small" aria-label={t('lan.sessionsTitle')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('lan.officer')}</TableHeaderCell>
              <TableHeaderCell>{t('lan.from')}</TableHeaderCell>
              <TableHeaderCell>{t('lan.started')}</TableHeaderCell>
              <TableHeaderCell>{t('lan.lastSeen')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {sessions.data.map((s) => (
              <TableRow key={s.id} data-testid="lan-session-row">
                <TableCell>
                  {s.officerName}{' '}
                  {s.current && (
                    <Badge appearance="tint" color="brand">
                      {t('lan.you')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={styles.address}>{s.remoteAddress ?? t('lan.thisPc')}</TableCell>
                <TableCell className={styles.nowrap}>{formatDateTime(s.createdAt, language)}</TableCell>
                <TableCell className={styles.nowrap}>{formatDateTime(s.lastSeenAt, language)}</TableCell>
                <TableCell>
                  {/* One's own session ends with "Keluar", not from this list. */}
                  {!s.current && (
                    <Button size="small" disabled={action.busy} onClick={() => void end(s.id)}>
                      {t('lan.end')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ErrorBar error={sessions.error?.message ?? action.error} />
    </SettingsCard>
  );
}
