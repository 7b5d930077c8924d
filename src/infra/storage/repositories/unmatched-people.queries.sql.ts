import { type Kysely, sql } from 'kysely';
import type { MembershipSource } from '../../../domain/memberships/membership';
import type { DirectoryOutcome } from '../../../domain/people/person';
import type {
  FirstMembership,
  UnmatchedPeopleCriteria,
  UnmatchedPersonRow,
} from '../../../domain/unmatched-people/unmatched-people';
import type { UnmatchedPeopleQueries } from '../../../domain/unmatched-people/unmatched-people.queries';
import type { Database } from '../schema';
import { inLists } from './in-lists';
import { personMatches } from './person-search.sql';

export class SqlUnmatchedPeopleQueries implements UnmatchedPeopleQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async page(
    criteria: UnmatchedPeopleCriteria,
    after: string | null,
    limit: number,
  ): Promise<UnmatchedPersonRow[]> {
    const rows = await this.matching(criteria)
      .selectAll('p')
      .$if(after !== null, (q) => q.where('p.id', '>', after!))
      .orderBy('p.id')
      .limit(limit)
      .execute();
    return rows.map(toRow);
  }

  async count(criteria: UnmatchedPeopleCriteria): Promise<number> {
    const row = await this.matching(criteria)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async matchingIds(
    criteria: UnmatchedPeopleCriteria,
    personIds: readonly string[],
  ): Promise<UnmatchedPersonRow[]> {
    const rows: UnmatchedPersonRow[] = [];
    for (const part of inLists([...personIds])) {
      const found = await this.matching(criteria)
        .selectAll('p')
        .where('p.id', 'in', part)
        .orderBy('p.id')
        .execute();
      rows.push(...found.map(toRow));
    }
    return rows;
  }

  async firstMemberships(organisationId: string, personIds: readonly string[]): Promise<FirstMembership[]> {
    if (personIds.length === 0) return [];
    const ranked = this.db
      .selectFrom('memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select([
        'm.person_id as personId',
        'm.created_at as createdAt',
        'm.source as source',
        'm.invited_by as invitedBy',
        sql<number>`row_number() over (partition by m.person_id order by m.created_at, m.group_id)`.as(
          'rank',
        ),
      ])
      .where('g.organisation_id', '=', organisationId)
      .where('m.person_id', 'in', [...personIds]);
    const rows = await this.db
      .selectFrom(ranked.as('r'))
      .leftJoin('people as adder', 'adder.id', 'r.invitedBy')
      .select(['r.personId', 'r.createdAt', 'r.source', 'r.invitedBy', 'adder.display_name', 'adder.phone'])
      .where('r.rank', '=', 1)
      .execute();
    return rows.map((row) => ({
      personId: row.personId,
      createdAt: row.createdAt,
      source: row.source as MembershipSource,
      addedBy: row.invitedBy
        ? { personId: row.invitedBy, name: row.display_name ?? row.phone ?? 'Someone' }
        : null,
    }));
  }

  async recordLookup(personIds: readonly string[], outcome: DirectoryOutcome, at: string): Promise<void> {
    for (const part of inLists([...personIds])) {
      await this.db
        .updateTable('people')
        .set({ directory_checked_at: at, directory_outcome: outcome })
        .where('id', 'in', part)
        .where('aad_object_id', 'is', null)
        .execute();
    }
  }

  /**
   * People with a phone and no linked account in at least one of the organisation's groups (any
   * membership state), narrowed by the criteria.
   */
  private matching(c: UnmatchedPeopleCriteria) {
    return this.db
      .selectFrom('people as p')
      .where('p.aad_object_id', 'is', null)
      .where('p.phone', 'is not', null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('memberships as m')
            .innerJoin('groups as g', 'g.id', 'm.group_id')
            .select('m.person_id')
            .whereRef('m.person_id', '=', 'p.id')
            .where('g.organisation_id', '=', c.organisationId)
            .$if(c.groupId !== null, (q) => q.where('m.group_id', '=', c.groupId!)),
        ),
      )
      .$if(c.region !== null, (q) => q.where('p.phone_region', '=', c.region))
      .$if(c.text !== null, (q) => q.where((eb) => personMatches(eb, { ...c, text: c.text! }, 'p')));
  }
}

const toRow = (row: {
  id: string;
  phone: string | null;
  display_name: string | null;
  email: string | null;
  employee_id: string | null;
  created_at: string;
  directory_checked_at: string | null;
  directory_outcome: string | null;
}): UnmatchedPersonRow => ({
  id: row.id,
  phone: row.phone!,
  displayName: row.display_name,
  email: row.email,
  employeeId: row.employee_id,
  createdAt: row.created_at,
  directoryCheckedAt: row.directory_checked_at,
  directoryOutcome: row.directory_outcome as DirectoryOutcome | null,
});
