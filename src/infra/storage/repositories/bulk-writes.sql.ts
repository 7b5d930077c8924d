import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../../domain/audit/audit-entry';
import { type Group, groupNameKey, groupScopeKey } from '../../../domain/groups/group';
import type {
  InvitationState,
  Membership,
  MembershipSource,
  Role,
} from '../../../domain/memberships/membership';
import type { Person } from '../../../domain/people/person';
import type { BulkWrites } from '../../../domain/uploads/bulk-writes.port';
import type { Database } from '../schema';
import { toPerson } from './person.repository.sql';

/** Values per statement: keeps every multi-row statement under SQLite's bound-parameter limit. */
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Many rows per statement for applying uploads; same tables and shapes as the one-row repositories. */
export class SqlBulkWrites implements BulkWrites {
  constructor(private readonly db: Kysely<Database>) {}

  async groupsByNameKeys(scopeKey: string, nameKeys: string[]): Promise<Group[]> {
    const found: Group[] = [];
    for (const part of chunks(nameKeys)) {
      const rows = await this.db
        .selectFrom('groups')
        .selectAll()
        .where('scope_key', '=', scopeKey)
        .where('name_key', 'in', part)
        .execute();
      for (const row of rows) {
        found.push({
          id: row.id,
          name: row.name,
          parentId: row.parent_id,
          organisationId: row.organisation_id,
          createdBy: row.created_by,
          createdAt: row.created_at,
        });
      }
    }
    return found;
  }

  async peopleByPhones(phones: string[]): Promise<Person[]> {
    const found: Person[] = [];
    for (const part of chunks(phones)) {
      const rows = await this.db.selectFrom('people').selectAll().where('phone', 'in', part).execute();
      found.push(...rows.map(toPerson));
    }
    return found;
  }

  async memberships(groupIds: string[], personIds: string[]): Promise<Membership[]> {
    if (groupIds.length === 0 || personIds.length === 0) return [];
    const found: Membership[] = [];
    const wanted = new Set(groupIds);
    for (const part of chunks(personIds)) {
      // By person only: with a group list too, SQLite may walk whole groups through the primary key,
      // which grows with every batch; a person is in few groups, so filtering here stays cheap.
      const rows = await this.db
        .selectFrom('memberships')
        .selectAll()
        .where('person_id', 'in', part)
        .execute();
      for (const row of rows) {
        if (!wanted.has(row.group_id)) continue;
        found.push({
          groupId: row.group_id,
          personId: row.person_id,
          role: row.role as Role,
          source: row.source as MembershipSource,
          state: row.state as InvitationState,
          invitedBy: row.invited_by,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        });
      }
    }
    return found;
  }

  async insertGroups(groups: Group[]): Promise<void> {
    for (const part of chunks(groups, 100)) {
      await this.db
        .insertInto('groups')
        .values(
          part.map((g) => ({
            id: g.id,
            name: g.name,
            name_key: groupNameKey(g.name),
            scope_key: groupScopeKey(g),
            parent_id: g.parentId,
            organisation_id: g.organisationId,
            created_by: g.createdBy,
            created_at: g.createdAt,
          })),
        )
        .execute();
    }
  }

  async insertPeople(people: Person[]): Promise<void> {
    for (const part of chunks(people, 500)) {
      await this.db
        .insertInto('people')
        .values(
          part.map((p) => ({
            id: p.id,
            phone: p.phone,
            tenant_id: p.tenantId,
            aad_object_id: p.aadObjectId,
            display_name: p.displayName,
            created_at: p.createdAt,
          })),
        )
        .execute();
    }
  }

  async insertMemberships(memberships: Membership[]): Promise<void> {
    for (const part of chunks(memberships, 500)) {
      await this.db
        .insertInto('memberships')
        .values(
          part.map((m) => ({
            group_id: m.groupId,
            person_id: m.personId,
            role: m.role,
            source: m.source,
            state: m.state,
            invited_by: m.invitedBy,
            created_at: m.createdAt,
            updated_at: m.updatedAt,
          })),
        )
        .execute();
    }
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    for (const part of chunks(entries, 500)) {
      await this.db
        .insertInto('audit_entries')
        .values(
          part.map((e) => ({
            id: e.id,
            at: e.at,
            actor_id: e.actorId,
            action: e.action,
            group_id: e.groupId,
            job_id: e.jobId,
            details: JSON.stringify(e.details),
          })),
        )
        .execute();
    }
  }
}
