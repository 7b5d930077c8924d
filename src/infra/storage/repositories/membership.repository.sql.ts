import { type ExpressionBuilder, type Kysely, PostgresAdapter, type Selectable } from 'kysely';
import type {
  InvitationState,
  Membership,
  MembershipSource,
  Role,
} from '../../../domain/memberships/membership';
import type {
  MemberCursor,
  MembershipRepository,
  MemberView,
} from '../../../domain/memberships/membership.repository';
import type { Database, MembershipsTable, PeopleTable } from '../schema';
import { inLists } from './in-lists';
import { toPerson } from './person.repository.sql';

/** Row → entity; the bulk writes read memberships through it too. */
export const toMembership = (row: Selectable<MembershipsTable>): Membership => ({
  groupId: row.group_id,
  personId: row.person_id,
  role: row.role as Role,
  source: row.source as MembershipSource,
  state: row.state as InvitationState,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

type MemberRow = Selectable<MembershipsTable> &
  Omit<Selectable<PeopleTable>, 'id' | 'created_at' | 'phone_region' | 'locale'> & {
    person_created_at: string;
  };

const toMemberView = (row: MemberRow): MemberView => ({
  ...toMembership(row),
  person: toPerson({ ...row, id: row.person_id, created_at: row.person_created_at }),
});

/** True when the group has another admin besides the one being changed (for conditional writes). */
const moreThanOneAdmin = (groupId: string) => (eb: ExpressionBuilder<Database, 'memberships'>) =>
  eb(
    eb
      .selectFrom('memberships as admins')
      .select((inner) => inner.fn.countAll().as('n'))
      .where('admins.group_id', '=', groupId)
      .where('admins.role', '=', 'admin'),
    '>',
    1,
  );

export class SqlMembershipRepository implements MembershipRepository {
  private readonly postgres: boolean;
  constructor(private readonly db: Kysely<Database>) {
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async find(groupId: string, personId: string): Promise<Membership | undefined> {
    const row = await this.db
      .selectFrom('memberships')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row && toMembership(row);
  }

  async insert(m: Membership): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({
        group_id: m.groupId,
        person_id: m.personId,
        role: m.role,
        source: m.source,
        state: m.state,
        invited_by: m.invitedBy,
        created_at: m.createdAt,
        updated_at: m.updatedAt,
      })
      .execute();
  }

  async remove(groupId: string, personId: string): Promise<void> {
    await this.db
      .deleteFrom('memberships')
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .execute();
  }

  async setRole(groupId: string, personId: string, role: Role, at: string): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ role, updated_at: at })
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .execute();
  }

  async setState(groupId: string, personId: string, state: InvitationState, at: string): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ state, updated_at: at })
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .execute();
  }

  async listByGroup(groupId: string): Promise<MemberView[]> {
    const rows = await this.members(groupId).execute();
    return rows.map(toMemberView);
  }

  async pageByGroup(groupId: string, limit: number, after?: MemberCursor): Promise<MemberView[]> {
    let page = this.members(groupId);
    if (after) {
      page = page.where((eb) =>
        eb(
          eb.refTuple('memberships.role', 'memberships.created_at', 'memberships.person_id'),
          '>',
          eb.tuple(after.role, after.createdAt, after.personId),
        ),
      );
    }
    return (await page.limit(limit).execute()).map(toMemberView);
  }

  async readAdminCount(groupId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('group_id', '=', groupId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listByPeople(personIds: string[]): Promise<MemberView[]> {
    const found: MemberView[] = [];
    for (const ids of inLists([...new Set(personIds)])) {
      const rows = await this.withPeople().where('memberships.person_id', 'in', ids).execute();
      found.push(...rows.map(toMemberView));
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.groupId.localeCompare(b.groupId));
  }

  /** A group's members with their people, in page order (the memberships_group_page index's order). */
  private members(groupId: string) {
    return this.withPeople()
      .where('memberships.group_id', '=', groupId)
      .orderBy('memberships.role')
      .orderBy('memberships.created_at')
      .orderBy('memberships.person_id');
  }

  /** Memberships joined to their people, every column of both. */
  private withPeople() {
    return this.db
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .selectAll('memberships')
      .select([
        'people.phone',
        'people.tenant_id',
        'people.aad_object_id',
        'people.display_name',
        'people.created_at as person_created_at',
        'people.email',
        'people.employee_id',
        'people.user_principal_name',
        'people.directory_checked_at',
        'people.directory_outcome',
      ]);
  }

  async countAdmins(groupId: string): Promise<number> {
    await this.holdAdminChanges(groupId);
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('group_id', '=', groupId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async demoteAdmin(groupId: string, personId: string, at: string): Promise<boolean> {
    await this.holdAdminChanges(groupId);
    const result = await this.db
      .updateTable('memberships')
      .set({ role: 'member', updated_at: at })
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .where('role', '=', 'admin')
      .where(moreThanOneAdmin(groupId))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async removeAdmin(groupId: string, personId: string): Promise<boolean> {
    await this.holdAdminChanges(groupId);
    const result = await this.db
      .deleteFrom('memberships')
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .where('role', '=', 'admin')
      .where(moreThanOneAdmin(groupId))
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /**
   * PostgreSQL: locks the group's row until the transaction ends, so two transactions changing its
   * admins take turns and the second counts after the first committed (under READ COMMITTED a
   * conditional write alone would not do: each would count the other's admin, not yet demoted).
   * SQLite needs nothing: its one writer runs transactions one after another.
   */
  private async holdAdminChanges(groupId: string): Promise<void> {
    if (!this.postgres) return;
    await this.db.selectFrom('groups').select('id').where('id', '=', groupId).forUpdate().execute();
  }

  /** Read from the counts the database keeps per group (migration 0016): one row per group, whatever its size. */
  async countStates(
    groupIds: string[],
  ): Promise<Array<{ groupId: string; state: InvitationState; count: number }>> {
    if (groupIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('groups')
      .select(['id', 'invited_count', 'joined_count', 'declined_count'])
      .where('id', 'in', groupIds)
      .execute();
    return rows.flatMap((row) =>
      (['invited', 'joined', 'declined'] as const)
        .map((state) => ({ groupId: row.id, state, count: Number(row[`${state}_count`]) }))
        .filter((counted) => counted.count > 0),
    );
  }
}
