import type { Actor } from '../access/actor';
import type { Repositories } from '../shared/unit-of-work.port';
import type { UsersScope } from './users';
import { UsersNotAllowed } from './users.errors';

/**
 * Whose people the actor may see, decided on the server at every request: an org admin of their
 * tenant's organisation sees its groups' people; a champ sees the people of the groups they steward
 * in that organisation; anyone else is refused, and learns nothing about anyone.
 */
export async function usersScopeOf(repos: Repositories, actor: Actor): Promise<UsersScope> {
  const organisation = actor.tenantId ? await repos.organisations.findByTenantId(actor.tenantId) : undefined;
  if (!organisation) throw new UsersNotAllowed();
  const scope = {
    organisationId: organisation.id,
    organisationTenantId: organisation.tenantId,
    defaultRegion: organisation.defaultRegion,
  };
  if (await repos.roles.isOrgAdmin(organisation.id, actor.personId)) return { ...scope, champId: null };
  if ((await repos.roles.listGroupsOfChamp(actor.personId)).length > 0)
    return { ...scope, champId: actor.personId };
  throw new UsersNotAllowed();
}

export const scopeName = (scope: UsersScope): 'organisation' | 'champ' =>
  scope.champId === null ? 'organisation' : 'champ';
