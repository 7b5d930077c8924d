import type { Group } from '../groups/group';
import type { Repositories } from '../shared/unit-of-work.port';
import type { Actor } from './actor';
import type { GroupRelation } from './permissions';

/** Looks up every relation the actor holds to the group. */
export async function relationsTo(
  repos: Repositories,
  actor: Actor,
  group: Group,
): Promise<Set<GroupRelation>> {
  const relations = new Set<GroupRelation>();
  const membership = await repos.memberships.find(group.id, actor.personId);
  if (membership && membership.state !== 'declined') {
    relations.add(membership.role === 'admin' ? 'group-admin' : 'member');
  }
  if (await repos.roles.isChamp(group.id, actor.personId)) relations.add('champ');
  if (group.organisationId && (await repos.roles.isOrgAdmin(group.organisationId, actor.personId))) {
    relations.add('org-admin');
  }
  return relations;
}
