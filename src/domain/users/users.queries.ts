import type { PersonMembershipRow, UserGroups, UserRow, UsersCriteria, UsersScope } from './users';

/** Reads of the people in the groups a viewer may see (org admins: the organisation's; champs: theirs). */
export interface UserQueries {
  /** The next `limit` matching people after the person id `after` (ids are time-ordered), by id. */
  page(criteria: UsersCriteria, after: string | null, limit: number): Promise<UserRow[]>;
  count(criteria: UsersCriteria): Promise<number>;
  /** Each person's groups in the scope: the first `shown` by name, and the count. */
  /** Each person's first `shown` groups in the scope by name, with their count (two people or two hundred: one read). */
  groupsOf(
    scope: Pick<UsersScope, 'organisationId' | 'champId'>,
    personIds: readonly string[],
    shown: number,
  ): Promise<UserGroups[]>;
  /** The person, if they belong (in any invitation state) to at least one group in the scope. */
  findInScope(scope: UsersScope, personId: string): Promise<UserRow | undefined>;
  /** The person's memberships in the scope by group name (at most `limit`), each with its card invite. */
  membershipsOf(scope: UsersScope, personId: string, limit: number): Promise<PersonMembershipRow[]>;
  countMemberships(scope: UsersScope, personId: string): Promise<number>;
}
