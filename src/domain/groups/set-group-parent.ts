import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { Group } from './group';
import { assertMayAttach } from './hierarchy';
import { loadGroup } from './load-group';

/** Moves a group under another one (or to the top with `parentId: null`) inside its organisation. */
export async function setGroupParent(
  ctx: DomainContext,
  input: { groupId: string; parentId: string | null },
  actor: Actor,
): Promise<Group> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'arrange-hierarchy', group.name);
    if (input.parentId) {
      const parent = await loadGroup(repos, input.parentId);
      // A parent from another organisation is refused without its name (nothing is told about it).
      const toParent = await relationsTo(repos, actor, parent);
      if (toParent.size === 0) assertMay(toParent, 'arrange-hierarchy', parent.name);
      assertMayAttach(group, parent, await repos.groups.ancestors(parent.id));
    }
    if (group.parentId === input.parentId) return group;
    await repos.groups.setParent(group.id, input.parentId);
    await repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'group.parent-set', group.id, {
        from: group.parentId,
        to: input.parentId,
      }),
    );
    return { ...group, parentId: input.parentId };
  });
}
