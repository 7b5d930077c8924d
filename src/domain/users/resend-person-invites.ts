import type { Actor } from '../access/actor';
import { resendCardInvite } from '../invites/resend-card-invite';
import type { DomainContext } from '../shared/unit-of-work.port';
import { refused } from './add-person-to-groups';
import { type GroupChangeOutcome, MAX_GROUPS_ON_PERSON_PAGE, MAX_GROUPS_PER_CHANGE } from './users';
import { TooManyGroupsChosen } from './users.errors';
import { usersScopeOf } from './users-scope';
import { findPersonInScope } from './view-person';

/**
 * Sends a person's invite cards again: for the groups named, or for every group of theirs the viewer
 * can see where they have not joined yet. Each goes through `resendCardInvite` (its rights check, a
 * declined invitation opened again, the audit entry); a group where they already joined needs nothing.
 */
export async function resendPersonInvites(
  ctx: DomainContext,
  input: { personId: string; groupIds?: string[] },
  actor: Actor,
): Promise<GroupChangeOutcome[]> {
  const named = input.groupIds ? new Set(input.groupIds) : null;
  if (named && named.size > MAX_GROUPS_PER_CHANGE)
    throw new TooManyGroupsChosen(named.size, MAX_GROUPS_PER_CHANGE);
  const rows = await ctx.uow.run(async (repos) => {
    const scope = await usersScopeOf(repos, actor);
    const person = await findPersonInScope(repos, scope, input.personId);
    return repos.users.membershipsOf(scope, person.id, MAX_GROUPS_ON_PERSON_PAGE);
  });
  const outcomes: GroupChangeOutcome[] = [];
  for (const row of rows) {
    if (named && !named.has(row.groupId)) continue;
    if (row.state === 'joined' || row.cardInvite === null) {
      if (named) outcomes.push({ groupId: row.groupId, outcome: 'not-needed' });
      continue;
    }
    try {
      const { queued } = await resendCardInvite(
        ctx,
        { groupId: row.groupId, inviteId: row.cardInvite.id },
        actor,
      );
      outcomes.push({ groupId: row.groupId, outcome: queued ? 'resent' : 'not-needed' });
    } catch (error) {
      outcomes.push(refused(row.groupId, error));
    }
  }
  return outcomes;
}
