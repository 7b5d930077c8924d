import { Input, makeStyles, Spinner, Title2, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ManagedGroups } from '../api/types';
import { useApi } from '../api/use-api';
import { useMe } from '../api/use-me';
import { CreateGroupDialog } from '../components/create-group-dialog';
import { GroupTree } from '../components/group-tree';
import { EmptyState, ErrorState } from '../components/states';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  list: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalS,
  },
});

/** Groups: search, the hierarchy, and Create group. */
export default function GroupsPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const me = useMe();
  const portal = useApi<ManagedGroups>('/api/v1/portal/groups');
  const [search, setSearch] = useState('');
  const groups = portal.data?.groups ?? [];
  const needle = search.trim().toLowerCase();
  const shown = needle ? groups.filter((g) => g.name.toLowerCase().includes(needle)) : groups;
  const open = (id: string) => navigate(`/groups/${id}`);
  return (
    <>
      <Title2 as="h1">Groups</Title2>
      <div className={styles.bar}>
        <Input
          aria-label="Search groups"
          placeholder="Search groups"
          contentBefore={<SearchRegular />}
          value={search}
          onChange={(_e, d) => setSearch(d.value)}
        />
        {me.data?.isOrgAdmin && <CreateGroupDialog groups={groups} onCreated={open} />}
      </div>
      {portal.loading && <Spinner label="Loading groups…" />}
      {portal.error !== undefined && <ErrorState error={portal.error} onRetry={portal.reload} />}
      {portal.data && groups.length === 0 && (
        <EmptyState title="No groups yet">
          {me.data?.isOrgAdmin
            ? 'Create your first group, or upload a User Group Mapping CSV to create many at once.'
            : 'You do not steward any group yet.'}
        </EmptyState>
      )}
      {portal.data && groups.length > 0 && shown.length === 0 && (
        <EmptyState title="No match">No group name contains “{search}”.</EmptyState>
      )}
      {shown.length > 0 && (
        <div className={styles.list}>
          <GroupTree groups={shown} onOpen={open} />
        </div>
      )}
    </>
  );
}
