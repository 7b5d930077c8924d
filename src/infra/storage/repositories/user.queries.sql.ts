import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { CardInviteState } from '../../../domain/invites/card-invite';
import type { InvitationState, MembershipSource, Role } from '../../../domain/memberships/membership';
import type { DirectoryOutcome } from '../../../domain/people/person';
import type {
  PersonMembershipRow,
  UserGroups,
  UserRow,
  UsersCriteria,
  UsersScope,
} from '../../../domain/users/users';
import type { UserQueries } from '../../../domain/users/users.queries';
import type { Database } from '../schema';
import { personMatches } from './person-search.sql';

type InScope = SelectQueryBuilder<Database, 'memberships' | 'groups', object>;

/**
 * The memberships a scope can see: in the organisation's groups, and for a champ only in the groups
 * they steward (read from `champs` in the same statement, so a champ removed a moment ago sees nothing).
 */
function membershipsIn(db: Kysely<Database>, scope: Pick<UsersScope, 'organisationId' | 'champId'>): InScope {
  return db
    .selectFrom('memberships')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .where('groups.organisation_id', '=', scope.organisationId)
    .$if(scope.champId !== null, (q) =>
      q.where('memberships.group_id', 'in', (eb) =>
        eb.selectFrom('champs').select('champs.group_id').where('champs.person_id', '=', scope.champId!),
      ),
    ) as InScope;
}

const personColumns = [
  'p.id',
  'p.display_name',
  'p.phone',
  'p.email',
  'p.employee_id',
  'p.user_principal_name',
  'p.tenant_id',
  'p.aad_object_id',
  'p.directory_checked_at',
  'p.directory_outcome',
  'p.created_at',
] as const;

export class SqlUserQueries implements UserQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async page(criteria: UsersCriteria, after: string | null, limit: number): Promise<UserRow[]> {
    const rows = await this.matching(criteria)
      .select(personColumns)
      .$if(after !== null, (q) => q.where('p.id', '>', after!))
      .orderBy('p.id')
      .limit(limit)
      .execute();
    return rows.map(toRow);
  }

  async count(criteria: UsersCriteria): Promise<number> {
    const row = await this.matching(criteria)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async groupsOf(
    scope: Pick<UsersScope, 'organisationId' | 'champId'>,
    personIds: readonly string[],
    shown: number,
  ): Promise<UserGroups[]> {
    if (personIds.length === 0) return [];
    // A window per person: the first `shown` groups by name, each row also carrying the person's count.
    const ranked = membershipsIn(this.db, scope)
      .select([
        'memberships.person_id as personId',
        'groups.id as groupId',
        'groups.name as name',
        'memberships.role as role',
        'memberships.state as state',
        sql<number>`row_number() over (partition by memberships.person_id order by groups.name_key, groups.id)`.as(
          'rank',
        ),
        sql<number>`count(*) over (partition by memberships.person_id)`.as('total'),
      ])
      .where('memberships.person_id', 'in', [...personIds]);
    const rows = await this.db
      .selectFrom(ranked.as('r'))
      .selectAll('r')
      .where('r.rank', '<=', shown)
      .orderBy('r.personId')
      .orderBy('r.rank')
      .execute();
    const byPerson = new Map<string, UserGroups>();
    for (const row of rows) {
      const entry = byPerson.get(row.personId) ?? {
        personId: row.personId,
        groups: [],
        total: Number(row.total),
      };
      entry.groups.push({
        id: row.groupId,
        name: row.name,
        role: row.role as Role,
        state: row.state as InvitationState,
      });
      byPerson.set(row.personId, entry);
    }
    return [...byPerson.values()];
  }

  async findInScope(scope: UsersScope, personId: string): Promise<UserRow | undefined> {
    const row = await this.db
      .selectFrom('people as p')
      .select(personColumns)
      .where('p.id', '=', personId)
      .where(({ exists }) =>
        exists(
          membershipsIn(this.db, scope)
            .select('memberships.person_id')
            .where('memberships.person_id', '=', sql.ref<string>('p.id')),
        ),
      )
      .executeTakeFirst();
    return row && toRow(row);
  }

  async membershipsOf(scope: UsersScope, personId: string, limit: number): Promise<PersonMembershipRow[]> {
    const rows = await membershipsIn(this.db, scope)
      .leftJoin('people as adder', 'adder.id', 'memberships.invited_by')
      .leftJoin('card_invites as ci', (join) =>
        join
          .onRef('ci.group_id', '=', 'memberships.group_id')
          .onRef('ci.person_id', '=', 'memberships.person_id'),
      )
      .select([
        'groups.id as groupId',
        'groups.name as groupName',
        'memberships.role',
        'memberships.state',
        'memberships.source',
        'memberships.created_at as since',
        'adder.display_name as adderName',
        'adder.phone as adderPhone',
        'memberships.invited_by as invitedBy',
        'ci.id as inviteId',
        'ci.state as inviteState',
        'ci.attempts',
        'ci.failure_code',
        'ci.failure_reason',
        'ci.sent_at',
        'ci.updated_at as inviteUpdatedAt',
      ])
      .where('memberships.person_id', '=', personId)
      .orderBy('groups.name_key')
      .orderBy('groups.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      groupId: row.groupId,
      groupName: row.groupName,
      role: row.role as Role,
      state: row.state as InvitationState,
      source: row.source as MembershipSource,
      since: row.since,
      addedBy: row.invitedBy ? (row.adderName ?? row.adderPhone ?? 'Someone') : null,
      cardInvite: row.inviteId
        ? {
            id: row.inviteId,
            state: row.inviteState as CardInviteState,
            attempts: Number(row.attempts),
            failureCode: row.failure_code,
            failureReason: row.failure_reason,
            sentAt: row.sent_at,
            updatedAt: row.inviteUpdatedAt!,
          }
        : null,
    }));
  }

  async countMemberships(scope: UsersScope, personId: string): Promise<number> {
    const row = await membershipsIn(this.db, scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('memberships.person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** People with at least one membership (any state) in the scope, narrowed by the criteria. */
  private matching(c: UsersCriteria) {
    const tenant = c.scope.organisationTenantId;
    return this.db
      .selectFrom('people as p')
      .where(({ exists }) =>
        exists(
          membershipsIn(this.db, c.scope)
            .select('memberships.person_id')
            .where('memberships.person_id', '=', sql.ref<string>('p.id'))
            .$if(c.groupId !== null, (q) => q.where('memberships.group_id', '=', c.groupId!)),
        ),
      )
      .$if(c.account === 'no-account', (q) => q.where('p.aad_object_id', 'is', null))
      .$if(c.account === 'matched', (q) =>
        q
          .where('p.aad_object_id', 'is not', null)
          .where((eb) => eb.or([eb('p.tenant_id', 'is', null), eb('p.tenant_id', '=', tenant)])),
      )
      .$if(c.account === 'external', (q) =>
        q.where('p.aad_object_id', 'is not', null).where('p.tenant_id', '<>', tenant),
      )
      .$if(c.text !== null, (q) => q.where((eb) => personMatches(eb, { ...c, text: c.text! }, 'p')));
  }
}

const toRow = (row: {
  id: string;
  display_name: string | null;
  phone: string | null;
  email: string | null;
  employee_id: string | null;
  user_principal_name: string | null;
  tenant_id: string | null;
  aad_object_id: string | null;
  directory_checked_at: string | null;
  directory_outcome: string | null;
  created_at: string;
}): UserRow => ({
  id: row.id,
  displayName: row.display_name,
  phone: row.phone,
  email: row.email,
  employeeId: row.employee_id,
  userPrincipalName: row.user_principal_name,
  tenantId: row.tenant_id,
  aadObjectId: row.aad_object_id,
  directoryCheckedAt: row.directory_checked_at,
  directoryOutcome: row.directory_outcome as DirectoryOutcome | null,
  createdAt: row.created_at,
});
