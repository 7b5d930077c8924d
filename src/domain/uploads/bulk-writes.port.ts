import type { AuditEntry } from '../audit/audit-entry';
import type { Group } from '../groups/group';
import type { Membership } from '../memberships/membership';
import type { Person } from '../people/person';

/**
 * Set-at-a-time reads and writes for applying an upload: one query per batch instead of one per
 * row. The rules stay in the domain; this only moves many rows at once.
 */
export interface BulkWrites {
  groupsByNameKeys(scopeKey: string, nameKeys: string[]): Promise<Group[]>;
  peopleByPhones(phones: string[]): Promise<Person[]>;
  memberships(groupIds: string[], personIds: string[]): Promise<Membership[]>;
  insertGroups(groups: Group[]): Promise<void>;
  insertPeople(people: Person[]): Promise<void>;
  insertMemberships(memberships: Membership[]): Promise<void>;
  appendAudit(entries: AuditEntry[]): Promise<void>;
}
