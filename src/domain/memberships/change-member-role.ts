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
    if (membership.role === 'admin' && (await repos.memberships.countAdmins(group.id)) <= 1) {
      throw new LastAdmin(group.name);
    }
    const now = ctx.clock.now();
    await repos.memberships.setRole(group.id, membership.personId, input.role, now.toISOString());
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
