import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { MemberView } from './membership.repository';

/** The members of a group, for anyone who may see the group. */
export function listMembers(ctx: DomainContext, groupId: string, actor: Actor): Promise<MemberView[]> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'view', group.name);
    return repos.memberships.listByGroup(group.id);
  });
}
