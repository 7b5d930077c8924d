import type { Repositories } from '../shared/unit-of-work.port';
import { accountStateOf } from './account-state';
import { GROUPS_PER_USER_SHOWN, type UserRow, type UsersScope, type UserView } from './users';

/** A page's people as the list shows them: each with their first groups in the scope and the count. */
export async function describeUsers(
  repos: Repositories,
  scope: UsersScope,
  rows: UserRow[],
): Promise<UserView[]> {
  const groups = new Map(
    (
      await repos.users.groupsOf(
        scope,
        rows.map((row) => row.id),
        GROUPS_PER_USER_SHOWN,
      )
    ).map((g) => [g.personId, g]),
  );
  return rows.map((row) => ({
    personId: row.id,
    displayName: row.displayName,
    phone: row.phone,
    email: row.email,
    employeeId: row.employeeId,
    userPrincipalName: row.userPrincipalName,
    account: accountStateOf(row, scope.organisationTenantId),
    groups: groups.get(row.id)?.groups ?? [],
    groupCount: groups.get(row.id)?.total ?? 0,
  }));
}
