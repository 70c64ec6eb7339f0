import { Avatar, Button, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { BPS_BLUE, BrandMark } from '../components/BrandMark';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { NotificationButton } from '../notifications/NotificationButton';
import { LanguageSwitch } from './LanguageSwitch';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    height: '52px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderTop: `3px solid ${BPS_BLUE}`,
    flexShrink: 0,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  appName: { fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  office: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  officer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  officerText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end' },
  role: { color: tokens.colorNeutralForeground3 },
});

export function Header() {
  const styles = useStyles();
  const t = useT();
  const officer = useSession((s) => s.officer);
  const officeName = useSession((s) => s.settings?.officeName);
  const logout = useSession((s) => s.logout);
  return (
    <header className={styles.header}>
      <BrandMark size={32} />
      <div className={styles.titles}>
        <Text className={styles.appName}>{t('app.name')}</Text>
        {officeName && (
          <Text size={200} className={styles.office} data-testid="office-name">
            {officeName}
          </Text>
        )}
      </div>
      <NotificationButton />
      <LanguageSwitch />
      {officer && (
        <div className={styles.officer} data-testid="current-officer">
          <div className={styles.officerText}>
            <Text weight="semibold" size={300}>
              {officer.displayName}
            </Text>
            <Text size={200} className={styles.role}>
              {t(`role.${officer.role}`)}
            </Text>
          </div>
          <Avatar name={officer.displayName} size={32} color="brand" aria-hidden />
        </div>
      )}
      <Tooltip content={t('header.logout')} relationship="description">
        <Button appearance="subtle" icon={<SignOutRegular />} onClick={() => void logout()}>
          {t('header.logout')}
        </Button>
      </Tooltip>
    </header>
  );
}
