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
import { useIntl } from 'react-intl';
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
import { ErrorState, memberCountLabel, useErrorText } from '../components/states';
import { TeamPanel } from '../components/team-panel';
import { useT } from '../i18n/use-t';

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
  const t = useT();
  const intl = useIntl();
  const errorText = useErrorText();
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
  if (!detail.data) return <Spinner label={t('tab-groups.group.loading')} />;
  const { group, allowed, organisation, champs } = detail.data;
  const parent = portal.data?.groups.find((g) => g.id === group.parentId);

  return (
    <>
      <Link onClick={() => navigate('/groups')}>{t('tab-groups.group.back')}</Link>
      <div className={styles.head}>
        <GroupPhoto groupId={group.id} etag={detail.data.photoEtag} name={group.name} size={40} />
        <Title2 as="h1">{group.name}</Title2>
        {organisation ? (
          <Badge color="success">
            {t('tab-groups.group.belongsTo', { organisation: organisation.displayName })}
          </Badge>
        ) : (
          <Badge color="warning">{t('tab-groups.group.personal')}</Badge>
        )}
        <Badge appearance="outline">{memberCountLabel(detail.data.memberCount, intl)}</Badge>
      </div>
      <div className={styles.grid}>
        <Card className={styles.card}>
          <Title3 as="h2">{t('tab-groups.photo')}</Title3>
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
          <Title3 as="h2">{t('tab-groups.group.teams')}</Title3>
          <TeamPanel detail={detail.data} onChanged={detail.reload} />
        </Card>
        {allowed['arrange-hierarchy'] && portal.data && (
          <Card className={styles.card}>
            <Title3 as="h2">{t('tab-groups.group.hierarchy')}</Title3>
            <Text>
              {parent
                ? t('tab-groups.group.parent', { parent: parent.name })
                : t('tab-groups.group.parent.none')}
            </Text>
            <Select
              className={fitted.select}
              select={{ className: fitted.select }}
              aria-label={t('tab-groups.group.moveUnder')}
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
              <option value="">{t('tab-groups.noParent')}</option>
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
            <Title3 as="h2">{t('tab-groups.addUsers')}</Title3>
            <AddUsersPanel
              groupId={group.id}
              defaultRegion={organisation?.defaultRegion ?? me.data?.organisation?.defaultRegion ?? 'US'}
              onAdded={refresh}
            />
          </Card>
        )}
        {allowed['manage-members'] && (
          <Card className={styles.card}>
            <Title3 as="h2">{t('tab-groups.group.requests')}</Title3>
            <JoinRequestsPanel key={group.id} groupId={group.id} onDecided={refresh} />
          </Card>
        )}
        <Card className={styles.card}>
          <Title3 as="h2">{t('tab-groups.members')}</Title3>
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
          {members.loading && <Spinner size="tiny" label={t('tab-groups.group.loadingMembers')} />}
          {members.hasMore && !members.loading && (
            <Button appearance="secondary" className={styles.more} onClick={members.more}>
              {t('tab-groups.group.showMore', { shown: members.members.length, total: members.total ?? 0 })}
            </Button>
          )}
        </Card>
        {allowed.invite && (
          <Card className={styles.card}>
            <Title3 as="h2">{t('tab-groups.cardInvites')}</Title3>
            <CardInvitesPanel key={changes} groupId={group.id} />
          </Card>
        )}
        {allowed.invite && (
          <Card className={styles.card}>
            <Title3 as="h2">{t('tab-groups.invite.link')}</Title3>
            <InviteLinkPanel
              key={group.id}
              groupId={group.id}
              organisationName={organisation?.displayName ?? null}
            />
          </Card>
        )}
        {allowed.announce && (
          <Card className={styles.card}>
            <Title3 as="h2">{t('tab-groups.group.announcements')}</Title3>
            <AnnouncementsPanel
              key={group.id}
              choices={[
                { label: group.name, audience: { kind: 'group', groupId: group.id } },
                {
                  label: t('tab-groups.group.withSubGroups', { group: group.name }),
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
            <Title3 as="h2">{t('tab-groups.group.slips')}</Title3>
            <Text>{t('tab-groups.group.slips.text')}</Text>
            <PrintSlipsButton groupId={group.id} />
          </Card>
        )}
        <Card className={styles.card}>
          <Title3 as="h2">{t('tab-groups.group.champs')}</Title3>
          <ChampsPanel
            groupId={group.id}
            champs={champs}
            members={members.members}
            mayAssign={allowed['assign-champs']}
            onChanged={refresh}
          />
        </Card>
        <Button appearance="subtle" onClick={refresh}>
          {t('tab-common.refresh')}
        </Button>
      </div>
    </>
  );
}
