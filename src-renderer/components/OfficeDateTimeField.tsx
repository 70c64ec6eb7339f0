import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { parseOfficeTime, witaInstant, witaParts } from '../format/office-date';
import { useT } from '../i18n';
import { OfficeDateInput, OfficeTimeInput } from './OfficeInputs';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 150px', gap: tokens.spacingHorizontalS },
});

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A WITA date and time typed as an Indonesian office writes them (04/12/2026, 14.30), whatever
 * the browser's locale. Calls onChange with the instant, or null while what is typed is not one.
 */
export function OfficeDateTimeField(props: { label: string; value: number; onChange(at: number | null): void; testId?: string }) {
  const t = useT();
  const styles = useStyles();
  const [start] = useState(() => witaParts(props.value));
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(hhmm(start.minutes));
  const update = (nextDate: string, nextTime: string) => {
    const minutes = nextTime ? parseOfficeTime(nextTime) : null;
    props.onChange(nextDate && minutes !== null ? witaInstant(nextDate, minutes) : null);
  };
  return (
    <div className={styles.row} data-testid={props.testId}>
      <OfficeDateInput
        label={props.label}
        value={date}
        onChange={(next) => {
          setDate(next);
          update(next, time);
        }}
      />
      <OfficeTimeInput
        label={t('officeDate.time')}
        value={time}
        onChange={(next) => {
          setTime(next);
          update(date, next);
        }}
      />
    </div>
  );
}
