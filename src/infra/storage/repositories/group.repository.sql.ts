import { type Kysely, type Selectable, sql } from 'kysely';
import { type Group, groupNameKey, groupScopeKey } from '../../../domain/groups/group';
import { GroupNameTaken } from '../../../domain/groups/group.errors';
import type { GroupRepository, GroupSummary } from '../../../domain/groups/group.repository';
import type { Role } from '../../../domain/memberships/membership';
import type { Database, GroupsTable } from '../schema';
import { isUniqueViolation } from '../sql-errors';

/** Guards against a corrupt parent chain looping forever; real hierarchies are a handful deep. */
const MAX_DEPTH = 1000;

/** Row → entity; the bulk writes read groups through it too. */
export const toGroup = (row: Selectable<GroupsTable>): Group => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  organisationId: row.organisation_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export class SqlGroupRepository implements GroupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<Group | undefined> {
    const row = await this.db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGroup(row);
  }

  async findByName(scopeKey: string, name: string): Promise<Group | undefined> {
    const row = await this.db
      .selectFrom('groups')
      .selectAll()
      .where('scope_key', '=', scopeKey)
      .where('name_key', '=', groupNameKey(name))
      .executeTakeFirst();
    return row && toGroup(row);
  }

  async insert(g: Group): Promise<void> {
    try {
      await this.db
        .insertInto('groups')
        .values({
          id: g.id,
          name: g.name,
          name_key: groupNameKey(g.name),
          scope_key: groupScopeKey(g),
          parent_id: g.parentId,
          organisation_id: g.organisationId,
          created_by: g.createdBy,
          created_at: g.createdAt,
        })
        .execute();
    } catch (error) {
      // Two creators racing for one name: the unique index decides, the loser hears it plainly.
      if (isUniqueViolation(error)) throw new GroupNameTaken(g.name);
      throw error;
    }
  }

  async setParent(id: string, parentId: string | null): Promise<void> {
    await this.db.updateTable('groups').set({ parent_id: parentId }).where('id', '=', id).execute();
  }

  async setOrganisation(id: string, organisationId: string): Promise<void> {
    try {
      await this.db
        .updateTable('groups')
        .set({ organisation_id: organisationId, scope_key: `org:${organisationId}` })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        const group = await this.findById(id);
        throw new GroupNameTaken(group?.name ?? id);
      }
      throw error;
    }
  }

  async ancestors(id: string): Promise<Group[]> {
    const chain: Group[] = [];
    let current = await this.findById(id);
    while (current?.parentId && chain.length < MAX_DEPTH) {
      const parent = await this.findById(current.parentId);
      if (!parent) break;
      chain.push(parent);
      current = parent;
    }
    return chain;
  }

  async children(id: string): Promise<Group[]> {
    const rows = await this.db
      .selectFrom('groups')
      .selectAll()
      .where('parent_id', '=', id)
      .orderBy('name_key')
      .execute();
    return rows.map(toGroup);
  }

  /** Groups with their member counts, which the database keeps (migration 0016): nothing is counted here. */
  private summaries() {
    return this.db
      .selectFrom('groups')
      .selectAll('groups')
      .select(sql<number>`groups.invited_count + groups.joined_count`.as('member_count'));
  }

  async listForPerson(personId: string): Promise<GroupSummary[]> {
    const rows = await this.summaries()
      .innerJoin('memberships', 'memberships.group_id', 'groups.id')
      .select('memberships.role')
      .where('memberships.person_id', '=', personId)
      .where('memberships.state', '<>', 'declined')
      .orderBy('groups.name_key')
      .execute();
    return rows.map((row) => ({
      ...toGroup(row),
      role: row.role as Role,
      memberCount: Number(row.member_count),
    }));
  }

  async listForOrganisation(organisationId: string): Promise<GroupSummary[]> {
    const rows = await this.summaries()
      .where('groups.organisation_id', '=', organisationId)
      .orderBy('groups.name_key')
      .execute();
    return rows.map((row) => ({ ...toGroup(row), role: null, memberCount: Number(row.member_count) }));
  }
}
