import {
  Badge,
  FluentProvider,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from './api/use-me';
import { phoneWidth } from './components/phone-layout';
import { ErrorState } from './components/states';
import type { Host, HostTheme } from './host/teams-host';
import { fluentTheme } from './theme';

const HomePage = lazy(() => import('./pages/home-page'));
const GroupsPage = lazy(() => import('./pages/groups-page'));
const GroupPage = lazy(() => import('./pages/group-page'));
const UploadPage = lazy(() => import('./pages/upload-page'));
const JobsPage = lazy(() => import('./pages/jobs-page'));
const JobLogPage = lazy(() => import('./pages/job-log-page'));
const ChampsPage = lazy(() => import('./pages/champs-page'));
const ResourcesPage = lazy(() => import('./pages/resources-page'));
const OrgAdminsPage = lazy(() => import('./pages/org-admins-page'));
const PeopleWithoutAccountPage = lazy(() => import('./pages/people-without-account-page'));
const AnnouncementsPage = lazy(() => import('./pages/announcements-page'));

const useStyles = makeStyles({
  shell: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  spacer: { flexGrow: 1 },
  // On a phone the tabs would not fit: one menu button names the section and opens the others.
  tabs: { [phoneWidth]: { display: 'none' } },
  sectionMenu: { display: 'none', [phoneWidth]: { display: 'block' } },
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    margin: '0 auto',
    [phoneWidth]: { padding: tokens.spacingHorizontalM },
  },
});

const sections = [
  { path: '/home', label: 'Home' },
  { path: '/groups', label: 'Groups' },
  { path: '/upload', label: 'Bulk upload' },
  { path: '/jobs', label: 'Jobs' },
  { path: '/announcements', label: 'Announcements' },
  { path: '/champs', label: 'Champs' },
  { path: '/resources', label: 'Resources' },
  { path: '/people-without-account', label: 'No account', orgAdminsOnly: true },
  { path: '/org-admins', label: 'Org admins', orgAdminsOnly: true },
];

function Shell() {
  const styles = useStyles();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const current = sections.find((s) => location.pathname.startsWith(s.path))?.path ?? '/home';
  const shown = sections.filter((s) => !s.orgAdminsOnly || me.data?.isOrgAdmin);
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Text className={styles.brand}>Convene</Text>
        <nav aria-label="Sections">
          <TabList
            className={styles.tabs}
            selectedValue={current}
            onTabSelect={(_e, data) => navigate(String(data.value))}
          >
            {shown.map((s) => (
              <Tab key={s.path} value={s.path}>
                {s.label}
              </Tab>
            ))}
          </TabList>
          <div className={styles.sectionMenu}>
            <Menu
              checkedValues={{ section: [current] }}
              onCheckedValueChange={(_e, data) => data.checkedItems[0] && navigate(data.checkedItems[0])}
            >
              <MenuTrigger disableButtonEnhancement>
                <MenuButton appearance="subtle">
                  {shown.find((s) => s.path === current)?.label ?? 'Sections'}
                </MenuButton>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {shown.map((s) => (
                    <MenuItemRadio key={s.path} name="section" value={s.path}>
                      {s.label}
                    </MenuItemRadio>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          </div>
        </nav>
        <span className={styles.spacer} />
        {me.data && (
          <>
            <Text>{me.data.displayName ?? 'You'}</Text>
            {me.data.developerIdentity && (
              <Badge color="warning" appearance="filled" title="Local mode: no Microsoft 365 sign-in">
                Developer identity
              </Badge>
            )}
            {me.data.isOrgAdmin && <Badge appearance="tint">Org admin</Badge>}
          </>
        )}
      </header>
      <main className={styles.main}>
        {me.error ? (
          <ErrorState error={me.error} onRetry={me.reload} />
        ) : (
          <Suspense fallback={<Spinner label="Loading…" />}>
            <Routes>
              <Route path="/home" element={<HomePage />} />
              <Route path="/groups" element={<GroupsPage />} />
              <Route path="/groups/:id" element={<GroupPage />} />
              <Route path="/upload" element={<UploadPage />} />
              <Route path="/jobs" element={<JobsPage />} />
              <Route path="/jobs/:id" element={<JobLogPage />} />
              <Route path="/announcements" element={<AnnouncementsPage />} />
              <Route path="/champs" element={<ChampsPage />} />
              <Route path="/resources" element={<ResourcesPage />} />
              <Route path="/org-admins" element={<OrgAdminsPage />} />
              <Route path="/people-without-account" element={<PeopleWithoutAccountPage />} />
              <Route path="*" element={<Navigate to="/home" replace />} />
            </Routes>
          </Suspense>
        )}
      </main>
    </div>
  );
}

/** The portal: Teams' theme (following changes), and the sections as routes. */
export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  return (
    <FluentProvider theme={fluentTheme(theme)} data-theme={theme}>
      <HashRouter>
        <Shell />
      </HashRouter>
    </FluentProvider>
  );
}
