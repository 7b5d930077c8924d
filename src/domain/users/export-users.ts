import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import { csvLine } from '../uploads/error-report';
import { describeUsers } from './describe-users';
import type { UsersFilter, UserView } from './users';
import { usersCriteria } from './users-criteria';
import { usersScopeOf } from './users-scope';

const PAGE = 500;

const header = [
  'Name',
  'Phone Number',
  'Email',
  'Employee ID',
  'Sign-in name',
  'Account',
  'Groups',
  'Group count',
];

const accountWords = { matched: 'Matched', 'no-account': 'No account', external: 'External' } as const;

const cells = (u: UserView): string[] => [
  u.displayName ?? '',
  u.phone ?? '',
  u.email ?? '',
  u.employeeId ?? '',
  u.userPrincipalName ?? '',
  accountWords[u.account],
  [
    ...u.groups.map((g) => `${g.name} (${g.role}, ${g.state})`),
    ...(u.groupCount > u.groups.length ? ['…'] : []),
  ].join('; '),
  String(u.groupCount),
];

/**
 * The filtered Users list as CSV (UTF-8 with a BOM, for Excel), a page per short read so a long
 * download holds no transaction open; every cell made safe to open in a spreadsheet (`csvLine`). The
 * viewer's scope is decided once, before the first line.
 */
export async function exportUsers(
  ctx: DomainContext,
  filter: UsersFilter,
  actor: Actor,
): Promise<AsyncIterable<string>> {
  const criteria = await ctx.uow.run(async (repos) =>
    usersCriteria(await usersScopeOf(repos, actor), filter),
  );
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(header)}`;
    let after: string | null = null;
    while (true) {
      const users = await ctx.uow.run(async (repos) =>
        describeUsers(repos, criteria.scope, await repos.users.page(criteria, after, PAGE)),
      );
      for (const user of users) yield csvLine(cells(user));
      if (users.length < PAGE) return;
      after = users[users.length - 1]!.personId;
    }
  }
  return lines();
}
