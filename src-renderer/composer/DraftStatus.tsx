import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import type { SaveState } from './drafts';

const useStyles = makeStyles({
  quiet: { color: tokens.colorNeutralForeground3, display: 'inline-flex', alignItems: 'center', gap: '2px' },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** A quiet word on where the draft is: nothing while typing, "Draf tersimpan" once the core has it. */
export function DraftStatus(props: { state: SaveState }) {
  const styles = useStyles();
  const t = useT();
  if (props.state === 'idle') return null;
  if (props.state === 'failed' || props.state === 'local') {
    return (
      <Text size={200} className={styles.warn} data-testid="draft-status" data-state={props.state}>
        {props.state === 'local' ? t('composer.draftLocal') : t('composer.draftFailed')}
      </Text>
    );
  }
  return (
    <Text size={200} className={styles.quiet} data-testid="draft-status" data-state={props.state} title={t('composer.draftSavedHint')}>
      {props.state === 'saved' && <CheckmarkRegular fontSize={12} />}
      {props.state === 'saved' ? t('composer.draftSaved') : t('composer.draftSaving')}
    </Text>
  );
}
