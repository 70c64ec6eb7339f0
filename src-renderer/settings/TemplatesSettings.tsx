import { Badge, Button, Field, Input, makeStyles, Table, TableBody, TableCell, TableRow, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';
import { SettingsCard } from './SettingsCard';

const useStyles = makeStyles({
  // Two lines of the text, blank lines folded: enough to recognise a template.
  body: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
  },
  actions: { whiteSpace: 'nowrap', width: '90px' },
});

type Editing = { id: number | null; name: string; shortcut: string; body: string; system: boolean };

/** Quick replies (balasan cepat) with placeholders; the console's own messages are editable, not deletable. */
export function TemplatesSettings() {
  const styles = useStyles();
  const t = useT();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [missing, setMissing] = useState(false);
  const action = useAction();
  const { data: templates, error: loadError, reload: load } = useCall('templates.list', {});

  async function save() {
    if (!editing) return;
    if (!editing.name.trim() || !editing.body.trim()) return setMissing(true);
    const fields = { name: editing.name.trim(), shortcut: editing.shortcut.trim() || null, body: editing.body };
    const r = await action.run(() =>
      editing.id === null ? api.call('templates.create', fields) : api.call('templates.update', { id: editing.id, ...fields }),
    );
    if (r) {
      setEditing(null);
      void load();
    }
  }

  return (
    <SettingsCard
      title={t('templates.title')}
      intro={t('templates.intro')}
      testId="templates-settings"
      action={
        <Button icon={<AddRegular />} onClick={() => setEditing({ id: null, name: '', shortcut: '', body: '', system: false })}>
          {t('templates.add')}
        </Button>
      }
    >
      <Table size="small" aria-label={t('templates.title')}>
        <TableBody>
          {templates?.map((tpl) => (
            <TableRow key={tpl.id} data-testid="template-row">
              <TableCell style={{ width: 220 }}>
                <Text weight="semibold">{tpl.name}</Text>
                {tpl.shortcut && <Text size={200}> · /{tpl.shortcut}</Text>}
                {tpl.systemKey && (
                  <Badge appearance="tint" color="informative" size="small">
                    {' '}
                    {t('templates.system')}
                  </Badge>
                )}
              </TableCell>
              <TableCell>
                <div className={styles.body}>{tpl.body}</div>
              </TableCell>
              <TableCell className={styles.actions}>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<EditRegular />}
                  aria-label={t('templates.edit', { name: tpl.name })}
                  onClick={() => setEditing({ id: tpl.id, name: tpl.name, shortcut: tpl.shortcut ?? '', body: tpl.body, system: tpl.systemKey !== null })}
                />
                {!tpl.systemKey && (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t('templates.delete', { name: tpl.name })}
                    onClick={() =>
                      void action
                        .succeeded(() => api.call('templates.delete', { id: tpl.id }))
                        .then((ok) => {
                          if (ok) void load();
                        })
                    }
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ErrorBar error={loadError?.message ?? null} />
      {!editing && <ErrorBar error={action.error} />}
      {editing && (
        <FormDialog
          open
          title={editing.id === null ? t('templates.add') : t('templates.editTitle')}
          submitLabel={t('common.save')}
          busy={action.busy}
          error={action.error}
          onClose={() => {
            setEditing(null);
            setMissing(false);
            action.clearError();
          }}
          onSubmit={() => void save()}
        >
          <Field label={t('templates.name')} required validationMessage={missing && !editing.name.trim() ? t('auth.required') : undefined}>
            <Input value={editing.name} onChange={(_, d) => setEditing({ ...editing, name: d.value })} />
          </Field>
          <Field label={t('templates.shortcut')} hint={t('templates.shortcutHint')}>
            <Input value={editing.shortcut} onChange={(_, d) => setEditing({ ...editing, shortcut: d.value })} />
          </Field>
          <Field
            label={t('templates.body')}
            hint={t('templates.placeholders')}
            required
            validationMessage={missing && !editing.body.trim() ? t('auth.required') : undefined}
          >
            <Textarea rows={6} value={editing.body} onChange={(_, d) => setEditing({ ...editing, body: d.value })} />
          </Field>
        </FormDialog>
      )}
    </SettingsCard>
  );
}
