import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import { describeUsers } from './describe-users';
import { MAX_USERS_PAGE_SIZE, type UsersFilter, type UsersPage } from './users';
import { usersCriteria } from './users-criteria';
import { scopeName, usersScopeOf } from './users-scope';

/**
 * The Users list: everyone in the groups the viewer may see, found by name, phone number in any format,
 * e-mail address or employee id, a page at a time after the cursor (the last person of the previous
 * page), with the total.
 */
export function listUsers(
  ctx: DomainContext,
  input: { filter: UsersFilter; after?: string | null; limit: number },
  actor: Actor,
): Promise<UsersPage> {
  const limit = Math.min(Math.max(1, Math.floor(input.limit)), MAX_USERS_PAGE_SIZE);
  return ctx.uow.run(async (repos) => {
    const scope = await usersScopeOf(repos, actor);
    const criteria = usersCriteria(scope, input.filter);
    // One more than asked says whether another page follows.
    const rows = await repos.users.page(criteria, input.after ?? null, limit + 1);
    const shown = rows.slice(0, limit);
    return {
      users: await describeUsers(repos, scope, shown),
      total: await repos.users.count(criteria),
      nextCursor: rows.length > limit ? shown[shown.length - 1]!.id : null,
      scope: scopeName(scope),
    };
  });
}
