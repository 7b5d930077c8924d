import type { Actor } from '../access/actor';
import { assertMay, NotAllowed } from '../access/permissions';
import { relationsTo } from '../access/relations';
import { loadGroup } from '../groups/load-group';
import { admitToGroup } from '../memberships/admit-to-group';
import type { Role } from '../memberships/membership';
import { DomainError } from '../shared/domain-error';
import type { DomainContext } from '../shared/unit-of-work.port';
import { type GroupChangeOutcome, MAX_GROUPS_PER_CHANGE } from './users';
import { TooManyGroupsChosen } from './users.errors';
import { usersScopeOf } from './users-scope';
import { findPersonInScope } from './view-person';

/**
 * Adds a person the viewer can see to more groups, each with the role asked for. Every group is its own
 * transaction and its own answer: the rights are checked in each (a champ adds only to groups they
 * steward, nobody but admins adds admins), someone already there is left as they are, and each new
 * membership gets its invite card and its place in the group's team, as when added by phone.
 */
export async function addPersonToGroups(
  ctx: DomainContext,
  input: { personId: string; groupIds: string[]; role: Role },
  actor: Actor,
): Promise<GroupChangeOutcome[]> {
  const groupIds = [...new Set(input.groupIds)];
  if (groupIds.length > MAX_GROUPS_PER_CHANGE)
    throw new TooManyGroupsChosen(groupIds.length, MAX_GROUPS_PER_CHANGE);
  const scope = await ctx.uow.run(async (repos) => {
    const scope = await usersScopeOf(repos, actor);
    await findPersonInScope(repos, scope, input.personId);
    return scope;
  });
  const outcomes: GroupChangeOutcome[] = [];
  for (const groupId of groupIds) {
    try {
      outcomes.push(
        await ctx.uow.run(async (repos): Promise<GroupChangeOutcome> => {
          const group = await loadGroup(repos, groupId);
          // Only the organisation's groups: a person page is about the organisation's people.
          if (group.organisationId !== scope.organisationId) throw new NotAllowed('manage-members', null);
          const action = input.role === 'admin' ? 'manage-admins' : 'manage-members';
          assertMay(await relationsTo(repos, actor, group), action, group.name);
          if (await repos.memberships.find(group.id, input.personId))
            return { groupId, outcome: 'already-member' };
          const now = ctx.clock.now();
          const at = now.toISOString();
          await admitToGroup(
            repos,
            {
              group,
              memberships: [
                {
                  groupId: group.id,
                  personId: input.personId,
                  role: input.role,
                  source: 'manual',
                  state: 'invited',
                  invitedBy: actor.personId,
                  createdAt: at,
                  updatedAt: at,
                },
              ],
              now,
            },
            actor,
          );
          return { groupId, outcome: 'added' };
        }),
      );
    } catch (error) {
      outcomes.push(refused(groupId, error));
    }
  }
  return outcomes;
}

/** A group's refusal as its answer; anything that is not a rule's refusal is a real failure. */
export function refused(groupId: string, error: unknown): GroupChangeOutcome {
  if (!(error instanceof DomainError)) throw error;
  return { groupId, outcome: 'refused', code: error.code, reason: error.message };
}
