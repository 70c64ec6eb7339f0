import { Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { OfficerView, Role } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';

const ROLES: readonly Role[] = ['officer', 'supervisor', 'admin'];

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '180px', overflowY: 'auto' },
  password: { fontFamily: 'monospace', fontSize: tokens.fontSizeBase500, letterSpacing: '1px', userSelect: 'all' },
});

/** Supervisor, officer or admin; the core refuses to demote the last admin. */
export function RoleDialog(props: { officer: OfficerView; onClose(): void; onDone(message: string): void }) {
  const t = useT();
  const saving = useAction();
  const [role, setRole] = useState<Role>(props.officer.role);
  const save = () =>
    void saving
      .run(() => api.call('officers.update', { id: props.officer.id, role }))
      .then((r) => r && props.onDone(t('officers.roleDone', { name: r.displayName, role: t(`role.${r.role}`) })));
  return (
    <FormDialog
      open
      title={t('officers.roleTitle', { name: props.officer.displayName })}
      submitLabel={t('officers.save')}
      busy={saving.busy}
      error={saving.error}
      onSubmit={save}
      onClose={props.onClose}
      testId="role-dialog"
    >
      <RadioGroup value={role} onChange={(_, d) => setRole(d.value as Role)}>
        {ROLES.map((r) => (
          <Radio key={r} value={r} label={t(`role.${r}`)} />
        ))}
      </RadioGroup>
    </FormDialog>
  );
}

/**
 * Disabling shows what the officer leaves unfinished and where it goes: to a colleague, or back
 * to the queue. The hand-over runs first, so nothing is left with someone who cannot sign in.
 */
export function DisableDialog(props: { officer: OfficerView; colleagues: OfficerView[]; onClose(): void; onDone(message: string): void }) {
  const t = useT();
  const styles = useStyles();
  const saving = useAction();
  const { data: open } = useCall('officers.openConsultations', { id: props.officer.id });
  const [target, setTarget] = useState<string>('queue');
  const candidates = props.colleagues.filter((c) => !c.disabled && c.id !== props.officer.id);
  const submit = () =>
    void saving
      .run(async () => {
        const moved = await api.call('officers.handOver', { fromId: props.officer.id, toId: target === 'queue' ? null : Number(target) });
        if (!moved.ok) return moved;
        const disabled = await api.call('officers.update', { id: props.officer.id, disabled: true });
        return disabled.ok ? { ok: true as const, value: moved.value.moved } : disabled;
      })
      .then((n) => n !== null && props.onDone(t('officers.disabledDone', { name: props.officer.displayName, n })));
  return (
    <FormDialog
      open
      title={t('officers.disableTitle', { name: props.officer.displayName })}
      submitLabel={t('officers.disableSubmit')}
      busy={saving.busy || open === null}
      error={saving.error}
      onSubmit={submit}
      onClose={props.onClose}
      testId="disable-dialog"
    >
      <Text>{t('officers.disableBody', { name: props.officer.displayName })}</Text>
      {open && open.length === 0 && <Text>{t('officers.noOpen')}</Text>}
      {open && open.length > 0 && (
        <>
          <Text weight="semibold">{t('officers.openList', { n: open.length })}</Text>
          <ul className={styles.list} data-testid="open-consultations">
            {open.map((c) => (
              <li key={c.id}>
                {c.ticket} · {c.requesterName ?? '—'} · {c.subject ?? '—'}
              </li>
            ))}
          </ul>
          <Field label={t('officers.handTo')}>
            <Select value={target} onChange={(_, d) => setTarget(d.value)} data-testid="hand-over-to">
              <option value="queue">{t('officers.queue')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.displayName}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
    </FormDialog>
  );
}

/** Confirm, then show the one-time password once. */
export function ResetPasswordDialog(props: { officer: OfficerView; onClose(): void }) {
  const t = useT();
  const styles = useStyles();
  const saving = useAction();
  const [password, setPassword] = useState<string | null>(null);
  useEffect(() => setPassword(null), [props.officer.id]);
  const reset = () => void saving.run(() => api.call('officers.resetPassword', { id: props.officer.id })).then((r) => r && setPassword(r.temporaryPassword));
  if (password) {
    return (
      <FormDialog
        open
        title={t('officers.resetTitle', { name: props.officer.displayName })}
        submitLabel={t('officers.close')}
        busy={false}
        error={null}
        onSubmit={props.onClose}
        onClose={props.onClose}
        testId="reset-dialog"
      >
        <Text>{t('officers.tempPassword', { name: props.officer.displayName })}</Text>
        <Text className={styles.password} data-testid="temporary-password">
          {password}
        </Text>
        <MessageBar intent="warning">
          <MessageBarBody>{t('officers.tempNote')}</MessageBarBody>
        </MessageBar>
      </FormDialog>
    );
  }
  return (
    <FormDialog
      open
      title={t('officers.resetTitle', { name: props.officer.displayName })}
      submitLabel={t('officers.resetSubmit')}
      busy={saving.busy}
      error={saving.error}
      onSubmit={reset}
      onClose={props.onClose}
      testId="reset-dialog"
    >
      <Text>{t('officers.resetBody', { name: props.officer.displayName })}</Text>
    </FormDialog>
  );
}
