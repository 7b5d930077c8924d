import {
  Badge,
  Button,
  Card,
  Link,
  makeStyles,
  Select,
  Spinner,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { GroupDetail, ManagedGroups } from '../api/types';
import { useApi } from '../api/use-api';
import { useMe } from '../api/use-me';
import { useMemberPages } from '../api/use-member-pages';
import { AddUsersPanel } from '../components/add-users-panel';
import { AnnouncementsPanel } from '../components/announcements-panel';
import { CardInvitesPanel } from '../components/card-invites-panel';
import { ChampsPanel } from '../components/champs-panel';
import { GroupPhoto, GroupPhotoPanel } from '../components/group-photo';
import { InviteLinkPanel } from '../components/invite-link-panel';
import { JoinRequestsPanel } from '../components/join-requests-panel';
import { MembersTable } from '../components/members-table';
import { useFittedSelectStyles } from '../components/phone-layout';
import { PrintSlipsButton } from '../components/print-slips-button';
import { ErrorState, errorText, memberCountLabel } from '../components/states';
import { TeamPanel } from '../components/team-panel';

const useStyles = makeStyles({
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  grid: { display: 'grid', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  card: { padding: tokens.spacingHorizontalL },
  more: { alignSelf: 'start', marginTop: tokens.spacingVerticalS },
});

/** One group: its team in Teams, members, adding users, the invite link, slips, champs, hierarchy and organisation state. */
export default function GroupPage() {
  const styles = useStyles();
  const fitted = useFittedSelectStyles();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const detail = useApi<GroupDetail>(`/api/v1/groups/${id}`);
  const members = useMemberPages(id);
  const portal = useApi<ManagedGroups>(
    detail.data?.allowed['arrange-hierarchy'] ? '/api/v1/portal/groups' : undefined,
  );
  const [moveError, setMoveError] = useState<string>();
  // Adding people queues invite cards: the invites panel is reloaded with every change.
  const [changes, setChanges] = useState(0);
  const refresh = () => {
    detail.reload();
    members.reload();
    setChanges((n) => n + 1);
  };

  if (detail.error !== undefined) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Spinner label="Loading group…" />;
  const { group, allowed, organisation, champs } = detail.data;
  const parent = portal.data?.groups.find((g) => g.id === group.parentId);

  return (
    <>
      <Link onClick={() => navigate('/groups')}>← All groups</Link>
      <div className={styles.head}>
        <GroupPhoto groupId={group.id} etag={detail.data.photoEtag} name={group.name} size={40} />
        <Title2 as="h1">{group.name}</Title2>
        {organisation ? (
          <Badge color="success">Belongs to {organisation.displayName}</Badge>
        ) : (
          <Badge color="warning">Personal group – not added to an organisation yet</Badge>
        )}
        <Badge appearance="outline">{memberCountLabel(detail.data.memberCount)}</Badge>
      </div>
      <div className={styles.grid}>
        <Card className={styles.card}>
          <Title3 as="h2">Group photo</Title3>
          <GroupPhotoPanel
            groupId={group.id}
            name={group.name}
            etag={detail.data.photoEtag}
            mayChange={allowed['change-photo']}
            maxBytes={detail.data.maxPhotoBytes}
            onChanged={detail.reload}
          />
        </Card>
        <Card className={styles.card}>
          <Title3 as="h2">Microsoft Teams</Title3>
          <TeamPanel detail={detail.data} onChanged={detail.reload} />
        </Card>
        {allowed['arrange-hierarchy'] && portal.data && (
          <Card className={styles.card}>
            <Title3 as="h2">Place in the hierarchy</Title3>
            <Text>Parent: {parent?.name ?? 'none (top level)'}</Text>
            <Select
              className={fitted.select}
              select={{ className: fitted.select }}
              aria-label="Move under"
              value={group.parentId ?? ''}
              onChange={async (_e, d) => {
                setMoveError(undefined);
                try {
                  await api.put(`/api/v1/groups/${group.id}/parent`, { parentId: d.value || null });
                  refresh();
                  portal.reload();
                } catch (e) {
                  setMoveError(errorText(e));
                }
              }}
            >
              <option value="">No parent (top level)</option>
              {portal.data.groups
                .filter((g) => g.id !== group.id)
                .map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
            </Select>
            {moveError && <Text role="alert">{moveError}</Text>}
          </Card>
        )}
        {allowed['manage-members'] && (
          <Card className={styles.card}>
            <Title3 as="h2">Add users</Title3>
            <AddUsersPanel
              groupId={group.id}
              defaultRegion={organisation?.defaultRegion ?? me.data?.organisation?.defaultRegion ?? 'US'}
              onAdded={refresh}
            />
          </Card>
        )}
        {allowed['manage-members'] && (
          <Card className={styles.card}>
            <Title3 as="h2">Requests to join</Title3>
            <JoinRequestsPanel key={group.id} groupId={group.id} onDecided={refresh} />
          </Card>
        )}
        <Card className={styles.card}>
          <Title3 as="h2">Members</Title3>
          {members.error !== undefined && <ErrorState error={members.error} onRetry={members.reload} />}
          {members.members.length > 0 && (
            <MembersTable
              groupId={group.id}
              members={members.members}
              mayManageMembers={allowed['manage-members']}
              mayManageAdmins={allowed['manage-admins']}
              onChanged={refresh}
            />
          )}
          {members.loading && <Spinner size="tiny" label="Loading members…" />}
          {members.hasMore && !members.loading && (
            <Button appearance="secondary" className={styles.more} onClick={members.more}>
              Show more ({members.members.length.toLocaleString()} of {members.total?.toLocaleString()} shown)
            </Button>
          )}
        </Card>
        {allowed.invite && (
          <Card className={styles.card}>
            <Title3 as="h2">Invite cards</Title3>
            <CardInvitesPanel key={changes} groupId={group.id} />
          </Card>
        )}
        {allowed.invite && (
          <Card className={styles.card}>
            <Title3 as="h2">Invite link</Title3>
            <InviteLinkPanel
              key={group.id}
              groupId={group.id}
              organisationName={organisation?.displayName ?? null}
            />
          </Card>
        )}
        {allowed.announce && (
          <Card className={styles.card}>
            <Title3 as="h2">Announcements</Title3>
            <AnnouncementsPanel
              key={group.id}
              choices={[
                { label: group.name, audience: { kind: 'group', groupId: group.id } },
                {
                  label: `${group.name} and its sub-groups`,
                  audience: { kind: 'group-tree', groupId: group.id },
                },
              ]}
              groupIds={[group.id]}
              organisationIds={[]}
            />
          </Card>
        )}
        {allowed['print-slips'] && (
          <Card className={styles.card}>
            <Title3 as="h2">Onboarding slips</Title3>
            <Text>
              One slip per person for the activation desk: their name, their sign-in name, the last two digits
              of their phone, and QR codes to get Teams and to join this group. Eight to an A4 page.
            </Text>
            <PrintSlipsButton groupId={group.id} />
          </Card>
        )}
        <Card className={styles.card}>
          <Title3 as="h2">Champs</Title3>
          <ChampsPanel
            groupId={group.id}
            champs={champs}
            members={members.members}
            mayAssign={allowed['assign-champs']}
            onChanged={refresh}
          />
        </Card>
        <Button appearance="subtle" onClick={refresh}>
          Refresh
        </Button>
      </div>
    </>
  );
}
