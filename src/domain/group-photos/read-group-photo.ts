import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { GroupPhoto } from './group-photo';

/** The group's photo for someone who may see the group. */
export async function readGroupPhoto(
  ctx: DomainContext,
  groupId: string,
  actor: Actor,
): Promise<GroupPhoto | undefined> {
  return ctx.uow.read(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'view', group.name);
    return repos.groupPhotos.find(group.id);
  });
}
