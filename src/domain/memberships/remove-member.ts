import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import { type MemberRef, resolveMember } from './member-ref';
import { LastAdmin } from './membership.errors';

/** Removes someone from a group. Anyone may leave; removing others needs the rights to manage them. */
export async function removeMember(
  ctx: DomainContext,
  input: { groupId: string; member: MemberRef },
  actor: Actor,
): Promise<void> {
  await ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    const relations = await relationsTo(repos, actor, group);
    // Someone with no relation to the group (not even a declined invitation) learns nothing about it.
    if (relations.size === 0 && !(await repos.memberships.find(group.id, actor.personId))) {
      assertMay(relations, 'manage-members', group.name);
    }
    const membership = await resolveMember(repos, group, input.member);
    if (membership.personId !== actor.personId) {
      assertMay(relations, membership.role === 'admin' ? 'manage-admins' : 'manage-members', group.name);
    }
    if (membership.role !== 'admin') await repos.memberships.remove(group.id, membership.personId);
    else if (!(await repos.memberships.removeAdmin(group.id, membership.personId))) {
      // A conditional write: two admins leaving at once cannot leave the group without one.
      throw new LastAdmin(group.name);
    }
    await repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'member.removed', group.id, {
        personId: membership.personId,
      }),
    );
  });
}
