import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { ChartMultipleRegular, MailInboxRegular, MegaphoneRegular, SettingsRegular } from '@fluentui/react-icons';
import { NavDrawer, NavDrawerBody, NavItem } from '@fluentui/react-components';
import { useEffect, type ReactElement } from 'react';
import { InboxPage } from '../inbox/InboxPage';
import { useT } from '../i18n';
import { ComplaintsPage } from '../complaints/ComplaintsPage';
import { ReportsPage } from '../reports/ReportsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { useSession } from '../state/session';
import { ChannelAlert } from './ChannelAlert';
import { DecreeAlert } from './DecreeAlert';
import { DiskAlert } from './DiskAlert';
import { Header } from './Header';
import { HostAlert } from './HostAlert';
import { pagesFor, type PageId } from './pages';
import { useNavigation } from '../state/navigation';
import { useUnreadTitle } from './use-unread-title';

const ICONS: Record<PageId, ReactElement> = {
  inbox: <MailInboxRegular />,
  complaints: <MegaphoneRegular />,
  reports: <ChartMultipleRegular />,
  settings: <SettingsRegular />,
};

/** Screens narrower than this (the office's 1366×768 and up to 1600 wide) get the compact layout. */
const NARROW = '@media (max-width: 1599px)';

const useStyles = makeStyles({
  frame: { height: '100%', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  banner: { borderRadius: 0, flexShrink: 0 },
  body: { flexGrow: 1, display: 'flex', minHeight: 0 },
  // Below a wide screen the menu is icons only: at 1366×768 its 240px belong to the conversation.
  // The label stays in the accessible name (transparent, not removed); the title shows it on hover.
  nav: {
    width: '240px',
    flexShrink: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { width: '60px', minWidth: '60px' },
  },
  navItem: { [NARROW]: { position: 'relative', justifyContent: 'center', paddingLeft: 0, paddingRight: 0 } },
  navIcon: { fontSize: '20px', display: 'inline-flex' },
  navLabel: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    flexGrow: 1,
    // Over the whole item, unseen: the icon shows, the name stays the item's name and a click on it still lands.
    [NARROW]: { position: 'absolute', top: 0, right: 0, bottom: 0, left: 0, opacity: 0 },
  },
  content: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  unread: {
    marginLeft: 'auto',
    minWidth: '20px',
    padding: '0 6px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
    textAlign: 'center',
    lineHeight: '20px',
    [NARROW]: { position: 'absolute', top: '0px', right: '2px', minWidth: '16px', padding: '0 4px', lineHeight: '16px', fontSize: tokens.fontSizeBase100 },
  },
});

/** The console after login: header, role-dependent navigation, one page at a time. */
export function AppFrame() {
  const styles = useStyles();
  const t = useT();
  const officer = useSession((s) => s.officer);
  const training = useSession((s) => s.info?.trainingMode ?? false);
  const page = useNavigation((s) => s.page);
  const setPage = useNavigation((s) => s.go);
  const unread = useUnreadTitle(t('app.name'));
  const pages = officer ? pagesFor(officer.role) : [];

  // Every login starts in the inbox, whoever was signed in before.
  useEffect(() => setPage('inbox'), [setPage]);
  // A role change (or another login) may hide the page being shown.
  useEffect(() => {
    if (!pages.some((p) => p.id === page)) setPage('inbox');
  }, [pages, page]);

  return (
    <div className={styles.frame}>
      {training && (
        <MessageBar intent="warning" className={styles.banner} data-testid="training-banner">
          <MessageBarBody>
            <strong>{t('header.training')}</strong>
          </MessageBarBody>
        </MessageBar>
      )}
      <Header />
      <HostAlert />
      <DiskAlert />
      <ChannelAlert onOpenSettings={pages.some((p) => p.id === 'settings') ? () => setPage('settings', 'channels') : undefined} />
      {officer?.role === 'admin' && <DecreeAlert onOpenCalendar={() => setPage('settings', 'calendar')} />}
      <div className={styles.body}>
        <NavDrawer
          open
          type="inline"
          className={styles.nav}
          selectedValue={page}
          onNavItemSelect={(_, data) => setPage(data.value as PageId)}
          aria-label={t('nav.label')}
        >
          <NavDrawerBody>
            {pages.map((p) => (
              <NavItem key={p.id} value={p.id} className={styles.navItem} title={t(p.label)} icon={<span className={styles.navIcon}>{ICONS[p.id]}</span>}>
                <span className={styles.navLabel}>{t(p.label)}</span>
                {p.id === 'inbox' && unread > 0 && (
                  <span className={styles.unread} aria-label={t('inbox.unread', { n: unread })}>
                    {unread > 999 ? '999+' : unread}
                  </span>
                )}
              </NavItem>
            ))}
          </NavDrawerBody>
        </NavDrawer>
        <main className={styles.content}>
          {page === 'inbox' && <InboxPage />}
          {page === 'complaints' && <ComplaintsPage />}
          {page === 'reports' && <ReportsPage />}
          {page === 'settings' && <SettingsPage />}
        </main>
      </div>
    </div>
  );
}
