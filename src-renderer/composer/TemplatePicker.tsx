import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { TemplateView } from '../../src-preload/contract';
import { useT } from '../i18n';

const useStyles = makeStyles({
  popup: {
    position: 'absolute',
    bottom: '100%',
    left: 0,
    right: 0,
    marginBottom: tokens.spacingVerticalXS,
    maxHeight: '240px',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    zIndex: 10,
    padding: tokens.spacingVerticalXS,
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  preview: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  head: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalS}` },
});

/** Templates whose name or shortcut matches what follows the `/`. */
export function matchTemplates(templates: TemplateView[], query: string): TemplateView[] {
  const q = query.toLowerCase();
  return templates.filter((tpl) => tpl.name.toLowerCase().includes(q) || (tpl.shortcut ?? '').toLowerCase().includes(q)).slice(0, 20);
}

/** The list that opens when the officer types `/`: arrows to move, Enter to insert, Esc to close. */
export function TemplatePicker(props: { matches: TemplateView[]; active: number; onPick(template: TemplateView): void }) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.popup} role="listbox" aria-label={t('composer.templates')} id="template-picker" data-testid="template-picker">
      <Text size={200} className={styles.head}>
        {props.matches.length === 0 ? t('composer.noTemplates') : t('composer.templatesHint')}
      </Text>
      {props.matches.map((tpl, i) => (
        <div
          key={tpl.id}
          role="option"
          aria-selected={i === props.active}
          className={mergeClasses(styles.option, i === props.active && styles.active)}
          // mousedown, not click: the textarea must keep focus
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(tpl);
          }}
        >
          <Text weight="semibold" size={300}>
            {tpl.shortcut ? `/${tpl.shortcut} · ` : ''}
            {tpl.name}
          </Text>
          <Text size={200} className={styles.preview}>
            {tpl.body}
          </Text>
        </div>
      ))}
    </div>
  );
}
