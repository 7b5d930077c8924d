import { Spinner, Title2 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { ManagedGroups } from '../api/types';
import { useApi } from '../api/use-api';
import { useMe } from '../api/use-me';
import { AnnouncementsPanel } from '../components/announcements-panel';
import type { AudienceChoice } from '../components/compose-announcement-panel';
import { ErrorState } from '../components/states';

/** Announcements across the groups the person manages (and the whole organisation, for org admins). */
export default function AnnouncementsPage() {
  const me = useMe();
  const intl = useIntl();
  const groups = useApi<ManagedGroups>('/api/v1/portal/groups');
  if (groups.error !== undefined) return <ErrorState error={groups.error} onRetry={groups.reload} />;
  if (!groups.data || !me.data)
    return <Spinner label={intl.formatMessage({ id: 'tab-announcements.page.loading' })} />;
  const organisation = me.data.isOrgAdmin ? me.data.organisation : null;
  const choices: AudienceChoice[] = [
    ...(organisation
      ? [
          {
            label: intl.formatMessage(
              { id: 'tab-announcements.page.wholeOrganisation' },
              { organisation: organisation.displayName },
            ),
            audience: { kind: 'organisation' as const, organisationId: organisation.id },
          },
        ]
      : []),
    ...groups.data.groups.flatMap((g) => [
      { label: g.name, audience: { kind: 'group' as const, groupId: g.id } },
      {
        label: intl.formatMessage({ id: 'tab-announcements.page.groupTree' }, { group: g.name }),
        audience: { kind: 'group-tree' as const, groupId: g.id },
      },
    ]),
  ];
  return (
    <>
      <Title2 as="h1">{intl.formatMessage({ id: 'tab-announcements.page.title' })}</Title2>
      <AnnouncementsPanel
        choices={choices}
        groupIds={groups.data.groups.map((g) => g.id)}
        organisationIds={organisation ? [organisation.id] : []}
      />
    </>
  );
}
