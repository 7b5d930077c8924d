import type { Actor } from '../access/actor';
import { relationsTo } from '../access/relations';
import type { DomainContext, Repositories } from '../shared/unit-of-work.port';
import { GroupNameAmbiguous, GroupNameRequired } from './find-my-group.errors';
import { type Group, groupNameKey, groupScopeKey } from './group';
import { GroupNotFound } from './group.errors';
import type { GroupSummary } from './group.repository';

export interface FindMyGroupInput {
  /** The name as typed (any case); null when the person left it out. */
  name: string | null;
  /** Groups the person worked with lately, newest first: the default when no name is given. */
  recentGroupIds?: readonly string[];
}

/**
 * Finds the group a person means by name, as the bot needs it: among the groups they belong to, and
 * the organisation's groups they steward as champ or org admin. Without a name, the group they used
 * last, or their only group. Whether they may act on it is still the next use case's decision.
 */
export function findMyGroup(ctx: DomainContext, input: FindMyGroupInput, actor: Actor): Promise<Group> {
  return ctx.uow.run(async (repos) => {
    const mine = await repos.groups.listForPerson(actor.personId);
    if (input.name === null) {
      const recent = input.recentGroupIds?.find((id) => mine.some((group) => group.id === id));
      const only = mine.length === 1 ? mine[0] : undefined;
      const chosen = mine.find((group) => group.id === recent) ?? only;
      if (!chosen) throw new GroupNameRequired(mine.map((group) => group.name));
      return stripSummary(chosen);
    }
    const key = groupNameKey(input.name.trim());
    const matches: Group[] = mine.filter((group) => groupNameKey(group.name) === key).map(stripSummary);
    const stewarded = await stewardedGroupNamed(repos, actor, input.name);
    if (stewarded && !matches.some((group) => group.id === stewarded.id)) matches.push(stewarded);
    if (matches.length === 0) throw new GroupNotFound(input.name.trim());
    if (matches.length > 1) {
      throw new GroupNameAmbiguous(
        matches[0]!.name,
        matches.map((group) => (group.organisationId ? 'in your organisation' : 'personal')),
      );
    }
    return matches[0]!;
  });
}

/** The organisation group of that name, if the actor's tenant has one and they hold a role in it. */
async function stewardedGroupNamed(
  repos: Repositories,
  actor: Actor,
  name: string,
): Promise<Group | undefined> {
  if (!actor.tenantId) return undefined;
  const organisation = await repos.organisations.findByTenantId(actor.tenantId);
  if (!organisation) return undefined;
  const group = await repos.groups.findByName(
    groupScopeKey({ organisationId: organisation.id, createdBy: actor.personId }),
    name.trim(),
  );
  if (!group) return undefined;
  return (await relationsTo(repos, actor, group)).size > 0 ? group : undefined;
}

const stripSummary = ({ role: _role, memberCount: _count, ...group }: GroupSummary): Group => group;
