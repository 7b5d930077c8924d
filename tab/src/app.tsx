import { Badge, FluentProvider, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from './api/use-me';
import { phoneWidth } from './components/phone-layout';
import { SectionNav } from './components/section-nav';
import { ErrorState } from './components/states';
import type { Host, HostTheme } from './host/teams-host';
import type { TabLanguage } from './i18n/tab-messages';
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
const UsersPage = lazy(() => import('./pages/users-page'));
const PersonPage = lazy(() => import('./pages/person-page'));
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
    // One line: the sections shrink into their "More" menu rather than wrap and push tabs out of sight.
    flexWrap: 'nowrap',
    minWidth: 0,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  brandBox: { flexShrink: 0 },
  // Wider than a phone the sections take the free space themselves (their "More" menu needs to know it).
  spacer: { display: 'none', [phoneWidth]: { display: 'block', flexGrow: 1 } },
  // Who is signed in keeps its place; on a narrow screen the name gives way before the sections do.
  who: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexShrink: 0,
    maxWidth: '40%',
    minWidth: 0,
  },
  whoName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  whoBadge: { flexShrink: 0, [phoneWidth]: { display: 'none' } },
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    margin: '0 auto',
    [phoneWidth]: { padding: tokens.spacingHorizontalM },
  },
});

/**
 * The sections, in the order the navigation shows them. Bulk upload and its jobs are org admins' work
 * (the uploads use cases refuse anyone else with `OrgAdminsOnly`), so champs are not offered them.
 */
const sections = [
  { path: '/home', label: 'tab-shell.section.home' },
  { path: '/groups', label: 'tab-shell.section.groups' },
  { path: '/users', label: 'tab-shell.section.users' },
  { path: '/upload', label: 'tab-shell.section.upload', orgAdminsOnly: true },
  { path: '/jobs', label: 'tab-shell.section.jobs', orgAdminsOnly: true },
  { path: '/announcements', label: 'tab-shell.section.announcements' },
  { path: '/champs', label: 'tab-shell.section.champs' },
  { path: '/resources', label: 'tab-shell.section.resources' },
  { path: '/people-without-account', label: 'tab-shell.section.noAccount', orgAdminsOnly: true },
  { path: '/org-admins', label: 'tab-shell.section.orgAdmins', orgAdminsOnly: true },
];

function Shell() {
  const styles = useStyles();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const intl = useIntl();
  const current = sections.find((s) => location.pathname.startsWith(s.path))?.path ?? '/home';
  const shown = sections
    .filter((s) => !s.orgAdminsOnly || me.data?.isOrgAdmin)
    .map((s) => ({ ...s, label: intl.formatMessage({ id: s.label }) }));
  const you = me.data?.displayName ?? intl.formatMessage({ id: 'tab-shell.you' });
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Text className={`${styles.brand} ${styles.brandBox}`}>
          {intl.formatMessage({ id: 'common.brand' })}
        </Text>
        <SectionNav sections={shown} current={current} onSelect={navigate} />
        <span className={styles.spacer} />
        {me.data && (
          <div className={styles.who}>
            <Text className={styles.whoName} title={you}>
              {you}
            </Text>
            {me.data.developerIdentity && (
              <Badge
                className={styles.whoBadge}
                color="warning"
                appearance="filled"
                title={intl.formatMessage({ id: 'tab-shell.developerIdentity.title' })}
              >
                {intl.formatMessage({ id: 'tab-shell.developerIdentity' })}
              </Badge>
            )}
            {me.data.isOrgAdmin && (
              <Badge className={styles.whoBadge} appearance="tint">
                {intl.formatMessage({ id: 'tab-shell.orgAdmin' })}
              </Badge>
            )}
          </div>
        )}
      </header>
      <main className={styles.main}>
        {me.error ? (
          <ErrorState error={me.error} onRetry={me.reload} />
        ) : (
          <Suspense fallback={<Spinner label={intl.formatMessage({ id: 'tab-shell.loading' })} />}>
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
              <Route path="/users" element={<UsersPage />} />
              <Route path="/users/:id" element={<PersonPage />} />
              <Route path="*" element={<Navigate to="/home" replace />} />
            </Routes>
          </Suspense>
        )}
      </main>
    </div>
  );
}

/** The portal: the user's language and direction, Teams' theme (following changes), the sections as routes. */
export function App({ host, language }: { host: Host; language: TabLanguage }) {
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  return (
    <IntlProvider
      locale={language.locale}
      defaultLocale="en"
      messages={language.messages}
      timeZone={host.timeZone}
    >
      <FluentProvider theme={fluentTheme(theme)} data-theme={theme} dir={language.dir}>
        <HashRouter>
          <Shell />
        </HashRouter>
      </FluentProvider>
    </IntlProvider>
  );
}
