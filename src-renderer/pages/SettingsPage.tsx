import { makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { OfficeSettingsCard } from './settings/OfficeSettingsCard';
import { OfficersCard } from './settings/OfficersCard';

const useStyles = makeStyles({
  body: {
    padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXL}`,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '960px',
  },
});

export function SettingsPage() {
  const styles = useStyles();
  const t = useT();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div className={styles.body}>
        <OfficeSettingsCard />
        <OfficersCard />
      </div>
    </>
  );
}
