import type { DirectoryOutcome, Person } from './person';

export interface PersonRepository {
  findById(id: string): Promise<Person | undefined>;
  findByPhone(e164: string): Promise<Person | undefined>;
  findByAadObjectId(tenantId: string, aadObjectId: string): Promise<Person | undefined>;
  /** People of a tenant with a Microsoft 365 account, by name (for pickers), at most `limit`. */
  listAccountsOfTenant(tenantId: string, limit: number): Promise<Person[]>;
  insert(person: Person): Promise<void>;
  /**
   * Records the language a Microsoft 365 person's Teams speaks (`en`, `hi`, `ar`), for cards sent to
   * them later; writes only when it differs from the stored one. False when Convene does not know the
   * person yet (nothing to record it on).
   */
  rememberLocale(tenantId: string, aadObjectId: string, locale: string): Promise<boolean>;
  update(id: string, changes: Partial<Omit<Person, 'id' | 'createdAt'>>): Promise<void>;
  /**
   * Records a directory lookup that found no account (or could not be made) for these people, in one
   * statement; someone linked meanwhile is left alone (their outcome stays `matched`).
   */
  recordDirectoryChecks(
    personIds: readonly string[],
    outcome: Exclude<DirectoryOutcome, 'matched'>,
    at: string,
  ): Promise<void>;
  /**
   * Moves everything `fromId` holds (memberships, card invites, champ and org-admin roles, the phone
   * number) to `intoId`, which keeps its own where both hold one. `fromId` stays, empty.
   */
  mergeInto(fromId: string, intoId: string): Promise<void>;
}
