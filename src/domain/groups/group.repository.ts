import type { Role } from '../memberships/membership';
import type { Group } from './group';

/** A group as listed for one person: their role and how many people are in it. */
export interface GroupSummary extends Group {
  role: Role | null;
  memberCount: number;
}

export interface GroupRepository {
  findById(id: string): Promise<Group | undefined>;
  findByName(scopeKey: string, name: string): Promise<Group | undefined>;
  insert(group: Group): Promise<void>;
  setParent(id: string, parentId: string | null): Promise<void>;
  setOrganisation(id: string, organisationId: string): Promise<void>;
  /** Ancestors of a group, nearest first. */
  ancestors(id: string): Promise<Group[]>;
  children(id: string): Promise<Group[]>;
  listForPerson(personId: string): Promise<GroupSummary[]>;
  listForOrganisation(organisationId: string): Promise<GroupSummary[]>;
}
