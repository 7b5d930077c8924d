import type { Actor } from '../access/actor';
import { requireOrgAdminOf } from '../organisations/require-org-admin';
import type { DomainContext } from '../shared/unit-of-work.port';
import { csvLine } from '../uploads/error-report';
import { describeUnmatchedPeople } from './describe-unmatched-people';
import type { UnmatchedPeopleFilter, UnmatchedPersonView } from './unmatched-people';
import { UnmatchedPeopleOrgAdminsOnly } from './unmatched-people.errors';
import { unmatchedPeopleCriteria } from './unmatched-people-criteria';

const PAGE = 500;

const header = [
  'Name',
  'Phone Number',
  'Region',
  'Email',
  'Employee ID',
  'Groups',
  'Group count',
  'Added by',
  'Added through',
  'Since',
  'Last lookup',
  'Last lookup outcome',
];

const cells = (p: UnmatchedPersonView): string[] => [
  p.displayName ?? '',
  p.phone,
  p.region ?? '',
  p.email ?? '',
  p.employeeId ?? '',
  [...p.groups.map((g) => g.name), ...(p.groupCount > p.groups.length ? ['…'] : [])].join('; '),
  String(p.groupCount),
  p.addedBy?.name ?? '',
  p.addedThrough ?? '',
  p.since,
  p.lastLookup?.at ?? '',
  p.lastLookup?.outcome ?? '',
];

/**
 * The filtered list as CSV (UTF-8 with a BOM, so Excel reads it right), streamed a page at a time:
 * each page is its own short read, so a long download never holds a transaction open. Every cell is
 * made safe to open in a spreadsheet (a name typed as "=HYPERLINK(…)" stays text).
 */
export async function exportUnmatchedPeople(
  ctx: DomainContext,
  filter: UnmatchedPeopleFilter,
  actor: Actor,
): Promise<AsyncIterable<string>> {
  const criteria = await ctx.uow.run(async (repos) =>
    unmatchedPeopleCriteria(
      await requireOrgAdminOf(repos, actor, () => new UnmatchedPeopleOrgAdminsOnly()),
      filter,
    ),
  );
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(header)}`;
    let after: string | null = null;
    while (true) {
      const people = await ctx.uow.run(async (repos) => {
        const rows = await repos.unmatchedPeople.page(criteria, after, PAGE);
        return describeUnmatchedPeople(repos, criteria.organisationId, rows);
      });
      for (const person of people) yield csvLine(cells(person));
      if (people.length < PAGE) return;
      after = people[people.length - 1]!.personId;
    }
  }
  return lines();
}
