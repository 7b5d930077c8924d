import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { loadGroup } from '../groups/load-group';
import { requestMemberSync } from '../provisioning/provision-group.job';
import type { DomainContext } from '../shared/unit-of-work.port';
import { type MemberRef, resolveMember } from './member-ref';
import type { Role } from './membership';
import { LastAdmin } from './membership.errors';

/** Promotes a member to admin or demotes an admin; says whether anything changed. */
export async function changeMemberRole(
  ctx: DomainContext,
  input: { groupId: string; member: MemberRef; role: Role },
  actor: Actor,
): Promise<{ changed: boolean }> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, input.groupId);
    assertMay(await relationsTo(repos, actor, group), 'manage-admins', group.name);
    const membership = await resolveMember(repos, group, input.member);
    if (membership.role === input.role) return { changed: false };
    const now = ctx.clock.now();
    if (input.role === 'admin') {
      await repos.memberships.setRole(group.id, membership.personId, 'admin', now.toISOString());
    } else if (!(await repos.memberships.demoteAdmin(group.id, membership.personId, now.toISOString()))) {
      // A conditional write: two admins stepping down at once cannot leave the group without one.
      throw new LastAdmin(group.name);
    }
    await repos.audit.append(
      auditEntry(
        now,
        actor.personId,
        input.role === 'admin' ? 'member.promoted' : 'member.demoted',
        group.id,
        {
          personId: membership.personId,
        },
      ),
    );
    // A new admin becomes an owner of the organisation's team (a demoted one stays an owner there).
    if (input.role === 'admin') await requestMemberSync(repos, [group.id], now);
    return { changed: true };
  });
}
