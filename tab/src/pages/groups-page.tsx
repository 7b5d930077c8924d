import {
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ManagedGroups } from '../api/types';
import { useApi } from '../api/use-api';
import { useMe } from '../api/use-me';
import { useReloadWhile } from '../api/use-reload-while';
import { CreateGroupDialog } from '../components/create-group-dialog';
import { CreateTeamsDialog } from '../components/create-teams-dialog';
import { GroupTree } from '../components/group-tree';
import { EmptyState, ErrorState } from '../components/states';
import { useT } from '../i18n/use-t';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  list: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalS,
  },
});

/** Groups: search, the hierarchy with each group's team, Create group and Create teams. */
export default function GroupsPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const t = useT();
  const me = useMe();
  const portal = useApi<ManagedGroups>('/api/v1/portal/groups');
  const [search, setSearch] = useState('');
  const [started, setStarted] = useState<number>();
  const groups = portal.data?.groups ?? [];
  const needle = search.trim().toLowerCase();
  const shown = needle ? groups.filter((g) => g.name.toLowerCase().includes(needle)) : groups;
  const open = (id: string) => navigate(`/groups/${id}`);
  const withoutTeam = groups.filter(
    (g) => g.organisationId && (g.teamState === 'not-provisioned' || g.teamState === 'failed'),
  ).length;
  const organisation = me.data?.organisation;
  // While teams are being created the tree keeps up by itself.
  const creating = groups.some((g) => g.teamState === 'provisioning');
  useReloadWhile(creating, portal.reload, 2000);
  return (
    <>
      <Title2 as="h1">{t('tab-groups.title')}</Title2>
      <div className={styles.bar}>
        <Input
          aria-label={t('tab-groups.search')}
          placeholder={t('tab-groups.search')}
          contentBefore={<SearchRegular />}
          value={search}
          onChange={(_e, d) => setSearch(d.value)}
        />
        {me.data?.isOrgAdmin && <CreateGroupDialog groups={groups} onCreated={open} />}
        {me.data?.isOrgAdmin && organisation && portal.data?.scope === 'organisation' && withoutTeam > 0 && (
          <CreateTeamsDialog
            waiting={withoutTeam}
            organisationName={organisation.displayName}
            onStarted={(count) => {
              setStarted(count);
              portal.reload();
            }}
          />
        )}
      </div>
      {started !== undefined && (
        <MessageBar intent="success">
          <MessageBarBody>{t('tab-groups.teamsStarted', { count: started })}</MessageBarBody>
        </MessageBar>
      )}
      {portal.loading && !portal.data && <Spinner label={t('tab-groups.loading')} />}
      {portal.error !== undefined && <ErrorState error={portal.error} onRetry={portal.reload} />}
      {portal.data && groups.length === 0 && (
        <EmptyState title={t('tab-groups.empty.title')}>
          {me.data?.isOrgAdmin ? t('tab-groups.empty.orgAdmin') : t('tab-groups.empty.steward')}
        </EmptyState>
      )}
      {portal.data && groups.length > 0 && shown.length === 0 && (
        <EmptyState title={t('tab-groups.noMatch.title')}>
          {t('tab-groups.noMatch.text', { search })}
        </EmptyState>
      )}
      {shown.length > 0 && (
        <div className={styles.list}>
          <GroupTree groups={shown} onOpen={open} />
        </div>
      )}
    </>
  );
}
