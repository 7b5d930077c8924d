import type { Person } from './person';

export interface PersonRepository {
  findById(id: string): Promise<Person | undefined>;
  findByPhone(e164: string): Promise<Person | undefined>;
  findByAadObjectId(tenantId: string, aadObjectId: string): Promise<Person | undefined>;
  insert(person: Person): Promise<void>;
  update(id: string, changes: Partial<Omit<Person, 'id' | 'createdAt'>>): Promise<void>;
  /**
   * Moves everything `fromId` holds (memberships, card invites, champ and org-admin roles, the phone
   * number) to `intoId`, which keeps its own where both hold one. `fromId` stays, empty.
   */
  mergeInto(fromId: string, intoId: string): Promise<void>;
}
