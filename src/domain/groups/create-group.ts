import type { Actor } from '../access/actor';
import { assertMay, NotAllowed } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { auditEntry } from '../audit/audit-entry';
import { newId } from '../shared/ids';
import type { DomainContext } from '../shared/unit-of-work.port';
import { type Group, groupScopeKey, normaliseGroupName } from './group';
import { GroupNameTaken, GroupNotFound } from './group.errors';
import { assertMayAttach } from './hierarchy';

export interface CreateGroupInput {
  name: string;
  /** Set when an org admin creates the group inside their organisation (the portal). */
  organisationId?: string | null;
  parentId?: string | null;
}

/** Creates a group with the actor as its first admin. */
export async function createGroup(ctx: DomainContext, input: CreateGroupInput, actor: Actor): Promise<Group> {
  const name = normaliseGroupName(input.name);
  return ctx.uow.run(async (repos) => {
    const now = ctx.clock.now();
    const organisationId = input.organisationId ?? null;
    if (organisationId && !(await repos.roles.isOrgAdmin(organisationId, actor.personId))) {
      throw new NotAllowed('create-organisation-group', name);
    }
    const group: Group = {
      id: newId(),
      name,
      parentId: null,
      organisationId,
      createdBy: actor.personId,
      createdAt: now.toISOString(),
    };
    if (await repos.groups.findByName(groupScopeKey(group), name)) throw new GroupNameTaken(name);
    if (input.parentId) {
      const parent = await repos.groups.findById(input.parentId);
      if (!parent) throw new GroupNotFound(input.parentId);
      // A parent from another organisation is refused without its name (nothing is told about it).
      const toParent = await relationsTo(repos, actor, parent);
      if (toParent.size === 0) assertMay(toParent, 'arrange-hierarchy', parent.name);
      assertMayAttach(group, parent, await repos.groups.ancestors(parent.id));
      group.parentId = parent.id;
    }
    await repos.groups.insert(group);
    await repos.memberships.insert({
      groupId: group.id,
      personId: actor.personId,
      role: 'admin',
      source: 'creator',
      state: 'joined',
      invitedBy: null,
      createdAt: group.createdAt,
      updatedAt: group.createdAt,
    });
    await repos.audit.append(
      auditEntry(now, actor.personId, 'group.created', group.id, { name, organisationId }),
    );
    return group;
  });
}
