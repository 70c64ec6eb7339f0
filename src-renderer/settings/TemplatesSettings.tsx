import { Badge, Button, Field, Input, makeStyles, Table, TableBody, TableCell, TableRow, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, ArchiveRegular, ArrowUndoRegular, AttachRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { ErrorBar } from '../components/ErrorBar';
import { FormDialog } from '../components/FormDialog';
import { useT } from '../i18n';
import { SettingsCard } from './SettingsCard';
import { TemplateFiles } from './TemplateFiles';
import type { TemplateView } from '../../src-preload/contract';

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
  actions: { whiteSpace: 'nowrap', width: '120px' },
  retired: { opacity: 0.6 },
  usage: { color: tokens.colorNeutralForeground3, display: 'block' },
});

type Editing = { id: number | null; name: string; shortcut: string; body: string; system: boolean; template: TemplateView | null };

/**
 * The library of standard answers (jawaban standar): placeholders, fill-ins the officer completes,
 * files, usage counts; retired rather than deleted once used. The console's own messages are
 * edited here too, and never offered in the composer.
 */
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
        <Button icon={<AddRegular />} onClick={() => setEditing({ id: null, name: '', shortcut: '', body: '', system: false, template: null })}>
          {t('templates.add')}
        </Button>
      }
    >
      <Table size="small" aria-label={t('templates.title')}>
        <TableBody>
          {templates?.map((tpl) => (
            <TableRow key={tpl.id} data-testid="template-row" className={tpl.retired ? styles.retired : undefined}>
              <TableCell style={{ width: 240 }}>
                <Text weight="semibold">{tpl.name}</Text>
                {tpl.shortcut && <Text size={200}> · /{tpl.shortcut}</Text>}
                {tpl.systemKey && (
                  <Badge appearance="tint" color="informative" size="small">
                    {' '}
                    {t('templates.system')}
                  </Badge>
                )}
                {tpl.retired && (
                  <Badge appearance="tint" color="subtle" size="small">
                    {t('templates.retiredBadge')}
                  </Badge>
                )}
                {!tpl.systemKey && (
                  <Text size={200} className={styles.usage} data-testid="template-usage">
                    {t('templates.used', { n: tpl.useCount })}
                    {tpl.files.length > 0 && (
                      <>
                        {' · '}
                        <AttachRegular aria-hidden /> {t('templates.fileCount', { n: tpl.files.length })}
                      </>
                    )}
                  </Text>
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
                  onClick={() =>
                    setEditing({ id: tpl.id, name: tpl.name, shortcut: tpl.shortcut ?? '', body: tpl.body, system: tpl.systemKey !== null, template: tpl })
                  }
                />
                {!tpl.systemKey && (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={tpl.retired ? <ArrowUndoRegular /> : <ArchiveRegular />}
                    aria-label={tpl.retired ? t('templates.unretire', { name: tpl.name }) : t('templates.retire', { name: tpl.name })}
                    title={tpl.retired ? t('templates.unretire', { name: tpl.name }) : t('templates.retire', { name: tpl.name })}
                    onClick={() =>
                      void action.succeeded(() => api.call('templates.retire', { id: tpl.id, retired: !tpl.retired })).then((ok) => ok && void load())
                    }
                  />
                )}
                {!tpl.systemKey && tpl.useCount === 0 && (
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
            <Textarea rows={8} value={editing.body} onChange={(_, d) => setEditing({ ...editing, body: d.value })} />
          </Field>
          {!editing.system &&
            (editing.template ? (
              <TemplateFiles
                template={editing.template}
                onChange={(template) => {
                  setEditing({ ...editing, template });
                  void load();
                }}
              />
            ) : (
              <Text size={200}>{t('templates.filesAfterSave')}</Text>
            ))}
        </FormDialog>
      )}
    </SettingsCard>
  );
}
