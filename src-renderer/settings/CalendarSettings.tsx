import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CalendarStatus } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { useT } from '../i18n';
import { HolidayList } from './HolidayList';
import { toForm, toHours, type DayHours } from './hours';
import { SettingsCard } from './SettingsCard';

const useStyles = makeStyles({
  days: {
    display: 'grid',
    gridTemplateColumns: 'max-content max-content max-content',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    alignItems: 'center',
  },
  time: { width: '90px' },
});

// Monday first, as the office reads a week; indexes are the contract's (0 = Sunday).
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** Service hours per weekday and the non-working days that stop the SLA clock. */
export function CalendarSettings() {
  const styles = useStyles();
  const t = useT();
  const [status, setStatus] = useState<CalendarStatus | null>(null);
  const [days, setDays] = useState<DayHours[] | null>(null);
  const [invalid, setInvalid] = useState<number[]>([]);
  const [saved, setSaved] = useState(false);
  const action = useAction();

  const loaded = useCall('calendar.status', {});
  // The form starts from what the core has, and again after a holiday change recounts the calendar.
  useEffect(() => {
    if (!loaded.data) return;
    setStatus(loaded.data);
    setDays(toForm(loaded.data.serviceHours));
  }, [loaded.data]);

  async function save() {
    if (!days) return;
    const parsed = toHours(days);
    if ('invalid' in parsed) return setInvalid(parsed.invalid);
    setInvalid([]);
    const r = await action.run(() => api.call('calendar.setHours', { hours: parsed.hours }));
    if (r) {
      setStatus(r);
      setSaved(true);
    }
  }
  const change = (d: number, patch: Partial<DayHours>) => {
    setSaved(false);
    setDays((all) => all && all.map((x, i) => (i === d ? { ...x, ...patch } : x)));
  };

  return (
    <SettingsCard title={t('calendar.title')} intro={status ? t('calendar.current', { hours: status.serviceHoursText }) : undefined} testId="calendar-settings">
      {status && status.yearsMissingDecree.length > 0 && (
        <MessageBar intent="warning" data-testid="decree-warning">
          <MessageBarBody>{t('calendar.missingDecree', { years: status.yearsMissingDecree.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      {days && (
        <div className={styles.days} role="group" aria-label={t('calendar.hours')}>
          {WEEK.map((d) => (
            <div key={d} style={{ display: 'contents' }}>
              <Checkbox checked={days[d]!.open} label={t(`weekday.${d}`)} onChange={(_, e) => change(d, { open: Boolean(e.checked) })} />
              <Field validationMessage={invalid.includes(d) ? t('calendar.badTime') : undefined}>
                <Input
                  className={styles.time}
                  aria-label={`${t(`weekday.${d}`)} ${t('calendar.from')}`}
                  disabled={!days[d]!.open}
                  value={days[d]!.from}
                  onChange={(_, e) => change(d, { from: e.value })}
                />
              </Field>
              <Input
                className={styles.time}
                aria-label={`${t(`weekday.${d}`)} ${t('calendar.to')}`}
                disabled={!days[d]!.open}
                value={days[d]!.to}
                onChange={(_, e) => change(d, { to: e.value })}
              />
            </div>
          ))}
        </div>
      )}
      <div>
        <Button appearance="primary" disabled={action.busy} onClick={() => void save()}>
          {t('calendar.saveHours')}
        </Button>
      </div>
      <ErrorBar error={loaded.error?.message ?? action.error} />
      {saved && <Text>{t('common.saved')}</Text>}
      <HolidayList onChanged={() => void loaded.reload()} />
    </SettingsCard>
  );
}
