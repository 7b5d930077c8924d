import type { Actor } from '../access/actor';
import { assertMay } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import type { DomainContext } from '../shared/unit-of-work.port';
import type { MemberView } from './membership.repository';

/** A member as lists show them. */
export interface ListedMember extends MemberView {
  /** Signed in with an account of another tenant than the organisation that owns the group. */
  external: boolean;
}

/** The members of a group, for anyone who may see the group. */
export function listMembers(ctx: DomainContext, groupId: string, actor: Actor): Promise<ListedMember[]> {
  return ctx.uow.run(async (repos) => {
    const group = await loadGroup(repos, groupId);
    assertMay(await relationsTo(repos, actor, group), 'view', group.name);
    const organisation = group.organisationId
      ? await repos.organisations.findById(group.organisationId)
      : undefined;
    const members = await repos.memberships.listByGroup(group.id);
    return members.map((member) => ({
      ...member,
      external: isExternal(member.person.tenantId, organisation?.tenantId),
    }));
  });
}

/** Only an organisation's group has outsiders; a person known by phone alone is not one. */
export const isExternal = (
  personTenantId: string | null,
  organisationTenantId: string | undefined,
): boolean =>
  organisationTenantId !== undefined && personTenantId !== null && personTenantId !== organisationTenantId;
