import {
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
import { DeleteRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { NonWorkingKind } from '../../src-preload/contract';
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
});

const KINDS: readonly NonWorkingKind[] = ['national', 'cuti_bersama', 'local'];

/** Non-working days of one year: listed, added, removed, or imported from an .ics file. */
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

  async function importIcs(f: File) {
    const r = await action.run(async () => api.call('calendar.importIcs', { text: await f.text() }));
    if (r) {
      setNote(t('calendar.imported', { n: r.imported, skipped: r.skipped.length }));
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
      {data && !data.hasDecree && <Text className={styles.muted}>{t('calendar.noDecree')}</Text>}
      <div className={styles.list}>
        <Table size="extra-small" aria-label={t('calendar.days')} data-testid="holiday-table">
          <TableBody>
            {data?.days.map((d) => (
              <TableRow key={d.date}>
                <TableCell style={{ width: 150 }}>{officeDayText(d.date, language)}</TableCell>
                <TableCell>{d.name}</TableCell>
                <TableCell style={{ width: 130 }}>{t(`dayKind.${d.kind}`)}</TableCell>
                <TableCell style={{ width: 50 }}>
                  {d.source !== 'date-holidays' && (
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={t('calendar.delete', { date: d.date })}
                      onClick={() => void action.succeeded(() => api.call('calendar.deleteDay', { date: d.date })).then((ok) => ok && changed())}
                    />
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
          accept=".ics,text/calendar"
          hidden
          onChange={(e) => e.target.files?.[0] && void importIcs(e.target.files[0]).then(() => (e.target.value = ''))}
        />
        <Button onClick={() => file.current?.click()}>{t('calendar.importIcs')}</Button>
      </div>
      <ErrorBar error={loadError?.message ?? action.error} />
      {note && <Text>{note}</Text>}
    </>
  );
}
