import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { officeDateText, officeTimeText, parseOfficeDate, parseOfficeTime, witaInstant, witaParts } from '../format/office-date';
import { useT } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 150px', gap: tokens.spacingHorizontalS },
  input: { minWidth: 0, width: '100%' },
});

/**
 * A WITA date and time typed as an Indonesian office writes them (04/12/2026, 14.30), whatever
 * the browser's locale. Calls onChange with the instant, or null while what is typed is not one.
 */
export function OfficeDateTimeField(props: { label: string; value: number; onChange(at: number | null): void; testId?: string }) {
  const t = useT();
  const styles = useStyles();
  const start = witaParts(props.value);
  const [date, setDate] = useState(officeDateText(start.date));
  const [time, setTime] = useState(officeTimeText(start.minutes));
  const parsedDate = parseOfficeDate(date);
  const parsedTime = parseOfficeTime(time);

  const update = (nextDate: string, nextTime: string) => {
    const d = parseOfficeDate(nextDate);
    const m = parseOfficeTime(nextTime);
    props.onChange(d !== null && m !== null ? witaInstant(d, m) : null);
  };

  return (
    <div className={styles.row} data-testid={props.testId}>
      <Field
        label={props.label}
        validationMessage={parsedDate === null ? t('officeDate.dateHint') : undefined}
        validationState={parsedDate === null ? 'error' : 'none'}
      >
        <Input
          className={styles.input}
          value={date}
          placeholder="hh/bb/tttt"
          inputMode="numeric"
          onChange={(_, d) => {
            setDate(d.value);
            update(d.value, time);
          }}
        />
      </Field>
      <Field
        label={t('officeDate.time')}
        validationMessage={parsedTime === null ? t('officeDate.timeHint') : undefined}
        validationState={parsedTime === null ? 'error' : 'none'}
      >
        <Input
          className={styles.input}
          value={time}
          placeholder="jj.mm"
          inputMode="numeric"
          contentAfter="WITA"
          onChange={(_, d) => {
            setTime(d.value);
            update(date, d.value);
          }}
        />
      </Field>
    </div>
  );
}
