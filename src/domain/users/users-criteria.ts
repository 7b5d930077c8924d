import { readPersonSearch } from '../people/person-search';
import {
  type AccountState,
  accountStates,
  type UsersCriteria,
  type UsersFilter,
  type UsersScope,
} from './users';
import { UsersFilterInvalid } from './users.errors';

/** Reads a viewer's filter for storage: the search as People without an account reads it, in their scope. */
export function usersCriteria(scope: UsersScope, filter: UsersFilter): UsersCriteria {
  const account = filter.account ?? null;
  if (account !== null && !accountStates.includes(account as AccountState))
    throw new UsersFilterInvalid('account', `use one of ${accountStates.join(', ')}`, {
      allowed: accountStates,
    });
  return {
    scope,
    ...readPersonSearch(
      filter.search,
      scope.defaultRegion,
      (max) => new UsersFilterInvalid('search', `at most ${max} characters`, { max }),
    ),
    groupId: filter.groupId?.trim() || null,
    account,
  };
}
