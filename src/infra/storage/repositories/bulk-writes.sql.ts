import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../../domain/audit/audit-entry';
import { type Group, groupNameKey, groupScopeKey } from '../../../domain/groups/group';
import type { Membership } from '../../../domain/memberships/membership';
import type { Person } from '../../../domain/people/person';
import type { BulkWrites } from '../../../domain/uploads/bulk-writes.port';
import type { Database } from '../schema';
import { toGroup } from './group.repository.sql';
import { inLists } from './in-lists';
import { toMembership } from './membership.repository.sql';
import { executeMultiRow } from './multi-row-insert';
import { phoneRegion, toPerson } from './person.repository.sql';

const groupColumns = [
  'id',
  'name',
  'name_key',
  'scope_key',
  'parent_id',
  'organisation_id',
  'created_by',
  'created_at',
] as const;
const personColumns = [
  'id',
  'phone',
  'tenant_id',
  'aad_object_id',
  'display_name',
  'created_at',
  'email',
  'employee_id',
  'phone_region',
] as const;
const membershipColumns = [
  'group_id',
  'person_id',
  'role',
  'source',
  'state',
  'invited_by',
  'created_at',
  'updated_at',
] as const;
const auditColumns = ['id', 'at', 'actor_id', 'action', 'group_id', 'job_id', 'details'] as const;

/** Many rows per statement for applying uploads; same tables and shapes as the one-row repositories. */
export class SqlBulkWrites implements BulkWrites {
  constructor(private readonly db: Kysely<Database>) {}

  async groupsByNameKeys(scopeKey: string, nameKeys: string[]): Promise<Group[]> {
    const found: Group[] = [];
    for (const part of inLists(nameKeys)) {
      const rows = await this.db
        .selectFrom('groups')
        .selectAll()
        .where('scope_key', '=', scopeKey)
        .where('name_key', 'in', part)
        .execute();
      found.push(...rows.map(toGroup));
    }
    return found;
  }

  async peopleByPhones(phones: string[]): Promise<Person[]> {
    const found: Person[] = [];
    for (const part of inLists(phones)) {
      const rows = await this.db.selectFrom('people').selectAll().where('phone', 'in', part).execute();
      found.push(...rows.map(toPerson));
    }
    return found;
  }

  async memberships(groupIds: string[], personIds: string[]): Promise<Membership[]> {
    if (groupIds.length === 0 || personIds.length === 0) return [];
    const found: Membership[] = [];
    const wanted = new Set(groupIds);
    for (const part of inLists(personIds)) {
      // By person only: with a group list too, SQLite may walk whole groups through the primary key,
      // which grows with every batch; a person is in few groups, so filtering here stays cheap.
      const rows = await this.db
        .selectFrom('memberships')
        .selectAll()
        .where('person_id', 'in', part)
        .execute();
      for (const row of rows) {
        if (wanted.has(row.group_id)) found.push(toMembership(row));
      }
    }
    return found;
  }

  async insertGroups(groups: Group[]): Promise<void> {
    await this.insertRows(
      'groups',
      groupColumns,
      groups.map((g) => [
        g.id,
        g.name,
        groupNameKey(g.name),
        groupScopeKey(g),
        g.parentId,
        g.organisationId,
        g.createdBy,
        g.createdAt,
      ]),
    );
  }

  async insertPeople(people: Person[]): Promise<void> {
    await this.insertRows(
      'people',
      personColumns,
      people.map((p) => [
        p.id,
        p.phone,
        p.tenantId,
        p.aadObjectId,
        p.displayName,
        p.createdAt,
        p.email,
        p.employeeId,
        phoneRegion(p.phone),
      ]),
    );
  }

  /**
   * In group order: each statement's count trigger takes its groups' rows in id order (migration 0016),
   * so a transaction that inserts into several groups over several statements takes them in one order
   * throughout, and two such transactions queue instead of deadlocking.
   */
  async insertMemberships(memberships: Membership[]): Promise<void> {
    const inGroupOrder = [...memberships].sort((a, b) =>
      a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0,
    );
    await this.insertRows(
      'memberships',
      membershipColumns,
      inGroupOrder.map((m) => [
        m.groupId,
        m.personId,
        m.role,
        m.source,
        m.state,
        m.invitedBy,
        m.createdAt,
        m.updatedAt,
      ]),
    );
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    await this.insertRows(
      'audit_entries',
      auditColumns,
      entries.map((e) => [e.id, e.at, e.actorId, e.action, e.groupId, e.jobId, JSON.stringify(e.details)]),
    );
  }

  /** Plain multi-row inserts (executeMultiRow sizes the statements), each shape compiled once. */
  private async insertRows(
    table: 'groups' | 'people' | 'memberships' | 'audit_entries',
    columns: readonly string[],
    rows: unknown[][],
  ): Promise<void> {
    await executeMultiRow(this.db, `insert ${table}`, columns, rows, (placeholders) =>
      this.db.insertInto(table).values(placeholders as never),
    );
  }
}
