import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { GroupNotFound } from '../groups/group.errors';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Audience } from './announcement';
import { OrganisationAnnouncementForbidden } from './announcement.errors';

/**
 * Refuses unless the actor may send to this audience, checked afresh on every call: a group (or a group
 * and its sub-groups) needs the `announce` permission on that group (its admins, its champs, the
 * organisation's admins); the whole organisation needs an org admin. Returns the organisation the
 * announcement belongs to (null for a personal group).
 */
export async function assertMayAnnounce(
  repos: Repositories,
  actor: Actor,
  audience: Audience,
): Promise<{ organisationId: string | null; groupName: string | null }> {
  if (audience.kind === 'organisation') {
    if (!(await repos.roles.isOrgAdmin(audience.organisationId, actor.personId)))
      throw new OrganisationAnnouncementForbidden();
    return { organisationId: audience.organisationId, groupName: null };
  }
  const group = await repos.groups.findById(audience.groupId);
  if (!group) throw new GroupNotFound(audience.groupId);
  assertMay(await relationsTo(repos, actor, group), 'announce', group.name);
  return { organisationId: group.organisationId, groupName: group.name };
}
