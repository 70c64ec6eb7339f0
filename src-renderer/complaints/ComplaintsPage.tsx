import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ComplaintSource, ComplaintStatus, ComplaintView } from '../../src-preload/contract';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { ComplaintStatusBadge } from './ComplaintStatusBadge';
import { CreateComplaintDialog } from './CreateComplaintDialog';
import { EditComplaintDialog } from './EditComplaintDialog';
import { ALL_SOURCES, COMPLAINT_STATUSES } from './sources';

const useStyles = makeStyles({
  intro: { padding: `0 ${tokens.spacingHorizontalXL}`, color: tokens.colorNeutralForeground2 },
  filters: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    flexWrap: 'wrap',
    alignItems: 'flex-end',
  },
  body: { padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXL}`, overflowY: 'auto', flexGrow: 1 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: '180px' },
});

const ALL = '';

/** Pengaduan: complaints from the suggestion box, online form, phone 0362-22145 and visits, and their handling. */
export function ComplaintsPage() {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const [status, setStatus] = useState<ComplaintStatus | null>(null);
  const [source, setSource] = useState<ComplaintSource | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ComplaintView | null>(null);

  const { data, error: loadError, reload: load } = useCall('complaints.list', { ...(status ? { status } : {}), ...(source ? { source } : {}), limit: 200 });
  const error = loadError?.message ?? null;

  return (
    <>
      <PageHeader title={t('complaints.title')}>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
          {t('complaints.create')}
        </Button>
      </PageHeader>
      <Text className={styles.intro}>{t('complaints.intro')}</Text>
      <div className={styles.filters}>
        <Field label={t('complaints.status')}>
          <Dropdown
            className={styles.dropdown}
            value={status ? t(`complaintStatus.${status}`) : t('complaints.all')}
            selectedOptions={[status ?? ALL]}
            onOptionSelect={(_, d) => setStatus((d.optionValue || null) as ComplaintStatus | null)}
          >
            <Option value={ALL}>{t('complaints.all')}</Option>
            {COMPLAINT_STATUSES.map((s) => (
              <Option key={s} value={s}>
                {t(`complaintStatus.${s}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('complaints.source')}>
          <Dropdown
            className={styles.dropdown}
            value={source ? t(`complaintSource.${source}`) : t('complaints.all')}
            selectedOptions={[source ?? ALL]}
            onOptionSelect={(_, d) => setSource((d.optionValue || null) as ComplaintSource | null)}
          >
            <Option value={ALL}>{t('complaints.all')}</Option>
            {ALL_SOURCES.map((s) => (
              <Option key={s} value={s}>
                {t(`complaintSource.${s}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {data && (
          <Text className={styles.muted} data-testid="complaints-total">
            {t('complaints.total', { n: data.total })}
          </Text>
        )}
      </div>
      <div className={styles.body}>
        <ErrorBar error={error} />
        {!data && !error && <Spinner size="small" label={t('common.loading')} />}
        {data?.items.length === 0 && <Text className={styles.muted}>{t('complaints.empty')}</Text>}
        {data && data.items.length > 0 && (
          <Table size="small" aria-label={t('complaints.title')} data-testid="complaints-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 180 }}>{t('complaints.received')}</TableHeaderCell>
                <TableHeaderCell style={{ width: 130 }}>{t('complaints.source')}</TableHeaderCell>
                <TableHeaderCell>{t('complaints.text')}</TableHeaderCell>
                <TableHeaderCell style={{ width: 160 }}>{t('complaints.contactName')}</TableHeaderCell>
                <TableHeaderCell style={{ width: 120 }}>{t('complaints.status')}</TableHeaderCell>
                <TableHeaderCell style={{ width: 130 }} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((c) => (
                <TableRow key={c.id} data-testid="complaint-row">
                  <TableCell className={styles.nowrap}>{formatDateTime(c.receivedAt, language)}</TableCell>
                  <TableCell>{t(`complaintSource.${c.source}`)}</TableCell>
                  <TableCell>
                    <div className={styles.text}>{c.text}</div>
                    {c.response && (
                      <Text size={200} className={styles.muted}>
                        {t('complaints.response')}: {c.response}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className={styles.text}>{[c.contactName, c.contact].filter(Boolean).join(' · ') || '—'}</div>
                  </TableCell>
                  <TableCell>
                    <ComplaintStatusBadge status={c.status} />
                  </TableCell>
                  <TableCell>
                    {c.status === 'resolved' ? (
                      <Text size={200} className={styles.muted}>
                        {t('complaints.resolvedOn', { date: c.resolvedAt !== null ? formatDateTime(c.resolvedAt, language) : '—' })}
                      </Text>
                    ) : (
                      <Button size="small" onClick={() => setEditing(c)}>
                        {t('complaints.handle')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {creating && (
        <CreateComplaintDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void load();
          }}
        />
      )}
      {editing && (
        <EditComplaintDialog
          complaint={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
    </>
  );
}
