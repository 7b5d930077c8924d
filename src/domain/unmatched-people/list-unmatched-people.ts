import type { Actor } from '../access/actor';
import { requireOrgAdminOf } from '../organisations/require-org-admin';
import type { DomainContext } from '../shared/unit-of-work.port';
import { describeUnmatchedPeople } from './describe-unmatched-people';
import { MAX_PAGE_SIZE, type UnmatchedPeopleFilter, type UnmatchedPeoplePage } from './unmatched-people';
import { UnmatchedPeopleOrgAdminsOnly } from './unmatched-people.errors';
import { unmatchedPeopleCriteria } from './unmatched-people-criteria';

/**
 * People without an account, for an org admin: everyone their organisation's groups hold by phone
 * alone, a page at a time after the cursor (the last person of the previous page), with the total.
 */
export function listUnmatchedPeople(
  ctx: DomainContext,
  input: { filter: UnmatchedPeopleFilter; after?: string | null; limit: number },
  actor: Actor,
): Promise<UnmatchedPeoplePage> {
  const limit = Math.min(Math.max(1, Math.floor(input.limit)), MAX_PAGE_SIZE);
  return ctx.uow.run(async (repos) => {
    const organisation = await requireOrgAdminOf(repos, actor, () => new UnmatchedPeopleOrgAdminsOnly());
    const criteria = unmatchedPeopleCriteria(organisation, input.filter);
    // One more than asked says whether another page follows without a second count.
    const rows = await repos.unmatchedPeople.page(criteria, input.after ?? null, limit + 1);
    const shown = rows.slice(0, limit);
    return {
      people: await describeUnmatchedPeople(repos, organisation.id, shown),
      total: await repos.unmatchedPeople.count(criteria),
      nextCursor: rows.length > limit ? shown[shown.length - 1]!.id : null,
    };
  });
}
