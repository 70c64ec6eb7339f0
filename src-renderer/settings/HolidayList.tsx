import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Subtitle2,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { CalendarImportResult, NonWorkingKind } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { OfficeDateInput } from '../components/OfficeInputs';
import { officeDayText } from '../format/office-date';
import { useLanguage, useT } from '../i18n';

const useStyles = makeStyles({
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { maxHeight: '280px', overflowY: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  decree: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end', whiteSpace: 'nowrap' },
});

const KINDS: readonly NonWorkingKind[] = ['national', 'cuti_bersama', 'local'];

/**
 * Non-working days of one year: listed, added, removed, or imported from the decree as .ics or
 * CSV. A year without its decree shows its pre-filled days, the estimates marked "perlu dicek",
 * and can be declared complete once typed.
 */
export function HolidayList(props: { onChanged(): void }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [form, setForm] = useState({ date: '', kind: 'local' as NonWorkingKind, name: '' });
  const [note, setNote] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const action = useAction();

  const { data, error: loadError, reload: load } = useCall('calendar.listDays', { year });
  const changed = () => {
    void load();
    props.onChanged();
  };

  async function importFile(f: File) {
    const text = await f.text();
    const csv = /\.(csv|txt)$/i.test(f.name) || !/BEGIN:VCALENDAR/i.test(text);
    const r: CalendarImportResult | null = await action.run(() => api.call(csv ? 'calendar.importCsv' : 'calendar.importIcs', { text }));
    if (r) {
      const replaced = r.estimatesReplaced > 0 ? ` ${t('calendar.replaced', { n: r.estimatesReplaced })}` : '';
      setNote(t('calendar.imported', { n: r.imported, skipped: r.skipped.length }) + replaced);
      changed();
    }
  }

  async function confirmYear() {
    if (await action.succeeded(() => api.call('calendar.confirmYear', { year }))) {
      setNote(t('calendar.confirmed', { year }));
      changed();
    }
  }

  return (
    <>
      <Subtitle2 as="h3">{t('calendar.days')}</Subtitle2>
      <TabList size="small" selectedValue={String(year)} onTabSelect={(_, d) => setYear(Number(d.value))}>
        {[thisYear, thisYear + 1].map((y) => (
          <Tab key={y} value={String(y)}>
            {y}
          </Tab>
        ))}
      </TabList>
      {data && data.hasDecree && <Text className={styles.muted}>{t('calendar.hasDecree', { year })}</Text>}
      {data && !data.hasDecree && (
        <div className={styles.decree} data-testid="decree-missing">
          <Text className={styles.muted}>{t('calendar.noDecree', { year })}</Text>
          <Button size="small" disabled={action.busy} onClick={() => void confirmYear()}>
            {t('calendar.confirmYear', { year })}
          </Button>
        </div>
      )}
      <div className={styles.list}>
        <Table size="extra-small" aria-label={t('calendar.days')} data-testid="holiday-table">
          <TableBody>
            {data?.days.map((d) => (
              <TableRow key={d.date} data-tentative={d.tentative || undefined}>
                <TableCell style={{ width: 150 }}>{officeDayText(d.date, language)}</TableCell>
                <TableCell>
                  {d.name}{' '}
                  {d.tentative && (
                    <Badge appearance="tint" color="warning" size="small">
                      {t('calendar.tentative')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell style={{ width: 130 }}>{t(`dayKind.${d.kind}`)}</TableCell>
                <TableCell style={{ width: 170 }}>
                  {d.stored && (
                    <div className={styles.actions}>
                      {d.tentative && (
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<CheckmarkRegular />}
                          aria-label={t('calendar.checkLabel', { date: officeDayText(d.date, language) })}
                          onClick={() => void action.succeeded(() => api.call('calendar.checkDay', { date: d.date })).then((ok) => ok && changed())}
                        >
                          {t('calendar.check')}
                        </Button>
                      )}
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={t('calendar.delete', { date: d.date })}
                        onClick={() => void action.succeeded(() => api.call('calendar.deleteDay', { date: d.date })).then((ok) => ok && changed())}
                      />
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={styles.add}>
        <OfficeDateInput label={t('calendar.date')} value={form.date} onChange={(date) => setForm((f) => ({ ...f, date }))} testId="holiday-date" />
        <Field label={t('calendar.name')}>
          <Input value={form.name} onChange={(_, d) => setForm((f) => ({ ...f, name: d.value }))} />
        </Field>
        <Field label={t('calendar.kind')}>
          <Dropdown
            value={t(`dayKind.${form.kind}`)}
            selectedOptions={[form.kind]}
            onOptionSelect={(_, d) => d.optionValue && setForm((f) => ({ ...f, kind: d.optionValue as NonWorkingKind }))}
          >
            {KINDS.map((k) => (
              <Option key={k} value={k}>
                {t(`dayKind.${k}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button
          disabled={!form.date || !form.name.trim() || action.busy}
          onClick={() =>
            void action
              .run(() => api.call('calendar.addDay', { ...form, name: form.name.trim() }))
              .then((r) => r && (setForm((f) => ({ ...f, date: '', name: '' })), changed()))
          }
        >
          {t('calendar.add')}
        </Button>
        <input
          ref={file}
          type="file"
          accept=".ics,text/calendar,.csv,text/csv"
          hidden
          data-testid="holiday-file"
          onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0]).then(() => (e.target.value = ''))}
        />
        <Button onClick={() => file.current?.click()}>{t('calendar.importFile')}</Button>
      </div>
      {form.kind === 'local' && (
        <Text size={200} className={styles.muted}>
          {t('calendar.localHint')}
        </Text>
      )}
      <Text size={200} className={styles.muted}>
        {t('calendar.importHint')}
      </Text>
      <ErrorBar error={loadError?.message ?? action.error} />
      {note && <Text>{note}</Text>}
    </>
  );
}
