import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular } from '@fluentui/react-icons';
import type { RequirementName } from '../../src-preload/contract';
import { useT } from '../i18n';

const REQUIREMENTS: readonly RequirementName[] = ['name', 'institution', 'email', 'whatsapp', 'occupation', 'need'];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: `2px ${tokens.spacingHorizontalM}` },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** What the service standard asks for before the SLA clock starts: done or still missing. */
export function RequirementsChecklist(props: { missing: RequirementName[] }) {
  const styles = useStyles();
  const t = useT();
  return (
    <ul className={styles.list} aria-label={t('requester.checklist')} data-testid="requirements-checklist">
      {REQUIREMENTS.map((r) => {
        const missing = props.missing.includes(r);
        return (
          <li
            key={r}
            className={mergeClasses(styles.item, missing ? styles.missing : styles.done)}
            data-missing={missing}
            aria-label={`${t(`requirement.${r}`)}: ${missing ? t('requester.missing') : t('requester.present')}`}
          >
            {missing ? <CircleRegular aria-hidden /> : <CheckmarkCircleRegular aria-hidden />}
            {t(`requirement.${r}`)}
          </li>
        );
      })}
    </ul>
  );
}
