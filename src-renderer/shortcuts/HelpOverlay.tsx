import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useCommands } from './commands';
import { SHORTCUTS } from './use-shortcuts';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    alignItems: 'center',
  },
  key: {
    fontFamily: tokens.fontFamilyMonospace,
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomWidth: '2px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    justifySelf: 'start',
  },
  value: { margin: 0 },
});

/** "?": the keyboard shortcuts of the inbox. */
export function HelpOverlay() {
  const styles = useStyles();
  const t = useT();
  const open = useCommands((s) => s.help);
  const setHelp = useCommands((s) => s.setHelp);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setHelp(d.open)}>
      <DialogSurface data-testid="shortcut-help">
        <DialogBody>
          <DialogTitle>{t('shortcuts.title')}</DialogTitle>
          <DialogContent>
            <dl className={styles.list}>
              {SHORTCUTS.map((s) => (
                <div key={s.key} style={{ display: 'contents' }}>
                  <dt>
                    <kbd className={styles.key}>{s.key}</kbd>
                  </dt>
                  <dd className={styles.value}>{t(s.label)}</dd>
                </div>
              ))}
            </dl>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => setHelp(false)}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
