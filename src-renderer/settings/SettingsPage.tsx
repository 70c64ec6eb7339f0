import { Button, makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { BackupPrivacySettings } from './BackupPrivacySettings';
import { BpsDataSettings } from './BpsDataSettings';
import { CalendarSettings } from './CalendarSettings';
import { EmailSettings } from './EmailSettings';
import { SignatureSettings } from './SignatureSettings';
import { TelegramSettings } from './TelegramSettings';
import { TemplatesSettings } from './TemplatesSettings';
import { WorkflowSettings } from './WorkflowSettings';
import { useNavigation } from '../state/navigation';
import { useSession } from '../state/session';
import { OfficeSettingsCard } from './OfficeSettingsCard';
import { PasswordCard } from '../officers/PasswordCard';
import { OfficersCard } from './OfficersCard';
import { ReportIdentitySettings } from './ReportIdentitySettings';
import { LanSettings } from './LanSettings';

const useStyles = makeStyles({
  tabs: { padding: `0 ${tokens.spacingHorizontalXL}`, flexShrink: 0 },
  body: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXL}`,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '960px',
    // Cards keep their height; the page scrolls instead of squeezing them.
    '> *': { flexShrink: 0 },
  },
});

export type SettingsTab = 'general' | 'channels' | 'bpsData' | 'calendar' | 'templates' | 'reports' | 'officers' | 'lan' | 'backup' | 'profile';
const ADMIN_TABS: readonly SettingsTab[] = ['general', 'channels', 'bpsData', 'calendar', 'templates', 'reports', 'officers', 'lan', 'backup', 'profile'];
const OFFICER_TABS: readonly SettingsTab[] = ['profile'];

/** Pengaturan: everything the first-run wizard asks, editable any time, one tab per area. */
export function SettingsPage() {
  const styles = useStyles();
  const t = useT();
  const isAdmin = useSession((s) => s.officer?.role === 'admin');
  const tabs = isAdmin ? ADMIN_TABS : OFFICER_TABS;
  const takeSettingsTab = useNavigation((s) => s.takeSettingsTab);
  const [tab, setTab] = useState<SettingsTab>(() => {
    const asked = takeSettingsTab() as SettingsTab | null;
    return asked && tabs.includes(asked) ? asked : (tabs[0] ?? 'profile');
  });
  const startWizard = useSession((s) => s.startWizard);
  return (
    <>
      <PageHeader title={t('settings.title')}>
        {isAdmin && (
          <Button appearance="subtle" onClick={startWizard}>
            {t('wizard.open')}
          </Button>
        )}
      </PageHeader>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as SettingsTab)}>
        {tabs.map((x) => (
          <Tab key={x} value={x}>
            {t(`settingsTab.${x}`)}
          </Tab>
        ))}
      </TabList>
      <div className={styles.body}>
        {tab === 'general' && (
          <>
            <OfficeSettingsCard />
            <WorkflowSettings />
          </>
        )}
        {tab === 'channels' && (
          <>
            <TelegramSettings />
            <EmailSettings />
          </>
        )}
        {tab === 'bpsData' && <BpsDataSettings />}
        {tab === 'calendar' && <CalendarSettings />}
        {tab === 'templates' && <TemplatesSettings />}
        {tab === 'reports' && <ReportIdentitySettings />}
        {tab === 'officers' && <OfficersCard />}
        {tab === 'lan' && <LanSettings />}
        {tab === 'backup' && <BackupPrivacySettings />}
        {tab === 'profile' && (
          <>
            <SignatureSettings />
            <PasswordCard />
          </>
        )}
      </div>
    </>
  );
}
