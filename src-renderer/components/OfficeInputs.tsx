import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { officeDateText, officeTimeText, parseOfficeDate, parseOfficeTime } from '../format/office-date';
import { useT } from '../i18n';

/**
 * A date field written day first (04/12/2026), whatever the browser's locale: a native date input
 * follows the OS and shows 12/04/2026 on an English Windows. The value is 'YYYY-MM-DD', or '' while
 * what is typed is not a date.
 */
export function OfficeDateInput(props: { label: string; hint?: string; value: string; onChange(iso: string): void; testId?: string }) {
  const t = useT();
  const [typed, setTyped] = useState(props.value ? officeDateText(props.value) : '');
  // A value set from outside (a reset after saving) replaces what is typed.
  const [shown, setShown] = useState(props.value);
  if (props.value !== shown) {
    setShown(props.value);
    if (props.value !== (parseOfficeDate(typed) ?? '')) setTyped(props.value ? officeDateText(props.value) : '');
  }
  const wrong = typed.trim() !== '' && parseOfficeDate(typed) === null;
  return (
    <Field label={props.label} hint={props.hint} validationMessage={wrong ? t('officeDate.dateHint') : undefined} validationState={wrong ? 'error' : 'none'}>
      <Input
        value={typed}
        placeholder="hh/bb/tttt"
        inputMode="numeric"
        data-testid={props.testId}
        onChange={(_, d) => {
          setTyped(d.value);
          props.onChange(parseOfficeDate(d.value) ?? '');
        }}
      />
    </Field>
  );
}

/** A 24-hour time (14.30) in WITA; the value is 'HH:mm', or '' while what is typed is not a time. */
export function OfficeTimeInput(props: { label: string; value: string; onChange(hhmm: string): void; testId?: string }) {
  const t = useT();
  const toText = (hhmm: string) => (hhmm ? officeTimeText(Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) : '');
  const [typed, setTyped] = useState(toText(props.value));
  const wrong = typed.trim() !== '' && parseOfficeTime(typed) === null;
  return (
    <Field label={props.label} validationMessage={wrong ? t('officeDate.timeHint') : undefined} validationState={wrong ? 'error' : 'none'}>
      <Input
        value={typed}
        placeholder="jj.mm"
        inputMode="numeric"
        contentAfter="WITA"
        style={{ maxWidth: 150 }}
        data-testid={props.testId}
        onChange={(_, d) => {
          setTyped(d.value);
          const minutes = parseOfficeTime(d.value);
          props.onChange(minutes === null ? '' : officeTimeText(minutes).replace('.', ':'));
        }}
      />
    </Field>
  );
}
