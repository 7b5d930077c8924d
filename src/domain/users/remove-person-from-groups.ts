import type { Actor } from '../access/actor';
import { removeMember } from '../memberships/remove-member';
import type { DomainContext } from '../shared/unit-of-work.port';
import { refused } from './add-person-to-groups';
import { type GroupChangeOutcome, MAX_GROUPS_ON_PERSON_PAGE } from './users';
import { usersScopeOf } from './users-scope';
import { findPersonInScope } from './view-person';

/**
 * Removes a person from every group of theirs the viewer can see (a champ: the groups they steward).
 * Each group goes through `removeMember`, the one rule for removals: its own rights check and the
 * last-admin rule, so a group whose only admin this person is keeps them, and says so in its answer,
 * while the other groups let them go.
 */
export async function removePersonFromAllGroups(
  ctx: DomainContext,
  personId: string,
  actor: Actor,
): Promise<GroupChangeOutcome[]> {
  const groupIds = await ctx.uow.run(async (repos) => {
    const scope = await usersScopeOf(repos, actor);
    const person = await findPersonInScope(repos, scope, personId);
    const rows = await repos.users.membershipsOf(scope, person.id, MAX_GROUPS_ON_PERSON_PAGE);
    return rows.map((row) => row.groupId);
  });
  const outcomes: GroupChangeOutcome[] = [];
  for (const groupId of groupIds) {
    try {
      await removeMember(ctx, { groupId, member: { personId } }, actor);
      outcomes.push({ groupId, outcome: 'removed' });
    } catch (error) {
      outcomes.push(refused(groupId, error));
    }
  }
  return outcomes;
}
